/** How the notifications section words events, targets and delivery states. */
import type { NotificationDeliveryState, NotificationEvent } from '../../graphql/generated/graphql';

export const EVENT_LABEL: Record<NotificationEvent, string> = {
  TEAM_STATUS: 'status turns WARN or BREACH',
  SPRINT_UNDER_RESERVED: 'sprint ended under-reserved',
  WEEKLY_DIGEST: 'weekly digest',
};

export const EVENTS: NotificationEvent[] = ['TEAM_STATUS', 'SPRINT_UNDER_RESERVED', 'WEEKLY_DIGEST'];

export const STATE_LABEL: Record<NotificationDeliveryState, string> = {
  PENDING: 'Pending',
  RETRYING: 'Retrying',
  DELIVERED: 'Delivered',
  FAILED: 'Failed',
};

/** "Whole org", "Group <path>", or the team's name (its slug when the team is gone from the list). */
export function targetText(sub: { team?: string | null; group?: { path: string } | null }, teams: readonly { slug: string; name: string }[]): string {
  if (sub.group) return `Group ${sub.group.path}`;
  if (!sub.team) return 'Whole org';
  return teams.find((t) => t.slug === sub.team)?.name ?? sub.team;
}
