import { pageFields } from '../ingest/pages';
import { PAGERDUTY, type PagerDutyPage } from '../ingest/pagerdutyPages';
import { asLabel, checkSignal, respondersOf } from '../webhooks/payload';
import type { PagerDutyIncident, PagerDutyLogEntry } from './pagerdutyClient';

const at = (s: string) => new Date(s).getTime();

/**
 * Whether an incident's log entries can hold an acknowledge or a resolve: not for one still
 * triggered whose status never changed since it was created (one request saved per open page).
 */
export const needsLogEntries = (incident: PagerDutyIncident) =>
  incident.status !== 'triggered' || (!!incident.last_status_change_at && at(incident.last_status_change_at) !== at(incident.created_at));

/**
 * Who carried an incident: its assignees while it is open; once resolved PagerDuty empties
 * `assignments`, so then the users who acknowledged or resolved it (log entries whose agent is a
 * user — an auto-resolve's agent is the service, nobody's pager). writePagerDutyPages adds them to
 * the ones a webhook stored before.
 */
function incidentResponders(incident: PagerDutyIncident, entries: readonly PagerDutyLogEntry[]): (string | null | undefined)[] {
  const assigned = (incident.assignments ?? []).map((a) => a.assignee.summary);
  if (assigned.some((name) => asLabel(name) !== null)) return assigned;
  return entries
    .filter((e) => (e.type === 'acknowledge_log_entry' || e.type === 'resolve_log_entry') && e.agent?.type === 'user_reference')
    .map((e) => e.agent!.summary);
}

/**
 * A PagerDuty incident (REST API v2 `incident` object) and its log entries as a page: triggered at
 * `created_at`, acknowledged at its first `acknowledge_log_entry`, resolved — when its status is
 * `resolved` — at its last `resolve_log_entry` (else the incident's `resolved_at`, else its last
 * status change). Service and urgency as the webhook reads them (server/webhooks/pagerduty.ts),
 * responders as incidentResponders finds them.
 * Throws PayloadError naming the incident when it cannot be a page.
 */
export function pageOfIncident(incident: PagerDutyIncident, entries: readonly PagerDutyLogEntry[]): PagerDutyPage {
  const sorted = [...entries].sort((a, b) => at(a.created_at) - at(b.created_at));
  const acknowledged = sorted.find((e) => e.type === 'acknowledge_log_entry');
  const resolve = sorted.filter((e) => e.type === 'resolve_log_entry').at(-1);
  const resolvedAt = incident.status === 'resolved' ? (resolve?.created_at ?? incident.resolved_at ?? incident.last_status_change_at ?? null) : null;
  const page = checkSignal(pageFields, {
    source: PAGERDUTY,
    externalId: incident.id,
    service: asLabel(incident.service?.summary),
    urgency: incident.urgency === 'low' ? 'LOW' : 'HIGH',
    triggeredAt: incident.created_at,
    acknowledgedAt: acknowledged?.created_at ?? null,
    resolvedAt,
    responders: respondersOf(incidentResponders(incident, sorted)),
  }, `PagerDuty incident ${incident.id}`);
  const stateAt = resolvedAt ?? incident.last_status_change_at ?? null;
  return {
    page,
    serviceKey: incident.service?.id ?? null,
    teamKeys: (incident.teams ?? []).map((t) => t.id),
    stateAt: stateAt ? new Date(stateAt) : null,
  };
}
