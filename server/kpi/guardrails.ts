// Guardrails: policy limits a team agrees on, and their evaluation for a date range.
// Messages are full sentences with numbers so they can be shown as-is.

import { decimalsAgainst, hours, millionths, pct, published, publishedOrNull, roundTo } from './format.js';

/** NO_DATA: the window holds no signal at all, so there is nothing to judge — never a green OK. */
export type Status = 'OK' | 'WARN' | 'BREACH' | 'NO_DATA';

/**
 * What the recommendation reserves before the floor and ceiling: the EWMA projection (the spec's
 * rule, the default) or the 80th percentile of the range beside it (issue 20), when there is one.
 */
export type ReserveAt = 'PROJECTION' | 'P80';
export const RESERVE_AT: readonly ReserveAt[] = ['PROJECTION', 'P80'];

export interface GuardrailPolicy {
  reserveFloor: number; // minimum share of capacity reserved for ops (0..1)
  opsCeiling: number; // maximum acceptable share of capacity spent on ops (0..1)
  maxPageHoursPerWeek: number;
  maxSleepInterruptionsPerWeek: number;
  maxChangeFailureRate: number; // 0..1
  lookbackSprints: number; // finished sprints used by the projection
  reserveAt: ReserveAt;
  /** The busiest responder's sleep interruptions per week (pages naming responders only). */
  maxSleepInterruptionsPerPersonWeek: number;
}

export const DEFAULT_GUARDRAILS: GuardrailPolicy = {
  reserveFloor: 0.2,
  opsCeiling: 0.5,
  maxPageHoursPerWeek: 12,
  maxSleepInterruptionsPerWeek: 2,
  maxChangeFailureRate: 0.15,
  lookbackSprints: 3,
  reserveAt: 'PROJECTION',
  // The team rule's 2: one person can never have more than the team's paged sleep interruptions, so
  // on defaults the rule never judges worse than the team rule; a team that spreads nights over a
  // rotation raises the team limit and keeps each person's at 2 (see README, "Guardrails").
  maxSleepInterruptionsPerPersonWeek: 2,
};

/**
 * Status of a "lower is better" published figure against its limit: BREACH only over the limit,
 * WARN from 80% of it (early enough to act within the sprint), both compared as integers of
 * millionths (5 × value ≥ 4 × limit) so no float noise sits on a boundary.
 * null (unknown) → OK: a figure that cannot exist (no deploys, no capacity) must not raise alarms;
 * the message says it is unknown.
 * Limit ≤ 0: no warning band exists (80% of 0 is 0), so anything above the limit breaches.
 */
export function ruleStatus(value: number | null, limit: number): Status {
  if (value === null) return 'OK';
  const v = millionths(value);
  const l = millionths(limit);
  if (v > l) return 'BREACH';
  if (l > 0 && 5 * v >= 4 * l) return 'WARN';
  return 'OK';
}

/** Status of a "higher is better" share against its floor: below it is a BREACH, there is no WARN band. */
export function floorStatus(value: number | null, floor: number): Status {
  return value !== null && millionths(value) < millionths(floor) ? 'BREACH' : 'OK';
}

// NO_DATA ranks above OK: a list of rules with nothing to judge and nothing wrong is "no data".
const SEVERITY: Record<Status, number> = { OK: 0, NO_DATA: 1, WARN: 2, BREACH: 3 };

/** Most severe status; an empty list is OK (nothing is wrong). */
export function worstStatus(statuses: Status[]): Status {
  return statuses.reduce<Status>((w, s) => (SEVERITY[s] > SEVERITY[w] ? s : w), 'OK');
}

/**
 * A count or hours over d days as a weekly figure: value × 7 / max(d, 7). A range shorter than a
 * week is judged as the week it lies in, so one bad day is not extrapolated to a week of them.
 * A range of 0 days has no weeks → null.
 */
export function perWeek(value: number, days: number): number | null {
  return days > 0 ? published('perWeek', (value * 7) / Math.max(days, 7)) : null;
}

export interface RuleResult {
  rule:
    | 'opsCeiling' | 'reserveFloor' | 'pageHoursPerWeek' | 'sleepInterruptionsPerWeek' | 'sleepInterruptionsPerPersonWeek'
    | 'changeFailureRate' | 'projectedOpsShare' | 'reservedOpsShare';
  status: Status;
  value: number | null;
  limit: number;
  message: string;
}

export interface RuleInputs {
  opsShare: number | null;
  reservedOpsShare: number | null;
  pageHours: number;
  sleepInterruptions: number;
  /**
   * The most sleep interruptions any one responder had in the range (pages naming responders only;
   * a page counts for each of its responders); null when no page in the range names a responder.
   */
  busiestResponderSleepInterruptions: number | null;
  deploys: number;
  failedDeploys: number;
  days: number; // length of the range in days
  /** False when the window holds no signal at all (no alerts, pages, deploys or toil): NO_DATA. */
  hasSignal: boolean;
}

const RELATION: Record<Status, string> = { OK: 'within', WARN: 'close to', BREACH: 'above', NO_DATA: 'not judged against' };

// Plain number with at most one decimal (two next to a limit it would look equal to), for counts per week.
const num = (x: number, decimals: 1 | 2 = 1): string => String(roundTo(x, decimals));

const times = (text: string): string => `${text} time${text === '1' ? '' : 's'}`;

const NO_SIGNAL = 'No alerts, pages, deploys or toil were recorded in this window, so';

export function evaluateRules(i: RuleInputs, p: GuardrailPolicy): RuleResult[] {
  const pagePerWeek = perWeek(i.pageHours, i.days);
  const sleepPerWeek = perWeek(i.sleepInterruptions, i.days);
  const personPerWeek = i.busiestResponderSleepInterruptions === null ? null : perWeek(i.busiestResponderSleepInterruptions, i.days);
  // Zero rule: no deploys → no failure rate (null), not 0% and not NaN.
  const cfr = i.deploys > 0 ? published('share', i.failedDeploys / i.deploys) : null;
  const opsShare = publishedOrNull('share', i.opsShare);
  const reserved = publishedOrNull('share', i.reservedOpsShare);
  // Rules on signals have nothing to judge in a window without any; the reservation still does.
  const judged = (s: Status): Status => (i.hasSignal ? s : 'NO_DATA');

  const ops = judged(ruleStatus(opsShare, p.opsCeiling));
  const page = judged(ruleStatus(pagePerWeek, p.maxPageHoursPerWeek));
  const sleep = judged(ruleStatus(sleepPerWeek, p.maxSleepInterruptionsPerWeek));
  const person = judged(ruleStatus(personPerWeek, p.maxSleepInterruptionsPerPersonWeek));
  const cf = judged(ruleStatus(cfr, p.maxChangeFailureRate));
  const reserve = floorStatus(reserved, p.reserveFloor);

  return [
    {
      rule: 'opsCeiling', status: ops, value: opsShare, limit: p.opsCeiling,
      message: !i.hasSignal
        ? `${NO_SIGNAL} the ops share is not judged against the ${pct(p.opsCeiling)} ceiling.`
        : opsShare === null
          ? 'Ops share is unknown because the capacity is zero.'
          : `Ops took ${pct(opsShare, decimalsAgainst(opsShare, p.opsCeiling, 100))} of capacity, ${RELATION[ops]} the ${pct(p.opsCeiling)} ceiling.`,
    },
    {
      rule: 'reserveFloor', status: reserve, value: reserved, limit: p.reserveFloor,
      message: reserved === null
        ? `No ops reservation was recorded, so the ${pct(p.reserveFloor)} floor could not be checked.`
        : reserve === 'BREACH'
          ? `Only ${pct(reserved, decimalsAgainst(reserved, p.reserveFloor, 100))} of capacity was reserved for ops, below the ${pct(p.reserveFloor)} floor.`
          : `${pct(reserved)} of capacity was reserved for ops, meeting the ${pct(p.reserveFloor)} floor.`,
    },
    {
      rule: 'pageHoursPerWeek', status: page, value: pagePerWeek, limit: p.maxPageHoursPerWeek,
      message: pagePerWeek === null
        ? 'Page hours per week are unknown because the range has no days.'
        : !i.hasSignal
          ? `${NO_SIGNAL} page hours are not judged against the ${hours(p.maxPageHoursPerWeek)} weekly limit.`
          : `Pages took ${hours(pagePerWeek, decimalsAgainst(pagePerWeek, p.maxPageHoursPerWeek))} per week, ${RELATION[page]} the ${hours(p.maxPageHoursPerWeek)} weekly limit.`,
    },
    {
      rule: 'sleepInterruptionsPerWeek', status: sleep, value: sleepPerWeek, limit: p.maxSleepInterruptionsPerWeek,
      message: sleepPerWeek === null
        ? 'Sleep interruptions per week are unknown because the range has no days.'
        : !i.hasSignal
          ? `${NO_SIGNAL} sleep interruptions are not judged against the limit of ${num(p.maxSleepInterruptionsPerWeek)} per week.`
          : `Sleep was interrupted ${times(num(sleepPerWeek, decimalsAgainst(sleepPerWeek, p.maxSleepInterruptionsPerWeek)))} per week, ${RELATION[sleep]} the limit of ${num(p.maxSleepInterruptionsPerWeek)} per week.`,
    },
    {
      // Names no one: who the busiest responder is belongs to the team page's per-person figures,
      // which the org may hide; the rule only says how busy the busiest one was.
      rule: 'sleepInterruptionsPerPersonWeek', status: person, value: personPerWeek, limit: p.maxSleepInterruptionsPerPersonWeek,
      message: !i.hasSignal
        ? `${NO_SIGNAL} no responder's sleep interruptions are judged against the limit of ${num(p.maxSleepInterruptionsPerPersonWeek)} per person per week.`
        : i.busiestResponderSleepInterruptions === null
          ? `No page in this window names its responders, so sleep interruptions per person cannot be judged against the limit of ${num(p.maxSleepInterruptionsPerPersonWeek)} per person per week.`
          : personPerWeek === null
            ? 'Sleep interruptions per person per week are unknown because the range has no days.'
            : `The busiest responder had ${num(personPerWeek, decimalsAgainst(personPerWeek, p.maxSleepInterruptionsPerPersonWeek))} sleep interruption${personPerWeek === 1 ? '' : 's'} a week, ${RELATION[person]} the limit of ${num(p.maxSleepInterruptionsPerPersonWeek)} per person.`,
    },
    {
      rule: 'changeFailureRate', status: cf, value: cfr, limit: p.maxChangeFailureRate,
      message: !i.hasSignal
        ? `${NO_SIGNAL} there is no change failure rate to judge.`
        : cfr === null
          ? 'There were no deploys, so there is no change failure rate.'
          : `${pct(cfr, decimalsAgainst(cfr, p.maxChangeFailureRate, 100))} of deploys failed (${i.failedDeploys} of ${i.deploys}), ${RELATION[cf]} the ${pct(p.maxChangeFailureRate)} limit.`,
    },
  ];
}

/** Field-level problems with a policy; empty array means valid. */
export function validatePolicy(p: GuardrailPolicy): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const share = (field: 'reserveFloor' | 'opsCeiling' | 'maxChangeFailureRate') => {
    const v = p[field];
    if (!Number.isFinite(v) || v < 0 || v > 1) {
      errors.push({ field, message: `${field} must be a share between 0 and 1 (0% to 100%), got ${v}.` });
    }
  };
  share('reserveFloor');
  share('opsCeiling');
  share('maxChangeFailureRate');
  if (Number.isFinite(p.reserveFloor) && Number.isFinite(p.opsCeiling) && p.reserveFloor > p.opsCeiling) {
    errors.push({
      field: 'reserveFloor',
      message: `The reserve floor (${pct(p.reserveFloor)}) cannot be above the ops ceiling (${pct(p.opsCeiling)}).`,
    });
  }
  for (const field of ['maxPageHoursPerWeek', 'maxSleepInterruptionsPerWeek', 'maxSleepInterruptionsPerPersonWeek'] as const) {
    const v = p[field];
    if (!Number.isFinite(v) || v < 0) {
      errors.push({ field, message: `${field} must be a non-negative number, got ${v}.` });
    }
  }
  if (!Number.isInteger(p.lookbackSprints) || p.lookbackSprints < 1 || p.lookbackSprints > 12) {
    errors.push({
      field: 'lookbackSprints',
      message: `lookbackSprints must be a whole number from 1 to 12, got ${p.lookbackSprints}.`,
    });
  }
  if (!RESERVE_AT.includes(p.reserveAt)) {
    errors.push({ field: 'reserveAt', message: `reserveAt must be one of ${RESERVE_AT.join(', ')}, got ${String(p.reserveAt)}.` });
  }
  return errors;
}
