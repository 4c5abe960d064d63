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

  "Result of a guardrail rule: OK, WARN (at 80% of its limit or more) or BREACH (over it)."
  enum Status {
    OK
    WARN
    BREACH
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
