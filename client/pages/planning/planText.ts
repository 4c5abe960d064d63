/**
 * The plan as a team types it into its tracker: hours per person, the feature points that fit at the
 * team's recent velocity, and the short text "Copy plan" puts on the clipboard. Pure; every figure
 * comes from the server's plan and sprints.
 */
import { formatHours, formatShare } from '../../lib/format';
import type { SprintPlan } from './operations';

export interface PerPerson {
  opsHours: number;
  featureHours: number;
}

/** The plan's ops and feature hours per person (capacity already counts the days off); null for nobody. */
export function perPerson(plan: Pick<SprintPlan, 'reservedOpsHours' | 'featureHours'>, members: number | null): PerPerson | null {
  if (members === null || members <= 0) return null;
  return { opsHours: plan.reservedOpsHours / members, featureHours: plan.featureHours / members };
}

export interface VelocitySprint {
  state: string;
  synthetic: boolean;
  featureHours: number;
  featurePointsCompleted: number | null | undefined;
}

/**
 * Feature points completed per feature hour over the last `lookback` finished sprints that record
 * points (newest first, as the server lists them); null when none does or they had no feature hours.
 */
export function velocity(sprints: readonly VelocitySprint[], lookback: number): number | null {
  const recent = sprints.filter((s) => !s.synthetic && s.state === 'FINISHED' && s.featurePointsCompleted != null).slice(0, lookback);
  const hours = recent.reduce((h, s) => h + s.featureHours, 0);
  if (recent.length === 0 || hours <= 0) return null;
  return recent.reduce((p, s) => p + s.featurePointsCompleted!, 0) / hours;
}

/** Whole feature points that fit in the plan's feature hours at that velocity (rounded down: a plan, not a promise). */
export function pointsThatFit(featureHours: number, pointsPerHour: number | null): number | null {
  return pointsPerHour === null ? null : Math.floor(featureHours * pointsPerHour + 1e-9);
}

export interface PlanTextInput {
  name: string;
  plan: Pick<SprintPlan, 'startDate' | 'endDate' | 'capacityHours' | 'reservedOpsHours' | 'reservedOpsShare' | 'featureHours' | 'guardrailVersion'>;
  members: number | null;
  daysOff: number;
  points: number | null;
}

/** The short block "Copy plan" copies, for Jira, Linear or a planning doc. */
export function planText({ name, plan, members, daysOff, points }: PlanTextInput): string {
  const people = members === null ? '' : ` (${members} ${members === 1 ? 'person' : 'people'}${daysOff > 0 ? `, ${daysOff} person-days off` : ''})`;
  const each = perPerson(plan, members);
  return [
    `${name}: ${plan.startDate} – ${plan.endDate}`,
    `Capacity: ${formatHours(plan.capacityHours)} h${people}`,
    `Reserved for ops: ${formatHours(plan.reservedOpsHours)} h (${formatShare(plan.reservedOpsShare)})`,
    `Feature hours: ${formatHours(plan.featureHours)} h${points === null ? '' : ` (about ${points} points at recent velocity)`}`,
    ...(each ? [`Per person: ${formatHours(each.opsHours)} h ops, ${formatHours(each.featureHours)} h features`] : []),
    `Guardrail version ${plan.guardrailVersion} (Headroom)`,
  ].join('\n');
}
