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
    "Hours of ops work by cause under the team's load model; sums to opsHours."
    opsBreakdown: OpsBreakdown!
    "Hours of ops work: weighted page hours + alerts x minutesPerAlert/60 + failedDeploys x hoursPerFailedDeploy + toil."
    opsHours: Float!
    "Capacity of the range: members x working days (Mon-Fri) x focusHoursPerDay; 0 when members is unknown."
    capacityHours: Float!
    "opsHours / capacityHours; null when capacity is 0."
    opsShare: Float
    "Reserved ops share of the newest sprint overlapping the range, if one was recorded."
    reservedOpsShare: Float
    "The team's worst guardrail rule result; NO_DATA when the range holds no signal and no rule is WARN or BREACH."
    status: Status!
    "Every guardrail rule with its measured value, limit and a sentence."
    rules: [RuleResult!]!
    "The same KPIs over the previous period of the same length (for deltas); null inside a previous period, and on a snapshot's figures, which freeze no previous period."
    previous: TeamKpis
    "Median seconds from trigger to acknowledgement of the range's pages (events only); null without data."
    medianTimeToAcknowledgeSeconds: Float
    "Median seconds from trigger to resolve of the range's resolved pages (events only); null without data."
    medianTimeToResolveSeconds: Float
  }

  "Hours of ops work by cause (sums to opsHours)."
  type OpsBreakdown {
    "Page hours weighted by hour class."
    pages: Float!
    "Alert triage: alerts x minutesPerAlert / 60."
    alerts: Float!
    "failedDeploys x hoursPerFailedDeploy."
    failedDeploys: Float!
    "Toil hours as logged."
    toil: Float!
  }

  "The result of one guardrail rule."
  type RuleResult {
    "opsCeiling, reserveFloor, pageHoursPerWeek, sleepInterruptionsPerWeek, sleepInterruptionsPerPersonWeek (the busiest responder's) or changeFailureRate; in a plan also projectedOpsShare and reservedOpsShare."
    rule: String!
    "OK, WARN from 80% of the limit, BREACH over it, NO_DATA when the window holds no signal."
    status: Status!
    "The published figure judged (a share to 4 decimals, hours or a count per week to 2, a rate); per-week figures over d days are value x 7 / max(d, 7); null when undefined (e.g. no deploys)."
    value: Float
    "The policy's limit for this rule."
    limit: Float!
    "A plain sentence with the numbers."
    message: String!
  }

  "One bucket of a team's series: figures from start to end, inclusive; zeros where nothing was recorded."
  type KpiPoint {
    "First day of the bucket inside the range."
    start: Date!
    "Last day of the bucket inside the range."
    end: Date!
    "Days of the bucket inside the range (end - start + 1): the days its figures cover."
    days: Int!
    "Days of the whole bucket: 1 a day, 7 a week, the sprint's length (a stretch outside any sprint: its days)."
    bucketDays: Int!
    "True when the range cuts the bucket (days < bucketDays): its figures cover only part of it."
    partial: Boolean!
    "SPRINT buckets: the sprint's name (a date range for a team without sprints); null for days outside any sprint and for DAY and WEEK buckets."
    sprint: String
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
    "Ops hours of the bucket under the team's load model."
    opsHours: Float!
    "Ops hours by cause."
    opsBreakdown: OpsBreakdown!
  }

  "One service's share of a team's load ('' is figures sent for the whole team)."
  type ServiceLoad {
    "Service label; empty for figures not tied to a service."
    service: String!
    alerts: Int!
    pages: Int!
    pageHours: Float!
    sleepInterruptions: Int!
    deploys: Int!
    failedDeploys: Int!
    toilHours: Float!
    "Ops hours of the service under the team's load model."
    opsHours: Float!
  }

  """
  One person's pages over a range: the pages that named them among their responders
  (PageInput.responders, PagerDuty's assignees). A page counts in full for each of its responders —
  two people woken for a two-hour page both lost two hours of sleep — so the rows of a team add up
  to more than its KPIs when pages had several responders, and pages without responders (and daily
  aggregates, which name nobody) are in no row.
  """
  type ResponderLoad {
    "The name or email as the sender gave it."
    person: String!
    "Pages triggered in the range that named this person."
    pages: Int!
    "Their hours within the range (capped per page by maxHoursPerPage; open pages up to now)."
    pageHours: Float!
    "Of pageHours, those in off hours."
    offHoursPageHours: Float!
    "Of pageHours, those in sleep hours."
    sleepPageHours: Float!
    "Of pages, those triggered in sleep hours."
    sleepInterruptions: Int!
  }

  """
  How evenly a team's page hours fell on the people who carried them over a range. Names nobody,
  so it is given even where the org hides per-person figures. See README, "Who carries the pager".
  """
  type ResponderEvenness {
    "People named among the range's pages' responders."
    people: Int!
    "Sum of the people's page hours (a page counts once per responder): the denominator of busiestShare."
    personPageHours: Float!
    "The busiest person's page hours / personPageHours (0..1, 4 decimals); null when nobody carried any hour."
    busiestShare: Float
    """
    Gini coefficient of page hours per person (0 = everyone carried the same; (n-1)/n = one of n
    carried everything): sum over every ordered pair of people of |x_i - x_j|, over 2 x n x sum(x).
    4 decimals; null with fewer than 2 people (nothing to compare) or no hours.
    """
    gini: Float
  }

  "Who carried a team's pages over a range: per person (unless the org hides it) and how evenly."
  type ResponderFigures {
    "Per person, heaviest first, as Team.responderLoad; null when the org hides per-person figures (see peopleHiddenReason)."
    people: [ResponderLoad!]
    "Why people is null (the org hides per-person figures); null when people is given."
    peopleHiddenReason: String
    "How evenly the page hours fell; given even when people is hidden."
    evenness: ResponderEvenness!
    "Pages triggered in the range that named no responder (PageInput.responders, the CSV responders column, PagerDuty assignees): in no one's figures."
    pagesWithoutResponders: Int!
  }

  "When a source last sent data."
  type SourceFreshness {
    source: String!
    "When the newest record from this source arrived or changed."
    lastReceivedAt: DateTime!
    "The latest day this source has figures for."
    latestDate: Date
  }

  "One row of the org overview."
  type TeamOverview {
    team: Team!
    kpis: TeamKpis!
    "The team's worst guardrail rule result over the range; NO_DATA when the range holds no signal and no rule is WARN or BREACH."
    status: Status!
  }

  "A DORA performance band, from the 2023 Accelerate State of DevOps report."
  enum DoraBand {
    ELITE
    HIGH
    MEDIUM
    LOW
  }

  "One DORA figure with its band; value and band are null when there is no data."
  type DoraMetric {
    value: Float
    "deploys/day, ratio or seconds."
    unit: String!
    band: DoraBand
  }

  "DORA's four keys for a team and range, each placed in the band of the report named by reportYear."
  type Dora {
    "Production deploys per day."
    deploymentFrequency: DoraMetric!
    "Failed (or rolled back) deploys / deploys."
    changeFailureRate: DoraMetric!
    "Median lead time of production deploys that carry one, seconds."
    leadTime: DoraMetric!
    "Median time from trigger to resolve of pages, seconds (DORA's time to restore service)."
    timeToResolve: DoraMetric!
    "Year of the Accelerate State of DevOps report whose bands are used (2023)."
    reportYear: Int!
  }

  extend type Team {
    "Load per service over a range, noisiest (most ops hours) first."
    services(range: DateRange!): [ServiceLoad!]!
    "Page load per person who carried the team's pages over a range, heaviest first (most page hours, then sleep hours, then pages). FORBIDDEN when the org hides per-person figures (OrgPrivacy.hidePeople); responderFigures answers null with the reason instead."
    responderLoad(range: DateRange!): [ResponderLoad!]!
    "Per-person page load (null when the org hides it, with the reason) and how evenly it fell, over a range."
    responderFigures(range: DateRange!): ResponderFigures!
    "DORA figures over a date range, with performance bands (2023 Accelerate State of DevOps report)."
    dora(range: DateRange!): Dora!
    "KPIs over a date range."
    kpis(range: DateRange!): TeamKpis!
    "KPIs per bucket over a date range, gaps filled with zeros. The buckets cover every day of the range exactly once, so they add up to kpis(range); SPRINT buckets put the days outside any sprint in buckets of their own."
    series(range: DateRange!, bucket: Bucket = DAY): [KpiPoint!]!
  }

  extend type Query {
    "One row per team with its KPIs over the range, computed in one aggregate."
    overview(range: DateRange!): [TeamOverview!]!
    "Last data received per source, newest first: tells whether the figures are current (for a token limited to teams: from its teams' data only)."
    freshness: [SourceFreshness!]!
  }
`;
