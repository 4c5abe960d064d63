// Recommends the ops reservation for the next sprint from recent ops shares.
// The output carries its own explanation so a manager can defend the number.

import { decimalsAgainst, hours, millionths, pct, published } from './format.js';
import { floorStatus, ruleStatus, worstStatus, type GuardrailPolicy, type ReserveAt, type RuleResult, type Status } from './guardrails.js';

export interface SprintShare {
  name: string;
  opsShare: number;
} // finished sprints, NEWEST FIRST

export interface PlanInputs {
  history: SprintShare[];
  policy: GuardrailPolicy;
  capacityHours: number;
  window: { startDate: string; endDate: string };
  capacityExplanation: string;
  /** Whether the windows looked back on hold any signal; without one the plan is NO_DATA. Default: history is not empty. */
  signal?: boolean;
  /** The team's other rules over the lookback window (ops ceiling, pages, sleep, change failures). */
  windowRules?: RuleResult[];
  /** The team's newest sprint and what it reserved, to compare the recommendation with. */
  lastSprint?: { name: string; reservedOpsShare: number | null } | null;
  /** A what-if: the share the planner chose instead of the recommendation. */
  chosenShare?: number | null;
  /**
   * The range beside the plan (kpi/odds.ts), for a policy that reserves at its 80th percentile:
   * p80Share null (or no range given) when there are too few past sprints for one.
   */
  range?: { p80Share: number | null; basedOnSprints: number } | null;
}

export interface Plan {
  projectedOpsShare: number;
  recommendedOpsShare: number;
  /** The share the hours use: the recommendation, or the what-if choice. */
  reservedOpsShare: number;
  reservedOpsHours: number;
  featureHours: number;
  /** The worst of the plan's rules. */
  status: Status;
  /** The projection, the reservation, then the team's rules over the lookback window. */
  rules: RuleResult[];
  explanation: string[];
  /** What the recommendation started from: the policy's reserveAt, or PROJECTION when P80 has no range. */
  recommendationBasis: ReserveAt;
}

/**
 * Normalised EWMA weights for n values, newest first: wᵢ = α(1−α)^i / Σw.
 * Normalising makes a short history a proper average instead of under-counting it.
 * Zero rule: α must be in (0, 1]; α = 0 would make Σw = 0, so it is rejected.
 */
export function ewmaWeights(n: number, alpha = 0.5): number[] {
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`alpha must be in (0, 1], got ${alpha}`);
  const raw = Array.from({ length: n }, (_, i) => alpha * (1 - alpha) ** i);
  const sum = raw.reduce((a, b) => a + b, 0); // > 0 whenever n ≥ 1 since raw[0] = α > 0
  return raw.map((w) => w / sum);
}

/** Recency-weighted mean of shares, newest first. Empty → null (nothing to project from). */
export function ewmaProjection(sharesNewestFirst: number[], alpha = 0.5): number | null {
  if (sharesNewestFirst.length === 0) return null;
  const w = ewmaWeights(sharesNewestFirst.length, alpha);
  return sharesNewestFirst.reduce((acc, x, i) => acc + x * (w[i] ?? 0), 0);
}

/**
 * Round up to the next multiple of `step` (reservations are planned in 5% steps).
 * A value already on a step (within 1e-9, i.e. float noise) stays put, so 0.25 does
 * not become 0.30 because 0.25 / 0.05 is 5.000000000000001.
 */
export function roundUpToStep(x: number, step = 0.05): number {
  if (!(step > 0)) throw new RangeError(`step must be positive, got ${step}`);
  const nearest = Math.round(x / step);
  const k = Math.abs(x - nearest * step) <= 1e-9 ? nearest : Math.ceil(x / step);
  const r = Number((k * step).toFixed(10)); // strip 0.30000000000000004-style noise
  return r === 0 ? 0 : r; // never -0
}

/**
 * The projection the plan makes from finished sprints' shares (newest first): the published EWMA of
 * the last lookbackSprints (judged and rounded up as printed: an EWMA of exactly 40% is 40%, not
 * 0.39999999999999997), or the reserve floor when there is none.
 */
export function projectedShare(history: readonly SprintShare[], p: GuardrailPolicy): number {
  const used = history.slice(0, Math.max(0, p.lookbackSprints));
  return used.length === 0 ? p.reserveFloor : published('share', ewmaProjection(used.map((s) => s.opsShare)) as number);
}

/** "4/7" when the weight is a fraction with a small denominator, else a percentage. */
function weightText(w: number): string {
  if (Math.abs(w - 1) < 1e-9) return 'full weight';
  for (let d = 2; d <= 64; d++) {
    const n = Math.round(w * d);
    if (n > 0 && Math.abs(w * d - n) < 1e-9) return `weight ${n}/${d}`;
  }
  return `weight ${pct(w)}`;
}

/** What a warning or breach of a team rule means for the sprint being planned. */
const SPRINT_IMPACT: Partial<Record<RuleResult['rule'], string>> = {
  opsCeiling: 'ops has recently taken more than the policy allows, so expect less feature work than the reservation leaves; escalate the load.',
  pageHoursPerWeek: 'paging eats into focus time, so plan on-call relief and budget time to fix the noisiest alerts.',
  sleepInterruptionsPerWeek: 'the on-call loses sleep, so fix or retune the night pages this sprint before adding feature work.',
  sleepInterruptionsPerPersonWeek: 'the nights fall on too few people, so share the on-call more evenly and fix the night pages before adding feature work.',
  changeFailureRate: 'failed deploys cause rework, so budget time to make releases safer before adding feature work.',
};

const RULE_LABEL: Partial<Record<RuleResult['rule'], string>> = {
  opsCeiling: 'Ops ceiling',
  pageHoursPerWeek: 'Page hours per week',
  sleepInterruptionsPerWeek: 'Sleep interruptions per week',
  sleepInterruptionsPerPersonWeek: 'Sleep interruptions per person per week',
  changeFailureRate: 'Change failure rate',
};

/** The projection against the ceiling; NO_DATA when it is not measured (no history, or no signal in it). */
function projectionRule(projection: number, measured: boolean, noHistory: boolean, p: GuardrailPolicy): RuleResult {
  const base = { rule: 'projectedOpsShare' as const, value: projection, limit: p.opsCeiling };
  if (!measured) {
    return {
      ...base, status: 'NO_DATA',
      message: noHistory
        ? `There is no finished sprint to project from, so the ${pct(projection)} projection is the floor, not a measurement.`
        : `The sprints looked back on hold no alerts, pages, deploys or toil, so the ${pct(projection)} projection measures nothing: record the team's signals to plan on evidence.`,
    };
  }
  const status = ruleStatus(projection, p.opsCeiling);
  const message =
    status === 'BREACH'
      ? `The projected ${pct(projection, decimalsAgainst(projection, p.opsCeiling, 100))} is above the ${pct(p.opsCeiling)} ceiling: ops overload — reserve the ceiling, escalate, pause feature commitments.`
      : status === 'WARN'
        ? `The projected ${pct(projection)} is close to the ${pct(p.opsCeiling)} ceiling (warning from ${pct(published('share', 0.8 * p.opsCeiling))}): watch ops load this sprint.`
        : `The projected ${pct(projection)} is within the ${pct(p.opsCeiling)} ceiling.`;
  return { ...base, status, message };
}

/**
 * The share the plan reserves, judged on its own: below the floor is a BREACH, above the ceiling a
 * WARN (ops planned beyond the overload line: plan at most the ceiling and escalate the rest), and a
 * chosen share below the projection a WARN (likely under-reserved). The limit is the bound it is
 * judged against.
 */
export function reservationRule(reserved: number, projection: number, chosen: boolean, p: GuardrailPolicy): RuleResult {
  const base = { rule: 'reservedOpsShare' as const, value: reserved };
  const what = chosen ? `Reserving ${pct(reserved)} (your choice)` : `Reserving ${pct(reserved)}`;
  if (floorStatus(reserved, p.reserveFloor) === 'BREACH') {
    return { ...base, limit: p.reserveFloor, status: 'BREACH', message: `${what} is below the ${pct(p.reserveFloor)} floor: the team agreed to always keep at least ${pct(p.reserveFloor)} of capacity for unplanned ops.` };
  }
  if (millionths(reserved) > millionths(p.opsCeiling)) {
    return { ...base, limit: p.opsCeiling, status: 'WARN', message: `${what} is above the ${pct(p.opsCeiling)} ops ceiling: ops beyond the ceiling is an overload by the policy, so plan at most ${pct(p.opsCeiling)} and escalate the rest.` };
  }
  if (chosen && millionths(reserved) < millionths(projection)) {
    return { ...base, limit: projection, status: 'WARN', message: `${what} is below the projected ${pct(projection)}: the sprint is likely to be under-reserved.` };
  }
  return { ...base, limit: p.reserveFloor, status: 'OK', message: `${what} is within the ${pct(p.reserveFloor)}–${pct(p.opsCeiling)} policy range.` };
}

/** How the recommendation compares with the last sprint's reservation, and why. */
function comparedWithLast(recommended: number, why: string, last: PlanInputs['lastSprint']): string | null {
  if (!last) return null;
  if (last.reservedOpsShare === null) return `${last.name} recorded no reservation, so there is none to compare the recommendation with.`;
  const [now, then] = [millionths(recommended), millionths(last.reservedOpsShare)];
  if (now === then) return `The recommended ${pct(recommended)} is the same as last sprint's ${pct(last.reservedOpsShare)} (${last.name}): ${why}.`;
  return `The recommended ${pct(recommended)} is ${now < then ? 'lower' : 'higher'} than last sprint's ${pct(last.reservedOpsShare)} (${last.name}) because ${why}.`;
}

export function recommend(i: PlanInputs): Plan {
  const { policy: p } = i;
  const used = i.history.slice(0, Math.max(0, p.lookbackSprints));
  const explanation: string[] = [];

  const projection = projectedShare(i.history, p);
  if (used.length === 0) {
    // No evidence yet: start from the floor the team already agreed to keep.
    explanation.push(`There are no finished sprints yet, so the projection starts at the ${pct(p.reserveFloor)} reserve floor.`);
  } else {
    const w = ewmaWeights(used.length);
    used.forEach((s, k) => explanation.push(`${s.name} used ${pct(s.opsShare)} of capacity for ops (${weightText(w[k] ?? 0)}).`));
    if (i.history.length > used.length) {
      explanation.push(`${i.history.length - used.length} older sprint(s) were left out: the policy looks back ${p.lookbackSprints} sprint(s).`);
    }
    explanation.push(
      used.length === 1
        ? `With a single sprint, ops is projected to take ${pct(projection)} of the next sprint.`
        : `Weighting recent sprints more, ops is projected to take ${pct(projection)} of the next sprint.`,
    );
  }

  // The basis: the projection (the spec's rule), or the range's 80th percentile when the policy asks
  // for it and there is a range; without one the plan falls back to the projection and says so.
  const p80 = i.range?.p80Share ?? null;
  const basis: ReserveAt = p.reserveAt === 'P80' && p80 !== null ? 'P80' : 'PROJECTION';
  const start = basis === 'P80' ? (p80 as number) : projection;
  if (p.reserveAt === 'P80') {
    const n = i.range?.basedOnSprints ?? 0;
    explanation.push(
      basis === 'P80'
        ? `The policy reserves at the 80th percentile of the range: 4 sprints in 5 like the last ones needed at most ${pct(start)}, so the reservation starts from ${pct(start)} instead of the ${pct(projection)} projection.`
        : `The policy reserves at the 80th percentile of the range, but there are too few past sprints for a range (${n} with a projection before them), so the reservation starts from the ${pct(projection)} projection.`,
    );
  }
  const basisText = basis === 'P80' ? `4 sprints in 5 like the last ones needed at most ${pct(start)}` : `ops is projected to take ${pct(start)}`;

  const rounded = roundUpToStep(start);
  explanation.push(
    Math.abs(rounded - start) <= 1e-9
      ? `Reservations are planned in 5% steps and ${pct(rounded)} is already on a step.`
      : `Reservations are planned in 5% steps, so ${pct(start)} is rounded up to ${pct(rounded)}.`,
  );

  // Clamp: the floor wins over a low basis, the ceiling over a high one.
  // If a policy ever had floor > ceiling (validatePolicy forbids it) the ceiling wins.
  let recommended = rounded;
  let why = used.length === 0
    ? `there is no finished sprint to project from, so the plan starts at the ${pct(p.reserveFloor)} floor`
    : `${basisText}${rounded === start ? '' : `, rounded up to ${pct(rounded)}`}`;
  if (rounded < p.reserveFloor) {
    recommended = p.reserveFloor;
    explanation.push(`That is below the ${pct(p.reserveFloor)} reserve floor, so the floor applies: the team always keeps at least ${pct(p.reserveFloor)} for unplanned ops.`);
    if (used.length > 0) why = basis === 'P80' ? `${basisText}, below the ${pct(p.reserveFloor)} floor, so the floor applies` : `ops is projected to take only ${pct(projection)}, below the ${pct(p.reserveFloor)} floor, so the floor applies`;
  }
  if (recommended > p.opsCeiling) {
    recommended = p.opsCeiling;
    explanation.push(`That is above the ${pct(p.opsCeiling)} ops ceiling, so the reservation is capped at the ceiling to protect feature work; load beyond it must be escalated.`);
    why = `${basisText}, above the ${pct(p.opsCeiling)} ceiling the reservation is capped at`;
  }
  if (recommended === rounded) {
    explanation.push(`That is within the ${pct(p.reserveFloor)}–${pct(p.opsCeiling)} policy range, so no bound applies.`);
  }

  // Zero rule: no (or nonsensical) capacity → nothing to reserve, no feature hours.
  const capacity = Number.isFinite(i.capacityHours) ? Math.max(0, i.capacityHours) : 0;
  const chosen = i.chosenShare !== null && i.chosenShare !== undefined && millionths(i.chosenShare) !== millionths(recommended);
  const reserved = chosen ? (i.chosenShare as number) : recommended;
  const reservedOpsHours = published('hours', reserved * capacity);
  const featureHours = published('hours', capacity - reservedOpsHours);
  if (i.capacityExplanation.trim() !== '') explanation.push(i.capacityExplanation.trim());
  explanation.push(
    `For ${i.window.startDate} to ${i.window.endDate}, reserve ${hours(published('hours', recommended * capacity))} of the ${hours(capacity)} capacity for ops (${pct(recommended)}), leaving ${hours(published('hours', capacity - recommended * capacity))} for feature work.`,
  );
  const comparison = comparedWithLast(recommended, why, i.lastSprint);
  if (comparison) explanation.push(comparison);
  if (chosen) {
    explanation.push(`You chose to reserve ${pct(reserved)} instead of the recommended ${pct(recommended)}: ${hours(reservedOpsHours)} for ops, ${hours(featureHours)} for features.`);
  }

  // The plan hears every guardrail: its projection, its reservation and the team's other rules
  // over the window it looks back on. Each rule that is not OK is named with what it means here.
  const measured = used.length > 0 && (i.signal ?? true);
  const rules = [projectionRule(projection, measured, used.length === 0, p), reservationRule(reserved, projection, chosen, p), ...(i.windowRules ?? [])];
  for (const r of rules) {
    if (r.status === 'OK') continue;
    if (r.rule === 'projectedOpsShare' || r.rule === 'reservedOpsShare') explanation.push(r.message);
    else if (r.status !== 'NO_DATA') explanation.push(`${RULE_LABEL[r.rule] ?? r.rule} over the sprints looked back on: ${r.message} For this sprint: ${SPRINT_IMPACT[r.rule] ?? 'act on it before adding feature work.'}`);
  }

  return {
    projectedOpsShare: projection,
    recommendedOpsShare: recommended,
    reservedOpsShare: reserved,
    reservedOpsHours,
    featureHours,
    status: worstStatus(rules.map((r) => r.status)),
    rules,
    explanation,
    recommendationBasis: basis,
  };
}
