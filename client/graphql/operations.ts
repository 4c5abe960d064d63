/**
 * Every GraphQL operation the dashboard sends, with the types of its result.
 * The shapes mirror server/<domain>/schema.ts; test/component/operations.test.ts validates each document
 * against the server's schema, so a renamed field fails a test instead of a page.
 */
import { operation } from './request';

/** 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

export type Bucket = 'DAY' | 'WEEK';

export interface Team {
  slug: string;
  name: string;
  timezone: string;
  members: number | null;
}

/** The figures behind a team's KPIs; the server computes every one of them. */
export interface Kpis {
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
}

export type KpiField = keyof Kpis;

export interface KpiPoint {
  start: IsoDate;
  end: IsoDate;
  alerts: number;
  pages: number;
  pageHours: number;
  businessPageHours: number;
  offHoursPageHours: number;
  sleepPageHours: number;
  sleepInterruptions: number;
  deploys: number;
  failedDeploys: number;
  changeFailureRate: number | null;
  toilHours: number;
}

const KPI_FIELDS = `
  alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours
  sleepInterruptions deploys failedDeploys changeFailureRate toilHours
`;

const POINT_FIELDS = `start end ${KPI_FIELDS}`;

export interface OverviewRow {
  team: Team;
  kpis: Kpis;
}

export const OVERVIEW = operation<{ overview: OverviewRow[] }, { range: DateRange }>(/* GraphQL */ `
  query Overview($range: DateRange!) {
    overview(range: $range) {
      team { slug name timezone members }
      kpis { ${KPI_FIELDS} }
    }
  }
`);

/** Weekly series of every team in one round trip, for the overview's small charts. */
export const OVERVIEW_SERIES = operation<
  { teams: { slug: string; name: string; series: KpiPoint[] }[] },
  { range: DateRange }
>(/* GraphQL */ `
  query OverviewSeries($range: DateRange!) {
    teams {
      slug name
      series(range: $range, bucket: WEEK) { ${POINT_FIELDS} }
    }
  }
`);

export interface TeamDetail extends Team {
  focusHoursPerDay: number;
  kpis: Kpis;
}

export const TEAM = operation<{ team: TeamDetail | null }, { slug: string; range: DateRange }>(/* GraphQL */ `
  query Team($slug: String!, $range: DateRange!) {
    team(slug: $slug) {
      slug name timezone members focusHoursPerDay
      kpis(range: $range) { ${KPI_FIELDS} }
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
export const ALL_OPERATIONS = { OVERVIEW, OVERVIEW_SERIES, TEAM, TEAM_SERIES };
