export const snapshotsTypeDefs = /* GraphQL */ `
  "An immutable, named copy of the KPIs for a range and a set of teams. Later ingestion never changes it."
  type Snapshot {
    id: ID!
    "A name for the meeting or review it was made for."
    label: String!
    "The range the KPIs cover."
    range: SnapshotRange!
    "Slugs of the teams it holds."
    teams: [String!]!
    "Who made it (the token's name)."
    author: String!
    createdAt: DateTime!
    "Headroom version that computed the figures."
    serverVersion: String!
    "Version of the document format, e.g. headroom.snapshot/v1 (see docs/snapshots.md)."
    schema: String!
    "The frozen figures per team."
    data: [SnapshotTeam!]!
    "The frozen group rows: each group holding one of its teams, by path, with their totals; empty for snapshots made before groups existed."
    groups: [SnapshotGroup!]!
    "The totals of all its teams; null for snapshots made before groups existed."
    total: KpiTotals
    "The frozen document as stored, byte for byte (JSON)."
    document: String!
  }

  type SnapshotRange {
    from: Date!
    to: Date!
  }

  "One team's frozen figures."
  type SnapshotTeam {
    slug: String!
    name: String!
    timezone: String!
    members: Int
    focusHoursPerDay: Float!
    "The team's group path when the snapshot was made (e.g. 'Infrastructure / Data'); null: in no group, or a snapshot made before groups existed."
    group: String
    kpis: TeamKpis!
    "The guardrail version in force when the snapshot was made."
    guardrail: GuardrailPolicy!
    "The load model in force when the snapshot was made."
    loadModel: LoadModel!
    "Sprints overlapping the range, newest first."
    sprints: [Sprint!]!
    "The recommendation for the next sprint at that time."
    plan: SprintPlan!
  }

  "A group row of a snapshot, frozen."
  type SnapshotGroup {
    "The group's path when the snapshot was made."
    path: String!
    "The snapshot's teams in the group or its nested groups."
    teams: [String!]!
    totals: KpiTotals!
  }

  "What to freeze: a label, a range, and teams (all teams when left out or empty)."
  input SnapshotInput {
    label: String!
    range: DateRange!
    teams: [String!]
  }

  "Snapshots, newest first, Relay style."
  type SnapshotConnection {
    edges: [SnapshotEdge!]!
    pageInfo: PageInfo!
  }

  type SnapshotEdge {
    "Opaque cursor: pass it as after to get the next page."
    cursor: String!
    node: Snapshot!
  }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  "A KPI that moved between two snapshots."
  type KpiChange {
    kpi: String!
    before: Float
    after: Float
    "after - before; null when one side is undefined."
    delta: Float
  }

  "How one team's KPIs moved."
  type TeamDiff {
    team: String!
    "The team's name (in the later figures)."
    name: String!
    "BOTH, ONLY_BEFORE or ONLY_AFTER."
    presence: String!
    statusBefore: Status
    statusAfter: Status
    "Only the KPIs that changed."
    changes: [KpiChange!]!
  }

  type SnapshotDiff {
    "The older snapshot (the newer one when reversed); its range and createdAt say what it covers."
    before: Snapshot!
    "The newer snapshot (the older one when reversed); null when compared with the current figures."
    after: Snapshot
    teams: [TeamDiff!]!
  }

  extend type Query {
    "Snapshots, newest first (first: 1-100, default 20)."
    snapshots(first: Int = 20, after: String): SnapshotConnection!
    "One snapshot, or null."
    snapshot(id: ID!): Snapshot
    "Per team, the KPIs that moved between snapshots a and b, the older one before whichever is named first (changes read forward in time; reversed: true puts the newer one before). Without b: from snapshot a to the current figures."
    snapshotDiff(a: ID!, b: ID, reversed: Boolean = false): SnapshotDiff!
  }

  extend type Mutation {
    "Freezes the KPIs of a range and a set of teams."
    createSnapshot(input: SnapshotInput!): Snapshot!
    "Hides a snapshot (admin); who deleted it and when is recorded."
    deleteSnapshot(id: ID!): Boolean!
  }
`;
