export const backfillTypeDefs = /* GraphQL */ `
  "One figure a backfill run counted, e.g. incidents read or deploys inserted."
  type BackfillCount {
    """
    What is counted. pagerduty: incidents, inserted, updated, unchanged, unrouted, skipped;
    github: deployments, notFinal, inserted, updated, unchanged, production, unrouted,
    withLeadTime, pages, requests; jira: read, recorded, skipped, requests.
    """
    name: String!
    "How many."
    value: Int!
  }

  "The latest backfill of a source's history (npm run headroom -- backfill SOURCE), or none yet."
  type BackfillRun {
    "The vendor: pagerduty, github or jira."
    source: String!
    "The run's options as written on the command line, e.g. --repo acme/api --since 2026-06-01 --until 2026-11-29; null when the source was never backfilled."
    params: String
    "First day read: UTC days for pagerduty and github; for jira the first recorded sprint's start, in the team's time zone. Null when never run."
    since: Date
    "Last day read, inclusive (pagerduty without --until: the day the run started); for jira the last recorded sprint's end. Null when never run."
    until: Date
    "When the run started; null when never run."
    startedAt: DateTime
    "When it finished; null when never run, or when it stopped half-way (run the command again to resume it)."
    finishedAt: DateTime
    "What the run counted, so far if it has not finished; empty when never run."
    counts: [BackfillCount!]!
    "The command that runs this backfill: the latest run's own (re-running resumes it, or reads its range afresh and counts nothing twice), or one with placeholders (OWNER/NAME, YYYY-MM-DD, ID, SLUG) when never run."
    command: String!
    "The environment variables the command needs (names only; never their values)."
    environment: [String!]!
  }

  extend type Query {
    """
    The latest backfill of each source — pagerduty, github, jira, in that order, one entry each
    even when never run — with its range, counts and the command to run it. Needs the ingest scope
    on a token not limited to teams: backfills bring in every team's history.
    """
    backfills: [BackfillRun!]!
  }
`;
