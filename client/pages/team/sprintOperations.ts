/** The team page's sprint documents: record or change a sprint (deleting is the planning page's DeleteSprint). */
import { graphql } from '../../graphql/generated';

export { DELETE_SPRINT } from '../planning/operations';

// No replan: editing a sprint keeps the guardrail version it was first planned under.
export const SAVE_SPRINT = graphql(/* GraphQL */ `
  mutation SaveSprint($input: [SprintInput!]!) {
    upsertSprints(input: $input) { name }
  }
`);
