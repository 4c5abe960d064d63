/**
 * The GraphQL operations of the overview, the team page and the header (the planning page keeps
 * its own in pages/planning/operations.ts, loaded with the page). The result types are generated
 * from schema.graphql by `npm run codegen` (client/graphql/generated/); the names below are the
 * shapes the components pass around, read off those generated types.
 */
import { graphql } from './generated';
import type {
  Bucket,
  DateRange as DateRangeInput,
  DoraBand,
  FreshnessQuery,
  KpiPointFieldsFragment,
  OverviewQuery,
  OverviewSeriesQuery,
  RatedKpisFragment,
  Scope,
  SprintState,
  Status,
  TeamQuery,
  ViewerQuery,
} from './generated/graphql';

export type { Bucket, DoraBand, Scope, SprintState, Status };

/** 'YYYY-MM-DD'. */
export type IsoDate = string;

export type DateRange = DateRangeInput;

// Fragments are declared for codegen; the queries below spread them by name.
// Everything a rated period shows: the figures, their verdict and rules, and the previous period.
graphql(/* GraphQL */ `
  fragment RatedKpis on TeamKpis {
    alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours
    sleepInterruptions deploys failedDeploys changeFailureRate toilHours
    opsHours capacityHours opsShare
    status
    rules { rule status value limit message }
    previous { alerts pages pageHours opsHours opsShare sleepInterruptions }
  }
`);

graphql(/* GraphQL */ `
  fragment KpiPointFields on KpiPoint {
    start end days bucketDays sprint
    alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours
    sleepInterruptions deploys failedDeploys changeFailureRate toilHours
    opsHours opsBreakdown { pages alerts failedDeploys toil }
  }
`);

graphql(/* GraphQL */ `
  fragment DoraMetricFields on DoraMetric { value unit band }
`);

export type RatedKpis = RatedKpisFragment;
/** The figures behind a team's KPIs; the server computes every one of them. */
export type Kpis = Omit<RatedKpis, 'status' | 'rules' | 'previous'>;
export type KpiField = keyof Kpis;
/** The figures compared with the previous period of the same length. */
export type DeltaField = keyof NonNullable<RatedKpis['previous']>;
export type RuleResult = RatedKpis['rules'][number];
export type KpiPoint = KpiPointFieldsFragment;
export type OpsBreakdown = KpiPoint['opsBreakdown'];

export type OverviewRow = OverviewQuery['overview'][number];
export type Team = OverviewRow['team'];

graphql(/* GraphQL */ `
  fragment TotalsFields on KpiTotals {
    teams alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours
    sleepInterruptions deploys failedDeploys changeFailureRate toilHours
    opsHours capacityHours opsShare status
  }
`);

/** Every team's row, and the group rows and the org total the server sums from them (server/kpi/groupTotals.ts). */
export const OVERVIEW = graphql(/* GraphQL */ `
  query Overview($range: DateRange!) {
    overview(range: $range) {
      team { slug name timezone members group { id } }
      status
      kpis { ...RatedKpis }
    }
    overviewGroups(range: $range) {
      group { id name path depth parent { id } }
      teams
      status
      totals { ...TotalsFields }
    }
    orgTotal(range: $range) { ...TotalsFields }
  }
`);

export type GroupRow = OverviewQuery['overviewGroups'][number];
export type Totals = OverviewQuery['orgTotal'];

/**
 * Every team's series in one round trip: weekly figures for the trend cards (page hours and
 * alerts) and ops hours in the sparkline's bucket (days for short ranges) for the table.
 */
export const OVERVIEW_SERIES = graphql(/* GraphQL */ `
  query OverviewSeries($range: DateRange!, $sparkBucket: Bucket!) {
    teams {
      slug name
      series(range: $range, bucket: WEEK) { start end days bucketDays alerts pageHours }
      spark: series(range: $range, bucket: $sparkBucket) { start end opsHours }
    }
  }
`);

type SeriesTeam = OverviewSeriesQuery['teams'][number];
/** What the overview's weekly trend cards draw of each week. */
export type TrendPoint = SeriesTeam['series'][number];
/** A sparkline point: ops hours of one bucket. */
export type OpsPoint = SeriesTeam['spark'][number];

export const FRESHNESS = graphql(/* GraphQL */ `
  query Freshness {
    freshness { source lastReceivedAt latestDate }
  }
`);

export type SourceFreshness = FreshnessQuery['freshness'][number];

/** Public: null when nobody is signed in. */
export const VIEWER = graphql(/* GraphQL */ `
  query Viewer {
    viewer { name scopes teams }
  }
`);

export type Viewer = NonNullable<ViewerQuery['viewer']>;

/** Everything on the team page but its series, in one round trip. */
export const TEAM = graphql(/* GraphQL */ `
  query Team($slug: String!, $range: DateRange!) {
    team(slug: $slug) {
      slug name timezone members focusHoursPerDay archived
      hourSchedule { businessStartHour businessEndHour sleepStartHour sleepEndHour businessDays }
      kpis(range: $range) {
        ...RatedKpis
        opsBreakdown { pages alerts failedDeploys toil }
        medianTimeToAcknowledgeSeconds medianTimeToResolveSeconds
      }
      dora(range: $range) {
        deploymentFrequency { ...DoraMetricFields }
        changeFailureRate { ...DoraMetricFields }
        leadTime { ...DoraMetricFields }
        timeToResolve { ...DoraMetricFields }
        reportYear
      }
      services(range: $range) {
        service alerts pages pageHours sleepInterruptions deploys failedDeploys toilHours opsHours
      }
      guardrail { reserveFloor opsCeiling version }
      sprints(last: 8) {
        name startDate endDate state capacityHours opsHours opsShare reservedOpsShare underReserved status synthetic
        recordedMembers recordedCapacityHours daysOff featurePointsPlanned featurePointsCompleted
        rules { rule status value limit message }
      }
    }
  }
`);

export type TeamDetail = NonNullable<TeamQuery['team']>;
export type Dora = TeamDetail['dora'];
export type DoraMetric = Dora['leadTime'];
export type ServiceLoad = TeamDetail['services'][number];
export type SprintRow = TeamDetail['sprints'][number];
export type GuardrailLimits = TeamDetail['guardrail'];

export const TEAM_SERIES = graphql(/* GraphQL */ `
  query TeamSeries($slug: String!, $range: DateRange!, $bucket: Bucket!) {
    team(slug: $slug) {
      slug
      series(range: $range, bucket: $bucket) { ...KpiPointFields }
    }
  }
`);
