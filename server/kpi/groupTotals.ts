import { published, publishedOrNull } from './format';
import { opsShare, type OpsBreakdown } from './loadModel';
import { ratio } from './signals';
import { worstStatus, type Status } from './guardrails';

/** What a team brings to its group's row: its published KPIs over the range and its status. */
export interface TeamFigures {
  alerts: number;
  pages: number;
  pageHours: number;
  businessPageHours: number;
  offHoursPageHours: number;
  sleepPageHours: number;
  sleepInterruptions: number;
  deploys: number;
  failedDeploys: number;
  toilHours: number;
  opsBreakdown: OpsBreakdown;
  opsHours: number;
  capacityHours: number;
  status: Status;
}

/** The figures of a set of teams (a group with its nested groups, or the org) over one range. */
export interface Totals extends Omit<TeamFigures, 'status'> {
  /** Teams summed. */
  teams: number;
  /** failedDeploys / deploys of the sums; null without deploys. */
  changeFailureRate: number | null;
  /** Ops hours of the teams with a capacity, over their summed capacity; null when none has one. */
  opsShare: number | null;
  /** Ops hours of the teams with a capacity: the numerator of opsShare. */
  opsHoursWithCapacity: number;
  /** The worst status of the teams; NO_DATA for no team (nothing to judge). */
  status: Status;
}

const HOURS = ['pageHours', 'businessPageHours', 'offHoursPageHours', 'sleepPageHours', 'toilHours', 'opsHours', 'capacityHours'] as const;
const COUNTS = ['alerts', 'pages', 'sleepInterruptions', 'deploys', 'failedDeploys'] as const;
const PARTS = ['pages', 'alerts', 'failedDeploys', 'toil'] as const;

/**
 * Totals of teams: hours and counts are sums (hours re-rounded to the published precision, which
 * strips the noise of adding floats); shares and rates are recomputed from the summed numerator
 * and denominator, never averaged — a team of 2 and a team of 20 do not weigh the same. A team
 * without capacity (members unknown) adds its hours to opsHours but not to the share: its hours
 * have no capacity to be set against, and counting them would inflate everyone's share.
 */
export function totalsOf(teams: readonly TeamFigures[]): Totals {
  const sum = (pick: (t: TeamFigures) => number) => teams.reduce((s, t) => s + pick(t), 0);
  const hours = Object.fromEntries(HOURS.map((k) => [k, published('hours', sum((t) => t[k]))])) as Record<(typeof HOURS)[number], number>;
  const counts = Object.fromEntries(COUNTS.map((k) => [k, sum((t) => t[k])])) as Record<(typeof COUNTS)[number], number>;
  const opsBreakdown = Object.fromEntries(PARTS.map((k) => [k, published('hours', sum((t) => t.opsBreakdown[k]))])) as unknown as OpsBreakdown;
  const opsHoursWithCapacity = published('hours', sum((t) => (t.capacityHours > 0 ? t.opsHours : 0)));
  return {
    teams: teams.length,
    ...counts,
    ...hours,
    opsBreakdown,
    opsHoursWithCapacity,
    changeFailureRate: publishedOrNull('share', ratio(counts.failedDeploys, counts.deploys)),
    opsShare: opsShare(opsHoursWithCapacity, hours.capacityHours),
    status: teams.length === 0 ? 'NO_DATA' : worstStatus(teams.map((t) => t.status)),
  };
}
