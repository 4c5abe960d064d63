export const planningTypeDefs = /* GraphQL */ `
  "What the recommendation reserves before it is clamped to the floor and the ceiling (and rounded up to a 5% step)."
  enum ReserveAt {
    "The EWMA projection of the last lookbackSprints finished sprints (the default, the specified rule)."
    PROJECTION
    "The 80th percentile of the plan's range (SprintPlan.odds); the projection while there are too few past sprints for a range."
    P80
  }

  "A version of a guardrail policy. Every change is a new version with who, when and why; none is overwritten."
  type GuardrailPolicy {
    "Always reserve at least this share of capacity for ops (default 0.20, the Phoenix Project's twenty percent)."
    reserveFloor: Float!
    "Ops above this share of capacity is an overload (default 0.50, Google SRE's cap on operational work)."
    opsCeiling: Float!
    "Page hours per week above which the rule breaches (default 12)."
    maxPageHoursPerWeek: Float!
    "Sleep interruptions per week above which the rule breaches (default 2)."
    maxSleepInterruptionsPerWeek: Float!
    "Change failure rate above which the rule breaches (default 0.15)."
    maxChangeFailureRate: Float!
    "How many finished sprints the recommendation looks back on (1-12, default 3)."
    lookbackSprints: Int!
    "What the recommendation reserves before the floor and ceiling: the projection (default) or the range's 80th percentile."
    reserveAt: ReserveAt!
    "The busiest responder's sleep interruptions per week above which the rule breaches (default 2; pages naming responders only)."
    maxSleepInterruptionsPerPersonWeek: Float!
    "Version number within its scope (team or org); 0 is the built-in default."
    version: Int!
    "The team this version belongs to; null for the org default."
    team: String
    "Why the policy was changed."
    reason: String!
    "Who changed it (the token's name)."
    author: String!
    "When it was changed; null for the built-in default."
    createdAt: DateTime
  }

  "Guardrail fields to change; fields left out keep their current effective value."
  input GuardrailInput {
    reserveFloor: Float
    opsCeiling: Float
    maxPageHoursPerWeek: Float
    maxSleepInterruptionsPerWeek: Float
    maxChangeFailureRate: Float
    lookbackSprints: Int
    reserveAt: ReserveAt
    maxSleepInterruptionsPerPersonWeek: Float
  }

  "How signals become hours of ops work."
  type LoadModel {
    "Weight of page hours in business hours (default 1)."
    businessWeight: Float!
    "Weight of page hours in off hours (default 1)."
    offHoursWeight: Float!
    "Weight of page hours in sleep hours (default 1)."
    sleepWeight: Float!
    "Triage minutes per alert (default 5)."
    minutesPerAlert: Float!
    "Hours of work per failed deploy (default 2)."
    hoursPerFailedDeploy: Float!
    "A page counts at most this many hours (default 8)."
    maxHoursPerPage: Float!
  }

  "A recorded load model change: the whole model it set, who set it, when and why. Every setLoadModel call adds one; none is overwritten."
  type LoadModelChange {
    "The team whose model changed; null for the org default."
    team: String
    businessWeight: Float!
    offHoursWeight: Float!
    sleepWeight: Float!
    minutesPerAlert: Float!
    hoursPerFailedDeploy: Float!
    maxHoursPerPage: Float!
    "Why it was changed; null when the change was sent without a reason (the API allows that) or was made before changes were recorded."
    reason: String
    "Who changed it (the token's name); 'unknown (before changes were recorded)' for a model set before then."
    changedBy: String!
    "When it was changed."
    changedAt: DateTime!
  }

  "Load model fields to change; fields left out keep their current effective value."
  input LoadModelInput {
    businessWeight: Float
    offHoursWeight: Float
    sleepWeight: Float
    minutesPerAlert: Float
    hoursPerFailedDeploy: Float
    maxHoursPerPage: Float
  }

  "Where a sprint stands on its team's calendar (the team's time zone)."
  enum SprintState {
    "Ended before today: judged by its guardrail version, the only kind the recommendation learns from."
    FINISHED
    "Runs today: figures are to date (its days so far, against their share of the capacity); never under-reserved yet."
    IN_PROGRESS
    "Starts after today (accepted, not begun): no figures yet."
    PLANNED
  }

  "A sprint with its actual ops load."
  type Sprint {
    name: String!
    startDate: Date!
    "Last day, inclusive."
    endDate: Date!
    "Finished, in progress or planned, in the team's time zone; only finished sprints are judged as finished."
    state: SprintState!
    "As given, or members (the sprint's, else the team's) x working days x focus hours - days off x focus hours."
    capacityHours: Float!
    "The ops share reserved when the sprint was planned; null if none was recorded."
    reservedOpsShare: Float
    "The hours reserved for ops when it was planned: reservedOpsShare x capacityHours; null if no share was recorded."
    reservedOpsHours: Float
    "The sprint's head count: as recorded, else the team's members count; null when neither is known."
    members: Int
    "The head count recorded with the sprint (SprintInput.members); null when it follows the team's members count. For editing a sprint."
    recordedMembers: Int
    "The capacity recorded with the sprint (SprintInput.capacityHours); null when it is computed. For editing a sprint."
    recordedCapacityHours: Float
    "Person-days off recorded for the sprint, subtracted from a computed capacity (0 when none)."
    daysOff: Float!
    "Actual ops hours in the sprint (to date while it runs)."
    opsHours: Float!
    "Actual ops hours by cause."
    opsBreakdown: OpsBreakdown!
    "Actual opsHours / capacityHours; null when capacity is 0. While the sprint runs: against the capacity of its working days so far."
    opsShare: Float
    "Capacity left for feature work: capacityHours - opsHours (never negative)."
    featureHours: Float!
    "True when a finished sprint's actual ops share exceeded the reserved share (false until it ends)."
    underReserved: Boolean!
    "Worst guardrail rule of the sprint, judged by the version in force when it was planned; NO_DATA when the sprint holds no signal."
    status: Status!
    "Every rule's result for the sprint."
    rules: [RuleResult!]!
    "The guardrail policy version the sprint is judged by: the one in force when it was first planned, unless re-planned."
    guardrailVersion: Int!
    "When the sprint was last re-planned under the guardrail version then in force (upsertSprints with replan: true); null if never."
    replannedAt: DateTime
    "Who re-planned it (the token's name); null if never."
    replannedBy: String
    featurePointsPlanned: Float
    featurePointsCompleted: Float
    "True for the 14-day windows of a team that records no sprints (named by their dates, the newest ending yesterday)."
    synthetic: Boolean!
  }

  "Creates or updates a sprint by (team, name)."
  input SprintInput {
    team: String!
    name: String!
    startDate: Date!
    endDate: Date!
    "Given capacity; omitted means computed from members, working days and focus hours."
    capacityHours: Float
    "Who was in the sprint (head count); omitted means the team's members count. Capacity is computed from it."
    members: Int
    "Person-days off inside the sprint, subtracted from computed capacity."
    daysOff: Float
    "The ops share reserved at planning, 0..1."
    reservedOpsShare: Float
    featurePointsPlanned: Float
    featurePointsCompleted: Float
  }

  "The recommended plan for a team's next sprint."
  type SprintPlan {
    "The day after the last sprint ends (or today for a team without sprints)."
    startDate: Date!
    "As long as the last sprint (14 days without sprints)."
    endDate: Date!
    "Capacity of the next sprint (computed, or from the what-if)."
    capacityHours: Float!
    "EWMA (alpha 0.5) of the last lookbackSprints finished sprints' ops shares, newest weighted most."
    projectedOpsShare: Float!
    "The basis (recommendationBasis: the projection, or the range's 80th percentile) rounded up to a 5% step, clamped to reserveFloor..opsCeiling."
    recommendedOpsShare: Float!
    "What the recommendation started from: the policy's reserveAt, or PROJECTION when it asks for P80 and there is no range yet. PROJECTION in snapshots made before the option existed."
    recommendationBasis: ReserveAt!
    "The share the hours below use: the recommendation, or the what-if reservedOpsShare."
    reservedOpsShare: Float!
    "reservedOpsShare x capacityHours."
    reservedOpsHours: Float!
    "capacityHours - reservedOpsHours."
    featureHours: Float!
    "The worst of rules: the projection against the ceiling, the reservation against the floor and ceiling, and the team's other rules over the sprints looked back on."
    status: Status!
    "Every rule the plan is judged by: projectedOpsShare, reservedOpsShare, then opsCeiling, pageHoursPerWeek, sleepInterruptionsPerWeek, sleepInterruptionsPerPersonWeek and changeFailureRate over the sprints looked back on. Empty in snapshots made before it existed."
    rules: [RuleResult!]!
    "Every input and step in plain sentences."
    explanation: [String!]!
    "Names of the sprints the projection used, newest first."
    basedOn: [String!]!
    "The guardrail version applied."
    guardrailVersion: Int!
    "The range of the next sprint's ops share beside the recommendation (advice: the recommendation does not use it). Null in snapshots made before it existed."
    odds: PlanOdds
    "How the recommendation rule did over the team's own recorded sprints, replayed with no look-ahead. Null in snapshots made before it existed."
    trackRecord: TrackRecord
  }

  """
  The range of the next sprint's ops share from the team's own variability: the plan's projection plus
  the 50th and 80th percentile (nearest rank) of how far each of the last basedOnSprints recorded
  finished sprints (at most 12) landed from the projection made before it, under today's policy; at
  least 0. Null shares when fewer than 4 sprints have a projection before them.
  """
  type PlanOdds {
    "Half of the sprints like the last ones needed at most this share, 0..1."
    p50Share: Float
    "4 sprints in 5 like the last ones needed at most this share, 0..1."
    p80Share: Float
    "How many sprints' misses the range comes from."
    basedOnSprints: Int!
    "The range in words (“4 sprints in 5 like the last ones need at most 32% …”), or why there is none."
    sentence: String!
  }

  """
  The recommendation rule replayed before each of the team's last recorded finished sprints (at most
  12) that had one before it, under the guardrail version the sprint is judged by, with no look-ahead.
  """
  type TrackRecord {
    "Sprints replayed."
    sprints: Int!
    "Sprints whose actual ops share was at most what the rule would have reserved."
    held: Int!
    "Sprints replayed that had a range before them (4 earlier sprints with a projection before them)."
    p80Sprints: Int!
    "Of those, sprints whose actual ops share was above the 80th percentile published before them; calibrated is about 1 in 5."
    p80Exceeded: Int!
    "The record in words: “The recommendation held in 9 of the last 12 sprints; …”."
    sentence: String!
    "Each sprint replayed, newest first."
    backtest: [BacktestSprint!]!
  }

  "One sprint of a track record."
  type BacktestSprint {
    name: String!
    "The sprint's actual ops share."
    opsShare: Float!
    "What the recommendation rule would have reserved before the sprint."
    recommendedOpsShare: Float!
    "What that reservation started from, by the guardrail version the sprint is judged by (PROJECTION when it asked for P80 and there was no range yet, and in snapshots made before the option existed)."
    basis: ReserveAt!
    "opsShare at most recommendedOpsShare."
    held: Boolean!
    "The 80th percentile published before the sprint; null when there was no range yet."
    p80Share: Float
    "opsShare above p80Share; null without one."
    p80Exceeded: Boolean
  }

  extend type Team {
    "The team's last sprints with actual load, newest first (default 6), planned and running ones included. Without sprints: 14-day windows, the newest ending yesterday in the team's time zone."
    sprints(last: Int = 6): [Sprint!]!
    "The guardrail policy in force: the team's newest version, else the org default."
    guardrail: GuardrailPolicy!
    "Every version of the team's own policy, newest first."
    guardrailHistory: [GuardrailPolicy!]!
    "The load model in force: the team's own, else the org default."
    loadModel: LoadModel!
    "The team's own load model; null when it uses the org default."
    ownLoadModel: LoadModel
    "Every change of the team's own load model, newest first."
    loadModelHistory: [LoadModelChange!]!
    "The next sprint's plan. What-if arguments change the inputs without writing anything."
    plan(capacityHours: Float, members: Int, daysOff: Float, reservedOpsShare: Float): SprintPlan!
  }

  extend type Query {
    "The org default guardrail policy."
    guardrailDefaults: GuardrailPolicy!
    "Every version of the org default policy, newest first."
    guardrailDefaultsHistory: [GuardrailPolicy!]!
    "The org default load model."
    loadModelDefaults: LoadModel!
    "Every change of the org default load model, newest first."
    loadModelDefaultsHistory: [LoadModelChange!]!
  }

  extend type Mutation {
    "Creates or updates sprints by (team, name); a record with exactly the dates of a stored sprint of another name updates and renames that sprint (one window, one sprint); all or nothing. A sprint keeps the guardrail version in force when it was first planned; replan: true re-judges the sprints sent under today's version and records who and when."
    upsertSprints(input: [SprintInput!]!, replan: Boolean = false): [Sprint!]!
    "Deletes a team's sprint by name (NOT_FOUND when there is none); undoes an accepted plan."
    deleteSprint(team: String!, name: String!): Boolean!
    "Adds a new guardrail version for a team (team null: the org default), with the reason."
    setGuardrail(team: String, input: GuardrailInput!, reason: String!): GuardrailPolicy!
    "Sets a team's load model (team null: the org default) and records the change with who, when and the reason (see loadModelHistory, loadModelDefaultsHistory)."
    setLoadModel(
      team: String
      input: LoadModelInput!
      "Why the model changes, 3-1000 characters. Optional only so that callers written before changes were recorded keep working; the dashboard always sends one."
      reason: String
    ): LoadModel!
  }
`;
