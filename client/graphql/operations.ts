/**
 * The GraphQL operations of the overview, the team page and the header, with the types of their
 * results (the planning page keeps its own in pages/planning/operations.ts, loaded with the page).
 * The shapes mirror server/<domain>/schema.ts; test/component/operations.test.ts validates each document
 * against the server's schema, so a renamed field fails a test instead of a page.
 */
import { SET_HOUR_SCHEDULE, type HourSchedule } from '../pages/team/hourSchedule';
import { operation } from './request';

/** 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

export type Bucket = 'DAY' | 'WEEK' | 'SPRINT';

/**
 * A guardrail verdict, judged by the server on the published figure: OK, WARN (at 80% of a limit
 * or more), BREACH (over it), or NO_DATA (the window holds no signal: nothing to judge, never OK).
 */
export type Status = 'OK' | 'WARN' | 'BREACH' | 'NO_DATA';

export interface Team {
  slug: string;
  name: string;
  timezone: string;
  members: number | null;
}

/** Hours of ops work by cause; the four sum to opsHours. */
export interface OpsBreakdown {
  pages: number;
  alerts: number;
  failedDeploys: number;
  toil: number;
}

export interface RuleResult {
  /** opsCeiling, reserveFloor, pageHoursPerWeek, sleepInterruptionsPerWeek or changeFailureRate. */
  rule: string;
  status: Status;
  value: number | null;
  limit: number;
  /** A sentence with the numbers, written by the server. */
  message: string;
}

/** A window's signals and the ops hours they make: what a KPI period and a chart point share. */
export interface SignalFigures {
  alerts: number;
  pages: number;
  pageHours: number;
  businessPageHours: number;
  offHoursPageHours: number;
  sleepPageHours: number;
  sleepInterruptions: number;
  deploys: number;
  failedDeploys: number;
  /** failedDeploys / deploys; null when there were no deploys. */
  changeFailureRate: number | null;
  toilHours: number;
  opsHours: number;
}

/** The figures behind a team's KPIs; the server computes every one of them. */
export interface Kpis extends SignalFigures {
  capacityHours: number;
  /** opsHours / capacityHours; null when the capacity is 0 (members unknown). */
  opsShare: number | null;
}

export type KpiField = keyof Kpis;

/** The figures compared with the previous period of the same length. */
export interface PreviousKpis {
  alerts: number;
  pages: number;
  pageHours: number;
  opsHours: number;
  opsShare: number | null;
  sleepInterruptions: number;
}

export type DeltaField = keyof PreviousKpis;

export interface RatedKpis extends Kpis {
  status: Status;
  rules: RuleResult[];
  /** Null only inside a previous period itself. */
  previous: PreviousKpis | null;
}

export interface KpiPoint extends SignalFigures {
  start: IsoDate;
  end: IsoDate;
  /** Days of the bucket inside the range, and of the whole bucket: fewer means the range cuts it. */
  days: number;
  bucketDays: number;
  /** SPRINT buckets: the sprint's name; null outside any sprint. */
  sprint: string | null;
  opsBreakdown: OpsBreakdown;
}

const KPI_FIELDS = `
  alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours
  sleepInterruptions deploys failedDeploys changeFailureRate toilHours
  opsHours capacityHours opsShare
`;

const RATED_FIELDS = `
  ${KPI_FIELDS}
  status
  rules { rule status value limit message }
  previous { alerts pages pageHours opsHours opsShare sleepInterruptions }
`;

const BREAKDOWN_FIELDS = 'opsBreakdown { pages alerts failedDeploys toil }';

const POINT_FIELDS = `start end days bucketDays sprint
  alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours
  sleepInterruptions deploys failedDeploys changeFailureRate toilHours
  opsHours ${BREAKDOWN_FIELDS}`;

export interface OverviewRow {
  team: Team;
  kpis: RatedKpis;
  status: Status;
}

export const OVERVIEW = operation<{ overview: OverviewRow[] }, { range: DateRange }>(/* GraphQL */ `
  query Overview($range: DateRange!) {
    overview(range: $range) {
      team { slug name timezone members }
      status
      kpis { ${RATED_FIELDS} }
    }
  }
`);

/** A sparkline point: ops hours of one bucket. */
export interface OpsPoint {
  start: IsoDate;
  end: IsoDate;
  opsHours: number;
}

/**
 * Every team's series in one round trip: weekly figures for the trend cards and ops hours in the
 * sparkline's bucket (days for short ranges) for the table.
 */
/** What the overview's weekly trend cards draw of each week: page hours and alerts. */
export type TrendPoint = Pick<KpiPoint, 'start' | 'end' | 'days' | 'bucketDays' | 'alerts' | 'pageHours'>;

export const OVERVIEW_SERIES = operation<
  { teams: { slug: string; name: string; series: TrendPoint[]; spark: OpsPoint[] }[] },
  { range: DateRange; sparkBucket: Bucket }
>(/* GraphQL */ `
  query OverviewSeries($range: DateRange!, $sparkBucket: Bucket!) {
    teams {
      slug name
      series(range: $range, bucket: WEEK) { start end days bucketDays alerts pageHours }
      spark: series(range: $range, bucket: $sparkBucket) { start end opsHours }
    }
  }
`);

export interface SourceFreshness {
  source: string;
  /** ISO-8601 instant. */
  lastReceivedAt: string;
  latestDate: IsoDate | null;
}

export const FRESHNESS = operation<{ freshness: SourceFreshness[] }>(/* GraphQL */ `
  query Freshness {
    freshness { source lastReceivedAt latestDate }
  }
`);

export type Scope = 'read' | 'ingest' | 'plan' | 'admin';

export interface Viewer {
  name: string;
  scopes: Scope[];
  teams: string[] | null;
}

/** Public: null when nobody is signed in. */
export const VIEWER = operation<{ viewer: Viewer | null }>(/* GraphQL */ `
  query Viewer {
    viewer { name scopes teams }
  }
`);

export type DoraBand = 'ELITE' | 'HIGH' | 'MEDIUM' | 'LOW';

export interface DoraMetric {
  value: number | null;
  /** 'deploys/day', 'ratio' or 'seconds'. */
  unit: string;
  band: DoraBand | null;
}

export interface Dora {
  deploymentFrequency: DoraMetric;
  changeFailureRate: DoraMetric;
  leadTime: DoraMetric;
  timeToResolve: DoraMetric;
  reportYear: number;
}

export interface ServiceLoad {
  /** '' for figures sent for the whole team. */
  service: string;
  alerts: number;
  pages: number;
  pageHours: number;
  sleepInterruptions: number;
  deploys: number;
  failedDeploys: number;
  toilHours: number;
  opsHours: number;
}

/** Where a sprint stands in its team's time zone; only finished sprints are judged as finished. */
export type SprintState = 'FINISHED' | 'IN_PROGRESS' | 'PLANNED';

export interface SprintRow {
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
  state: SprintState;
  capacityHours: number;
  opsHours: number;
  opsShare: number | null;
  reservedOpsShare: number | null;
  underReserved: boolean;
  status: Status;
  synthetic: boolean;
}

export interface GuardrailLimits {
  reserveFloor: number;
  opsCeiling: number;
  version: number;
}

export interface TeamDetail extends Team {
  focusHoursPerDay: number;
  hourSchedule: HourSchedule;
  kpis: RatedKpis & {
    opsBreakdown: OpsBreakdown;
    medianTimeToAcknowledgeSeconds: number | null;
    medianTimeToResolveSeconds: number | null;
  };
  dora: Dora;
  services: ServiceLoad[];
  guardrail: GuardrailLimits;
  sprints: SprintRow[];
}

const DORA_METRIC = 'value unit band';

/** Everything on the team page but its series, in one round trip. */
export const TEAM = operation<{ team: TeamDetail | null }, { slug: string; range: DateRange }>(/* GraphQL */ `
  query Team($slug: String!, $range: DateRange!) {
    team(slug: $slug) {
      slug name timezone members focusHoursPerDay
      hourSchedule { businessStartHour businessEndHour sleepStartHour sleepEndHour businessDays }
      kpis(range: $range) {
        ${RATED_FIELDS}
        ${BREAKDOWN_FIELDS}
        medianTimeToAcknowledgeSeconds medianTimeToResolveSeconds
      }
      dora(range: $range) {
        deploymentFrequency { ${DORA_METRIC} }
        changeFailureRate { ${DORA_METRIC} }
        leadTime { ${DORA_METRIC} }
        timeToResolve { ${DORA_METRIC} }
        reportYear
      }
      services(range: $range) {
        service alerts pages pageHours sleepInterruptions deploys failedDeploys toilHours opsHours
      }
      guardrail { reserveFloor opsCeiling version }
      sprints(last: 8) {
        name startDate endDate state capacityHours opsHours opsShare reservedOpsShare underReserved status synthetic
      }
    }
  }
`);

export const TEAM_SERIES = operation<
  { team: { slug: string; series: KpiPoint[] } | null },
  { slug: string; range: DateRange; bucket: Bucket }
>(/* GraphQL */ `
  query TeamSeries($slug: String!, $range: DateRange!, $bucket: Bucket!) {
    team(slug: $slug) {
      slug
      series(range: $range, bucket: $bucket) { ${POINT_FIELDS} }
    }
  }
`);

/** Every operation, for the schema-validation test. */
export const ALL_OPERATIONS = { OVERVIEW, OVERVIEW_SERIES, FRESHNESS, VIEWER, TEAM, TEAM_SERIES, SET_HOUR_SCHEDULE };
