// Guardrails: policy limits a team agrees on, and their evaluation for a date range.
// Messages are full sentences with numbers so they can be shown as-is.

import { hours, pct } from './format.js';

export type Status = 'OK' | 'WARN' | 'BREACH';

export interface GuardrailPolicy {
  reserveFloor: number; // minimum share of capacity reserved for ops (0..1)
  opsCeiling: number; // maximum acceptable share of capacity spent on ops (0..1)
  maxPageHoursPerWeek: number;
  maxSleepInterruptionsPerWeek: number;
  maxChangeFailureRate: number; // 0..1
  lookbackSprints: number; // finished sprints used by the projection
}

export const DEFAULT_GUARDRAILS: GuardrailPolicy = {
  reserveFloor: 0.2,
  opsCeiling: 0.5,
  maxPageHoursPerWeek: 12,
  maxSleepInterruptionsPerWeek: 2,
  maxChangeFailureRate: 0.15,
  lookbackSprints: 3,
};

/** Warn once a value reaches 80% of its limit: early enough to act within the sprint. */
const WARN_FRACTION = 0.8;

/**
 * Status of a "lower is better" value against its limit.
 * null (unknown) → OK: missing data must not raise alarms; the message says it is unknown.
 * Limit ≤ 0: no warning band exists (80% of 0 is 0), so anything above the limit breaches.
 */
export function ruleStatus(value: number | null, limit: number): Status {
  if (value === null) return 'OK';
  if (limit <= 0) return value > limit ? 'BREACH' : 'OK';
  if (value > limit) return 'BREACH';
  if (value >= WARN_FRACTION * limit) return 'WARN';
  return 'OK';
}

const SEVERITY: Record<Status, number> = { OK: 0, WARN: 1, BREACH: 2 };

/** Most severe status; an empty list is OK (nothing is wrong). */
export function worstStatus(statuses: Status[]): Status {
  return statuses.reduce<Status>((w, s) => (SEVERITY[s] > SEVERITY[w] ? s : w), 'OK');
}

export interface RuleResult {
  rule: 'opsCeiling' | 'reserveFloor' | 'pageHoursPerWeek' | 'sleepInterruptionsPerWeek' | 'changeFailureRate';
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
  deploys: number;
  failedDeploys: number;
  days: number; // length of the range in days
}

const RELATION: Record<Status, string> = { OK: 'within', WARN: 'close to', BREACH: 'above' };

// Plain number with at most one decimal, for counts per week.
const num = (x: number): string => String(Math.round(x * 10) / 10);

// Tolerance so 0.1 + 0.1 style float noise never turns an exact floor into a breach.
const EPS = 1e-9;

export function evaluateRules(i: RuleInputs, p: GuardrailPolicy): RuleResult[] {
  // Zero rule: a range of 0 days has no weeks → per-week values are unknown (null).
  const weeks = i.days > 0 ? i.days / 7 : null;
  const pagePerWeek = weeks === null ? null : i.pageHours / weeks;
  const sleepPerWeek = weeks === null ? null : i.sleepInterruptions / weeks;
  // Zero rule: no deploys → no failure rate (null), not 0% and not NaN.
  const cfr = i.deploys > 0 ? i.failedDeploys / i.deploys : null;

  const ops = ruleStatus(i.opsShare, p.opsCeiling);
  const page = ruleStatus(pagePerWeek, p.maxPageHoursPerWeek);
  const sleep = ruleStatus(sleepPerWeek, p.maxSleepInterruptionsPerWeek);
  const cf = ruleStatus(cfr, p.maxChangeFailureRate);
  // The floor is a "higher is better" rule, so it is not a ruleStatus case and has no WARN band.
  const reserve: Status =
    i.reservedOpsShare !== null && i.reservedOpsShare < p.reserveFloor - EPS ? 'BREACH' : 'OK';

  return [
    {
      rule: 'opsCeiling', status: ops, value: i.opsShare, limit: p.opsCeiling,
      message: i.opsShare === null
        ? 'Ops share is unknown because the capacity is zero.'
        : `Ops took ${pct(i.opsShare)} of capacity, ${RELATION[ops]} the ${pct(p.opsCeiling)} ceiling.`,
    },
    {
      rule: 'reserveFloor', status: reserve, value: i.reservedOpsShare, limit: p.reserveFloor,
      message: i.reservedOpsShare === null
        ? `No ops reservation was recorded, so the ${pct(p.reserveFloor)} floor could not be checked.`
        : reserve === 'BREACH'
          ? `Only ${pct(i.reservedOpsShare)} of capacity was reserved for ops, below the ${pct(p.reserveFloor)} floor.`
          : `${pct(i.reservedOpsShare)} of capacity was reserved for ops, meeting the ${pct(p.reserveFloor)} floor.`,
    },
    {
      rule: 'pageHoursPerWeek', status: page, value: pagePerWeek, limit: p.maxPageHoursPerWeek,
      message: pagePerWeek === null
        ? 'Page hours per week are unknown because the range has no days.'
        : `Pages took ${hours(pagePerWeek)} per week, ${RELATION[page]} the ${hours(p.maxPageHoursPerWeek)} weekly limit.`,
    },
    {
      rule: 'sleepInterruptionsPerWeek', status: sleep, value: sleepPerWeek, limit: p.maxSleepInterruptionsPerWeek,
      message: sleepPerWeek === null
        ? 'Sleep interruptions per week are unknown because the range has no days.'
        : `Sleep was interrupted ${num(sleepPerWeek)} time${num(sleepPerWeek) === '1' ? '' : 's'} per week, ${RELATION[sleep]} the limit of ${num(p.maxSleepInterruptionsPerWeek)} per week.`,
    },
    {
      rule: 'changeFailureRate', status: cf, value: cfr, limit: p.maxChangeFailureRate,
      message: cfr === null
        ? 'There were no deploys, so there is no change failure rate.'
        : `${pct(cfr)} of deploys failed (${i.failedDeploys} of ${i.deploys}), ${RELATION[cf]} the ${pct(p.maxChangeFailureRate)} limit.`,
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
  for (const field of ['maxPageHoursPerWeek', 'maxSleepInterruptionsPerWeek'] as const) {
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
  return errors;
}
