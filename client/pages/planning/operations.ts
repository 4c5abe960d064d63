/**
 * The planning page's GraphQL operations; loaded with the page, not the overview. Result types
 * are generated from schema.graphql (`npm run codegen`).
 */
import { graphql } from '../../graphql/generated';
import type { GuardrailPolicyFieldsFragment, PlanQuery, PlanSprintsQuery, PlanQueryVariables, ReserveAt, SprintInput } from '../../graphql/generated/graphql';

export type { ReserveAt, SprintInput };

// Declared for codegen; the operations below spread it by name.
graphql(/* GraphQL */ `
  fragment GuardrailPolicyFields on GuardrailPolicy {
    reserveFloor opsCeiling maxPageHoursPerWeek maxSleepInterruptionsPerWeek maxSleepInterruptionsPerPersonWeek
    maxChangeFailureRate lookbackSprints reserveAt
    version team reason author createdAt
  }
`);

export type GuardrailVersion = GuardrailPolicyFieldsFragment;
/** The policy's numbers (each edited in a number field). */
export type GuardrailFields = Pick<
  GuardrailVersion,
  | 'reserveFloor' | 'opsCeiling' | 'maxPageHoursPerWeek' | 'maxSleepInterruptionsPerWeek' | 'maxSleepInterruptionsPerPersonWeek'
  | 'maxChangeFailureRate' | 'lookbackSprints'
>;
export type GuardrailField = keyof GuardrailFields;
/** Everything a guardrail version sets: its numbers and what the recommendation reserves at. */
export type GuardrailSettings = GuardrailFields & Pick<GuardrailVersion, 'reserveAt'>;

/** The team and its guardrails: read once, and again after a guardrail change. */
export const PLAN_TEAM = graphql(/* GraphQL */ `
  query PlanTeam($slug: String!) {
    team(slug: $slug) {
      slug name members focusHoursPerDay
      guardrail { ...GuardrailPolicyFields }
      guardrailHistory { ...GuardrailPolicyFields }
    }
  }
`);

export const PLAN = graphql(/* GraphQL */ `
  query Plan($slug: String!, $members: Int, $daysOff: Float, $capacityHours: Float, $reservedOpsShare: Float) {
    team(slug: $slug) {
      slug
      plan(members: $members, daysOff: $daysOff, capacityHours: $capacityHours, reservedOpsShare: $reservedOpsShare) {
        startDate endDate capacityHours projectedOpsShare recommendedOpsShare recommendationBasis reservedOpsShare
        reservedOpsHours featureHours status rules { rule status value limit message } explanation basedOn guardrailVersion
        odds { p50Share p80Share basedOnSprints sentence }
        trackRecord { sprints held p80Sprints p80Exceeded sentence }
      }
    }
  }
`);

/** The team's newest sprints: the last one's name seeds the next name; planned ones are listed. */
export const PLAN_SPRINTS = graphql(/* GraphQL */ `
  query PlanSprints($slug: String!) {
    team(slug: $slug) {
      slug
      sprints(last: 12) { name startDate endDate state synthetic capacityHours reservedOpsShare reservedOpsHours featureHours featurePointsCompleted }
    }
  }
`);

export type PlannedSprint = NonNullable<PlanSprintsQuery['team']>['sprints'][number];

export const DELETE_SPRINT = graphql(/* GraphQL */ `
  mutation DeleteSprint($team: String!, $name: String!) {
    deleteSprint(team: $team, name: $name)
  }
`);

export type SprintPlan = NonNullable<PlanQuery['team']>['plan'];

/** What-if inputs; null means "as the team is". */
export type WhatIfVars = Required<{ [K in 'members' | 'daysOff' | 'capacityHours' | 'reservedOpsShare']: NonNullable<PlanQueryVariables[K]> | null }>;

export const SET_GUARDRAIL = graphql(/* GraphQL */ `
  # team null: the org default.
  mutation SetGuardrail($team: String, $input: GuardrailInput!, $reason: String!) {
    setGuardrail(team: $team, input: $input, reason: $reason) { ...GuardrailPolicyFields }
  }
`);

export const ACCEPT_PLAN = graphql(/* GraphQL */ `
  # Accepting a plan is planning under the guardrails in force: a sprint of the same name that was
  # planned before is re-planned (and the server records who and when).
  mutation AcceptPlan($input: [SprintInput!]!) {
    upsertSprints(input: $input, replan: true) { name startDate endDate capacityHours reservedOpsShare }
  }
`);
