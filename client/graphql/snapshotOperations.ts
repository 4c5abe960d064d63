/**
 * The snapshot pages' GraphQL operations (server/snapshots/schema.ts and the KPI, planning types a
 * snapshot freezes). Result types are generated from schema.graphql (`npm run codegen`).
 */
import { graphql } from './generated';
import type {
  SnapshotDiffQuery,
  SnapshotQuery,
  SnapshotSummaryFieldsFragment,
  SnapshotsQuery,
  SnapshotTeamsQuery,
} from './generated/graphql';

// Declared for codegen; the operations below spread it by name.
graphql(/* GraphQL */ `
  fragment SnapshotSummaryFields on Snapshot {
    id label range { from to } teams author createdAt
  }
`);

/** A snapshot as listed: who froze what, and when. */
export type SnapshotSummary = SnapshotSummaryFieldsFragment;
export type SnapshotRange = SnapshotSummary['range'];

export const SNAPSHOTS = graphql(/* GraphQL */ `
  query Snapshots($first: Int!, $after: String) {
    snapshots(first: $first, after: $after) {
      edges { cursor node { ...SnapshotSummaryFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export type SnapshotEdge = SnapshotsQuery['snapshots']['edges'][number];

export const SNAPSHOT_TEAMS = graphql(/* GraphQL */ `
  query SnapshotTeams {
    teams { slug name }
  }
`);

export type TeamChoice = SnapshotTeamsQuery['teams'][number];

export const CREATE_SNAPSHOT = graphql(/* GraphQL */ `
  mutation CreateSnapshot($input: SnapshotInput!) {
    createSnapshot(input: $input) { ...SnapshotSummaryFields }
  }
`);

export const SNAPSHOT = graphql(/* GraphQL */ `
  query Snapshot($id: ID!) {
    snapshot(id: $id) {
      ...SnapshotSummaryFields serverVersion schema
      data {
        slug name timezone members focusHoursPerDay
        kpis {
          days alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours sleepInterruptions
          deploys failedDeploys changeFailureRate toilHours opsHours capacityHours opsShare reservedOpsShare status
          opsBreakdown { pages alerts failedDeploys toil }
          rules { rule status value limit message }
        }
        guardrail {
          version team reserveFloor opsCeiling maxPageHoursPerWeek maxSleepInterruptionsPerWeek
          maxSleepInterruptionsPerPersonWeek maxChangeFailureRate lookbackSprints reserveAt reason author createdAt
        }
        loadModel { businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage }
        sprints {
          name startDate endDate state capacityHours reservedOpsShare opsHours opsShare featureHours underReserved status guardrailVersion
        }
        plan {
          startDate endDate capacityHours projectedOpsShare recommendedOpsShare reservedOpsHours featureHours status explanation
        }
      }
    }
  }
`);

export type SnapshotDetail = NonNullable<SnapshotQuery['snapshot']>;
export type SnapshotTeam = SnapshotDetail['data'][number];
export type FrozenLoadModel = SnapshotTeam['loadModel'];

export const SNAPSHOT_DIFF = graphql(/* GraphQL */ `
  query SnapshotDiff($a: ID!, $b: ID, $reversed: Boolean) {
    snapshotDiff(a: $a, b: $b, reversed: $reversed) {
      before { id label createdAt range { from to } }
      after { id label createdAt range { from to } }
      teams {
        team name presence statusBefore statusAfter
        changes { kpi before after delta }
      }
    }
  }
`);

export type SnapshotDiff = SnapshotDiffQuery['snapshotDiff'];
/** One side of a comparison: which snapshot, the range it covers, when it was made. */
export type DiffSide = SnapshotDiff['before'];
