/** The overview's own GraphQL operations. Result types are generated from schema.graphql (`npm run codegen`). */
import { graphql } from '../../graphql/generated';

/**
 * What the getting-started checklist ticks: teams exist, a source sent something, a sprint is
 * recorded (a synthetic 14-day window is not one). One sprint per team is enough to know.
 */
export const GETTING_STARTED = graphql(/* GraphQL */ `
  query GettingStarted {
    teams { slug sprints(last: 1) { synthetic } }
    freshness { source }
  }
`);
