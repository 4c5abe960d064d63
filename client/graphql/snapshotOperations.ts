/**
 * The snapshot pages' GraphQL operations and result types (server/snapshots/schema.ts and the
 * KPI, planning types a snapshot freezes). test/component/snapshotsOperations.test.ts validates
 * each document against the server's schema.
 */
import type { Kpis, OpsBreakdown, RuleResult, Status } from './operations';
import { operation } from './request';

export type { Status };

export interface SnapshotRange {
  from: string;
  to: string;
}

/** A snapshot as listed: who froze what, and when. */
export interface SnapshotSummary {
  id: string;
  label: string;
  range: SnapshotRange;
  teams: string[];
  author: string;
  createdAt: string;
}

export interface SnapshotEdge {
  cursor: string;
  node: SnapshotSummary;
}

export interface SnapshotConnection {
  edges: SnapshotEdge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const SUMMARY_FIELDS = 'id label range { from to } teams author createdAt';

export const SNAPSHOTS = operation<{ snapshots: SnapshotConnection }, { first: number; after?: string | null }>(/* GraphQL */ `
  query Snapshots($first: Int!, $after: String) {
    snapshots(first: $first, after: $after) {
      edges { cursor node { ${SUMMARY_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export interface TeamChoice {
  slug: string;
  name: string;
}

export const SNAPSHOT_TEAMS = operation<{ teams: TeamChoice[] }>(/* GraphQL */ `
  query SnapshotTeams {
    teams { slug name }
  }
`);

export interface SnapshotInput {
  label: string;
  range: SnapshotRange;
  /** Left out: every team. */
  teams?: string[] | null;
}

export const CREATE_SNAPSHOT = operation<{ createSnapshot: SnapshotSummary }, { input: SnapshotInput }>(/* GraphQL */ `
  mutation CreateSnapshot($input: SnapshotInput!) {
    createSnapshot(input: $input) { ${SUMMARY_FIELDS} }
  }
`);

/** A team's figures as the snapshot froze them. */
export interface FrozenKpis extends Kpis {
  days: number;
  opsBreakdown: OpsBreakdown;
  reservedOpsShare: number | null;
  status: Status;
  rules: RuleResult[];
}

export interface FrozenGuardrail {
  version: number;
  team: string | null;
  reserveFloor: number;
  opsCeiling: number;
  maxPageHoursPerWeek: number;
  maxSleepInterruptionsPerWeek: number;
  maxChangeFailureRate: number;
  lookbackSprints: number;
  reason: string;
  author: string;
  createdAt: string | null;
}

export interface FrozenLoadModel {
  businessWeight: number;
  offHoursWeight: number;
  sleepWeight: number;
  minutesPerAlert: number;
  hoursPerFailedDeploy: number;
  maxHoursPerPage: number;
}

export interface FrozenSprint {
  name: string;
  startDate: string;
  endDate: string;
  /** Where the sprint stood when the snapshot was made. */
  state: 'FINISHED' | 'IN_PROGRESS' | 'PLANNED';
  capacityHours: number;
  reservedOpsShare: number | null;
  opsHours: number;
  opsShare: number | null;
  featureHours: number;
  underReserved: boolean;
  status: Status;
  guardrailVersion: number;
}

export interface FrozenPlan {
  startDate: string;
  endDate: string;
  capacityHours: number;
  projectedOpsShare: number;
  recommendedOpsShare: number;
  reservedOpsHours: number;
  featureHours: number;
  status: Status;
  explanation: string[];
}

export interface SnapshotTeam {
  slug: string;
  name: string;
  timezone: string;
  members: number | null;
  focusHoursPerDay: number;
  kpis: FrozenKpis;
  guardrail: FrozenGuardrail;
  loadModel: FrozenLoadModel;
  sprints: FrozenSprint[];
  plan: FrozenPlan;
}

export interface SnapshotDetail extends SnapshotSummary {
  serverVersion: string;
  schema: string;
  data: SnapshotTeam[];
}

export const SNAPSHOT = operation<{ snapshot: SnapshotDetail | null }, { id: string }>(/* GraphQL */ `
  query Snapshot($id: ID!) {
    snapshot(id: $id) {
      ${SUMMARY_FIELDS} serverVersion schema
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
          maxChangeFailureRate lookbackSprints reason author createdAt
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

export interface KpiChange {
  kpi: string;
  before: number | null;
  after: number | null;
  delta: number | null;
}

export type Presence = 'BOTH' | 'ONLY_BEFORE' | 'ONLY_AFTER';

export interface TeamDiff {
  team: string;
  /** The team's name in the later figures. */
  name: string;
  presence: Presence;
  statusBefore: Status | null;
  statusAfter: Status | null;
  changes: KpiChange[];
}

/** One side of a comparison: which snapshot, the range it covers, when it was made. */
export interface DiffSide {
  id: string;
  label: string;
  createdAt: string;
  range: SnapshotRange;
}

export interface SnapshotDiff {
  before: DiffSide;
  after: DiffSide | null;
  teams: TeamDiff[];
}

export const SNAPSHOT_DIFF = operation<{ snapshotDiff: SnapshotDiff }, { a: string; b?: string | null; reversed?: boolean }>(/* GraphQL */ `
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

/** Every operation of the snapshot pages, for the schema-validation test. */
export const SNAPSHOT_OPERATIONS = { SNAPSHOTS, SNAPSHOT_TEAMS, CREATE_SNAPSHOT, SNAPSHOT, SNAPSHOT_DIFF };
