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

  extend type Mutation {
    "Records daily aggregates (at most 10,000 a call); all or nothing."
    recordDailyMetrics(input: [DailyMetricsInput!]!): IngestResult!
  }
`;
