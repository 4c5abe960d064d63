/**
 * The planning page's GraphQL operations and result types; loaded with the page, not the overview.
 * Validated against the server's schema by test/component/operations.test.ts.
 */
import type { IsoDate, RuleResult, Status } from '../../graphql/operations';
import { operation } from '../../graphql/request';

export interface GuardrailFields {
  reserveFloor: number;
  opsCeiling: number;
  maxPageHoursPerWeek: number;
  maxSleepInterruptionsPerWeek: number;
  maxChangeFailureRate: number;
  lookbackSprints: number;
}

export type GuardrailField = keyof GuardrailFields;

export interface GuardrailVersion extends GuardrailFields {
  version: number;
  /** Null for the org default. */
  team: string | null;
  reason: string;
  author: string;
  /** Null for the built-in default. */
  createdAt: string | null;
}

export interface PlanTeam {
  slug: string;
  name: string;
  members: number | null;
  focusHoursPerDay: number;
  guardrail: GuardrailVersion;
  guardrailHistory: GuardrailVersion[];
}

const POLICY = `reserveFloor opsCeiling maxPageHoursPerWeek maxSleepInterruptionsPerWeek maxChangeFailureRate lookbackSprints
  version team reason author createdAt`;

/** The team and its guardrails: read once, and again after a guardrail change. */
export const PLAN_TEAM = operation<{ team: PlanTeam | null }, { slug: string }>(/* GraphQL */ `
  query PlanTeam($slug: String!) {
    team(slug: $slug) {
      slug name members focusHoursPerDay
      guardrail { ${POLICY} }
      guardrailHistory { ${POLICY} }
    }
  }
`);

export interface SprintPlan {
  startDate: IsoDate;
  endDate: IsoDate;
  capacityHours: number;
  projectedOpsShare: number;
  recommendedOpsShare: number;
  reservedOpsShare: number;
  reservedOpsHours: number;
  featureHours: number;
  /** The worst of `rules`. */
  status: Status;
  /** Every rule the plan is judged by: projection, reservation, the team's rules over the lookback. */
  rules: RuleResult[];
  explanation: string[];
  basedOn: string[];
  guardrailVersion: number;
}

/** What-if inputs; null means "as the team is". */
export interface WhatIfVars {
  members: number | null;
  daysOff: number | null;
  capacityHours: number | null;
  reservedOpsShare: number | null;
}

export const PLAN = operation<{ team: { slug: string; plan: SprintPlan } | null }, { slug: string } & WhatIfVars>(/* GraphQL */ `
  query Plan($slug: String!, $members: Int, $daysOff: Float, $capacityHours: Float, $reservedOpsShare: Float) {
    team(slug: $slug) {
      slug
      plan(members: $members, daysOff: $daysOff, capacityHours: $capacityHours, reservedOpsShare: $reservedOpsShare) {
        startDate endDate capacityHours projectedOpsShare recommendedOpsShare reservedOpsShare
        reservedOpsHours featureHours status rules { rule status value limit message } explanation basedOn guardrailVersion
      }
    }
  }
`);

export const SET_GUARDRAIL = operation<
  { setGuardrail: GuardrailVersion },
  { team: string; input: Partial<GuardrailFields>; reason: string }
>(/* GraphQL */ `
  mutation SetGuardrail($team: String!, $input: GuardrailInput!, $reason: String!) {
    setGuardrail(team: $team, input: $input, reason: $reason) { ${POLICY} }
  }
`);

export interface SprintInput {
  team: string;
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
  reservedOpsShare: number;
  capacityHours?: number;
  daysOff?: number;
}

export const ACCEPT_PLAN = operation<
  { upsertSprints: { name: string; startDate: IsoDate; endDate: IsoDate; capacityHours: number; reservedOpsShare: number | null }[] },
  { input: SprintInput[] }
>(/* GraphQL */ `
  # Accepting a plan is planning under the guardrails in force: a sprint of the same name that was
  # planned before is re-planned (and the server records who and when).
  mutation AcceptPlan($input: [SprintInput!]!) {
    upsertSprints(input: $input, replan: true) { name startDate endDate capacityHours reservedOpsShare }
  }
`);

export const PLANNING_OPERATIONS = { PLAN_TEAM, PLAN, SET_GUARDRAIL, ACCEPT_PLAN };
