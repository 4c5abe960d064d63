export const kpiTypeDefs = /* GraphQL */ `
  "A team's operational KPIs over a date range."
  type TeamKpis {
    "The range these figures cover."
    from: Date!
    to: Date!
    "Days in the range."
    days: Int!
    alerts: Int!
    pages: Int!
    "Hours paged, all classes."
    pageHours: Float!
    "Page hours in business hours (08:00-18:00 Mon-Fri)."
    businessPageHours: Float!
    "Page hours in off hours (evenings and weekend days)."
    offHoursPageHours: Float!
    "Page hours in sleep hours (22:00-08:00)."
    sleepPageHours: Float!
    "Pages triggered in sleep hours."
    sleepInterruptions: Int!
    "Production deploys."
    deploys: Int!
    "Deploys that failed or were rolled back."
    failedDeploys: Int!
    "failedDeploys / deploys; null when there were no deploys."
    changeFailureRate: Float
    "Manual operational work logged, hours."
    toilHours: Float!
  }

  "One bucket of a team's series: figures from start to end, inclusive; zeros where nothing was recorded."
  type KpiPoint {
    start: Date!
    end: Date!
    alerts: Int!
    pages: Int!
    pageHours: Float!
    businessPageHours: Float!
    offHoursPageHours: Float!
    sleepPageHours: Float!
    sleepInterruptions: Int!
    deploys: Int!
    failedDeploys: Int!
    changeFailureRate: Float
    toilHours: Float!
  }

  "One row of the org overview."
  type TeamOverview {
    team: Team!
    kpis: TeamKpis!
  }

  extend type Team {
    "KPIs over a date range."
    kpis(range: DateRange!): TeamKpis!
    "KPIs per bucket over a date range, gaps filled with zeros."
    series(range: DateRange!, bucket: Bucket = DAY): [KpiPoint!]!
  }

  extend type Query {
    "One row per team with its KPIs over the range, computed in one aggregate."
    overview(range: DateRange!): [TeamOverview!]!
  }
`;
