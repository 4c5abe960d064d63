// Recommends the ops reservation for the next sprint from recent ops shares.
// The output carries its own explanation so a manager can defend the number.

import { hours, pct } from './format.js';
import { ruleStatus, type GuardrailPolicy, type Status } from './guardrails.js';

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
}

export interface Plan {
  projectedOpsShare: number;
  recommendedOpsShare: number;
  reservedOpsHours: number;
  featureHours: number;
  status: Status;
  explanation: string[];
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

/** "4/7" when the weight is a fraction with a small denominator, else a percentage. */
function weightText(w: number): string {
  if (Math.abs(w - 1) < 1e-9) return 'full weight';
  for (let d = 2; d <= 64; d++) {
    const n = Math.round(w * d);
    if (n > 0 && Math.abs(w * d - n) < 1e-9) return `weight ${n}/${d}`;
  }
  return `weight ${pct(w)}`;
}

export function recommend(i: PlanInputs): Plan {
  const { policy: p } = i;
  const used = i.history.slice(0, Math.max(0, p.lookbackSprints));
  const explanation: string[] = [];

  let projection: number;
  if (used.length === 0) {
    // No evidence yet: start from the floor the team already agreed to keep.
    projection = p.reserveFloor;
    explanation.push(`There are no finished sprints yet, so the projection starts at the ${pct(p.reserveFloor)} reserve floor.`);
  } else {
    const w = ewmaWeights(used.length);
    used.forEach((s, k) => explanation.push(`${s.name} used ${pct(s.opsShare)} of capacity for ops (${weightText(w[k] ?? 0)}).`));
    if (i.history.length > used.length) {
      explanation.push(`${i.history.length - used.length} older sprint(s) were left out: the policy looks back ${p.lookbackSprints} sprint(s).`);
    }
    projection = ewmaProjection(used.map((s) => s.opsShare)) as number;
    explanation.push(
      used.length === 1
        ? `With a single sprint, ops is projected to take ${pct(projection)} of the next sprint.`
        : `Weighting recent sprints more, ops is projected to take ${pct(projection)} of the next sprint.`,
    );
  }

  const rounded = roundUpToStep(projection);
  explanation.push(
    Math.abs(rounded - projection) <= 1e-9
      ? `Reservations are planned in 5% steps and ${pct(rounded)} is already on a step.`
      : `Reservations are planned in 5% steps, so ${pct(projection)} is rounded up to ${pct(rounded)}.`,
  );

  // Clamp: the floor wins over a low projection, the ceiling over a high one.
  // If a policy ever had floor > ceiling (validatePolicy forbids it) the ceiling wins.
  let recommended = rounded;
  if (rounded < p.reserveFloor) {
    recommended = p.reserveFloor;
    explanation.push(`That is below the ${pct(p.reserveFloor)} reserve floor, so the floor applies: the team always keeps at least ${pct(p.reserveFloor)} for unplanned ops.`);
  }
  if (recommended > p.opsCeiling) {
    recommended = p.opsCeiling;
    explanation.push(`That is above the ${pct(p.opsCeiling)} ops ceiling, so the reservation is capped at the ceiling to protect feature work; load beyond it must be escalated.`);
  }
  if (recommended === rounded) {
    explanation.push(`That is within the ${pct(p.reserveFloor)}–${pct(p.opsCeiling)} policy range, so no bound applies.`);
  }

  // Zero rule: no (or nonsensical) capacity → nothing to reserve, no feature hours.
  const capacity = Number.isFinite(i.capacityHours) ? Math.max(0, i.capacityHours) : 0;
  const reservedOpsHours = recommended * capacity;
  const featureHours = capacity - reservedOpsHours;
  if (i.capacityExplanation.trim() !== '') explanation.push(i.capacityExplanation.trim());
  explanation.push(
    `For ${i.window.startDate} to ${i.window.endDate}, reserve ${hours(reservedOpsHours)} of the ${hours(capacity)} capacity for ops (${pct(recommended)}), leaving ${hours(featureHours)} for feature work.`,
  );

  const status = ruleStatus(projection, p.opsCeiling);
  if (status === 'BREACH') {
    explanation.push(`The projected ${pct(projection)} is above the ${pct(p.opsCeiling)} ceiling: ops overload — reserve the ceiling, escalate, pause feature commitments.`);
  } else if (status === 'WARN') {
    explanation.push(`The projected ${pct(projection)} is close to the ${pct(p.opsCeiling)} ceiling (warning from ${pct(0.8 * p.opsCeiling)}): watch ops load this sprint.`);
  }

  return { projectedOpsShare: projection, recommendedOpsShare: recommended, reservedOpsHours, featureHours, status, explanation };
}
