export const groupOverviewTypeDefs = /* GraphQL */ `
  """
  The KPIs of several teams (a group with its nested groups, or the org) over one range. Hours and
  counts are sums of the teams' published figures; opsShare and changeFailureRate are recomputed
  from the summed hours and counts, never averaged over teams.
  """
  type KpiTotals {
    "Teams summed."
    teams: Int!
    alerts: Int!
    pages: Int!
    pageHours: Float!
    businessPageHours: Float!
    offHoursPageHours: Float!
    sleepPageHours: Float!
    sleepInterruptions: Int!
    deploys: Int!
    failedDeploys: Int!
    "Summed failedDeploys / summed deploys; null without deploys."
    changeFailureRate: Float
    toilHours: Float!
    "Summed ops hours by cause."
    opsBreakdown: OpsBreakdown!
    "Summed ops hours of every team."
    opsHours: Float!
    "Summed capacity hours (teams without members add 0)."
    capacityHours: Float!
    "Ops hours of the teams that have a capacity, over their summed capacity; null when no team has one. A team without capacity adds its hours to opsHours but not to this share."
    opsShare: Float
    "The worst status of the teams (BREACH over WARN over NO_DATA over OK); NO_DATA for no team."
    status: Status!
  }

  "One group's row of the overview: its teams' totals, nested groups' teams included."
  type GroupOverview {
    group: Group!
    "Slugs of the teams summed (this group's and its nested groups'; for a token limited to teams, those)."
    teams: [String!]!
    totals: KpiTotals!
    "The worst status of its teams (as totals.status)."
    status: Status!
  }

  extend type Query {
    "One row per group over the range, by path, with the totals and worst status of its teams and its nested groups' teams (for a token limited to teams: its teams, in the groups that hold them)."
    overviewGroups(range: DateRange!): [GroupOverview!]!
    "The totals of every team of the overview over the range (for a token limited to teams: its teams)."
    orgTotal(range: DateRange!): KpiTotals!
  }
`;
