/**
 * The load model's GraphQL operations, used by the Defaults page (org default) and a team's
 * settings. Result types are generated from schema.graphql (`npm run codegen`).
 */
import { graphql } from '../../graphql/generated';
import type { LoadModelChangeFieldsFragment, LoadModelFieldsFragment } from '../../graphql/generated/graphql';

// Declared for codegen; the operations spread them by name.
graphql(/* GraphQL */ `
  fragment LoadModelFields on LoadModel {
    businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage
  }
`);
graphql(/* GraphQL */ `
  fragment LoadModelChangeFields on LoadModelChange {
    team businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage
    reason changedBy changedAt
  }
`);

export type LoadModelValues = LoadModelFieldsFragment;
export type LoadModelField = keyof LoadModelValues;
export type LoadModelChange = LoadModelChangeFieldsFragment;

/** A team's load model: the one in force, its own (null: it uses the org default) and its changes. */
export const TEAM_LOAD_MODEL = graphql(/* GraphQL */ `
  query TeamLoadModel($slug: String!) {
    team(slug: $slug) {
      slug
      loadModel { ...LoadModelFields }
      ownLoadModel { ...LoadModelFields }
      loadModelHistory { ...LoadModelChangeFields }
    }
  }
`);

/** The API takes no reason for compatibility; the dashboard always sends one. */
export const SET_LOAD_MODEL = graphql(/* GraphQL */ `
  mutation SetLoadModel($team: String, $input: LoadModelInput!, $reason: String!) {
    setLoadModel(team: $team, input: $input, reason: $reason) { ...LoadModelFields }
  }
`);
