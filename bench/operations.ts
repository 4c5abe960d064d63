/**
 * The operations the bench times. The overview's two are those the dashboard's overview page
 * sends (client/graphql/operations.ts OVERVIEW and OVERVIEW_SERIES, as of this bench): the table
 * with status, rules and the previous period for deltas, and every team's weekly series.
 */

const KPI_FIELDS = `alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours
  sleepInterruptions deploys failedDeploys changeFailureRate toilHours opsHours capacityHours opsShare`;

const RATED_FIELDS = `${KPI_FIELDS}
  status
  rules { rule status value limit message }
  previous { alerts pages pageHours opsHours opsShare sleepInterruptions }`;

const POINT_FIELDS = `start end
  alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours
  sleepInterruptions deploys failedDeploys changeFailureRate toilHours
  opsHours opsBreakdown { pages alerts failedDeploys toil }`;

export const OVERVIEW = `query Overview($range: DateRange!) {
  overview(range: $range) {
    team { slug name timezone members }
    status
    kpis { ${RATED_FIELDS} }
  }
}`;

/** For 90 days the dashboard's spark bucket is WEEK (client/lib/bucket.ts). */
export const OVERVIEW_SERIES = `query OverviewSeries($range: DateRange!, $sparkBucket: Bucket!) {
  teams {
    slug name
    series(range: $range, bucket: WEEK) { start end alerts pageHours }
    spark: series(range: $range, bucket: $sparkBucket) { start end opsHours }
  }
}`;

export const TEAM_SERIES = `query TeamSeries($slug: String!, $range: DateRange!, $bucket: Bucket!) {
  team(slug: $slug) { slug series(range: $range, bucket: $bucket) { ${POINT_FIELDS} } }
}`;

export const TEAM_PLAN = `query TeamPlan($slug: String!) {
  team(slug: $slug) {
    plan { startDate endDate capacityHours projectedOpsShare recommendedOpsShare reservedOpsHours featureHours status explanation basedOn }
  }
}`;
