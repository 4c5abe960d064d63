export const baseTypeDefs = /* GraphQL */ `
  "A calendar date, YYYY-MM-DD, read in the team's own time zone."
  scalar Date
  "An instant, ISO-8601 with an offset."
  scalar DateTime

  "An inclusive range of calendar dates (at most three years)."
  input DateRange {
    "First day of the range, inclusive."
    from: Date!
    "Last day of the range, inclusive."
    to: Date!
  }

  "Result of a guardrail rule, judged on the published (rounded) figure."
  enum Status {
    "Below 80% of the limit."
    OK
    "At 80% of the limit or more, not over it."
    WARN
    "Over the limit (under it, for the reserve floor)."
    BREACH
    "The window holds no signal at all (no alerts, pages, deploys or toil): nothing to judge, never a green OK."
    NO_DATA
  }

  "Size of the buckets of a time series."
  enum Bucket {
    "One point per calendar day."
    DAY
    "One point per ISO week (Monday to Sunday), clipped to the range."
    WEEK
    "One point per sprint of the team."
    SPRINT
  }

  type Query {
    "Liveness of the GraphQL layer; always true."
    ok: Boolean!
  }

  type Mutation {
    "No-op; lets domains extend Mutation."
    noop: Boolean
  }
`;
