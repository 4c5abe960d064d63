export const ingestTypeDefs = /* GraphQL */ `
  "What a batch did: every received record was inserted, updated or left unchanged."
  type IngestResult {
    "Records in the batch."
    received: Int!
    "Records that created a new row."
    inserted: Int!
    "Records that replaced a row with different figures."
    updated: Int!
    "Records identical to the stored row."
    unchanged: Int!
  }

  """
  A team's figures for one day from one source (and optionally one service). Re-sending the same
  (team, date, source, service) replaces the row; omitted numbers are 0.
  """
  input DailyMetricsInput {
    "Team slug."
    team: String!
    "The day, in the team's time zone."
    date: Date!
    "Who sent the figure, e.g. pagerduty, csv; default api."
    source: String
    "Service label; omitted means the whole team."
    service: String
    alerts: Int
    pages: Int
    "Hours paged, all classes."
    pageHours: Float
    "Of pageHours, those in off hours."
    offHoursPageHours: Float
    "Of pageHours, those in sleep hours."
    sleepPageHours: Float
    "Pages that woke someone (triggered in sleep hours)."
    sleepInterruptions: Int
    deploys: Int
    "Deploys that failed or were rolled back."
    failedDeploys: Int
    "Manual operational work logged by the team, in hours."
    toilHours: Float
  }

  "How urgently a page notified a human (PagerDuty's urgency)."
  enum PageUrgency {
    "Notified at once, day or night."
    HIGH
    "Notified according to the low-urgency rules of the source."
    LOW
  }

  "Outcome of a deploy."
  enum DeployStatus {
    "The deploy went out and stayed."
    SUCCEEDED
    "The deploy failed."
    FAILED
    "The deploy went out and was rolled back."
    ROLLED_BACK
  }

  """
  One page: an incident that notified a human. (source, externalId) is its key: re-sending it
  updates the page, e.g. when it is acknowledged or resolved. Its hours run from triggeredAt to
  resolvedAt (an open page counts up to now), at most the team's load model maxHoursPerPage,
  split into business, off and sleep hours in the team's time zone.
  """
  input PageInput {
    "Who sent the page, e.g. pagerduty, opsgenie; default api."
    source: String
    "The page's id at its source, 1-200 characters; unique per source."
    externalId: String!
    "Team slug."
    team: String!
    "Service label; omitted means the whole team."
    service: String
    "Default HIGH."
    urgency: PageUrgency
    "When the page was triggered (with an offset)."
    triggeredAt: DateTime!
    "When a human acknowledged it; not before triggeredAt."
    acknowledgedAt: DateTime
    "When it was resolved; not before triggeredAt. Null while the page is open."
    resolvedAt: DateTime
    """
    Who carried the page (e.g. PagerDuty's assignees): names or emails as you give them, trimmed,
    at most 20 of at most 200 characters each; a name given twice counts once. Omitted (or null)
    keeps the responders stored for the page; an empty list clears them.
    """
    responders: [String!]
  }

  """
  One deploy. (source, externalId) is its key: re-sending it updates the deploy. Only deploys to
  the production environment count in the KPIs; FAILED and ROLLED_BACK count as failed.
  """
  input DeployInput {
    "Who sent the deploy, e.g. github, argo; default api."
    source: String
    "The deploy's id at its source, 1-200 characters; unique per source."
    externalId: String!
    "Team slug."
    team: String!
    "Service label; omitted means the whole team."
    service: String
    "Environment deployed to; default production. Only production counts (case-insensitive)."
    environment: String
    "When the deploy finished (with an offset)."
    deployedAt: DateTime!
    "Outcome of the deploy."
    status: DeployStatus!
    "Seconds from commit to running in production, when known; non-negative."
    leadTimeSeconds: Float
  }

  extend type Mutation {
    "Records daily aggregates (at most 10,000 a call); all or nothing."
    recordDailyMetrics(input: [DailyMetricsInput!]!): IngestResult!
    "Records page events (at most 10,000 a call), upserted by source and externalId; all or nothing."
    recordPages(input: [PageInput!]!): IngestResult!
    "Records deploy events (at most 10,000 a call), upserted by source and externalId; all or nothing."
    recordDeploys(input: [DeployInput!]!): IngestResult!
  }
`;
