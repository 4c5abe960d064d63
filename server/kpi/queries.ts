import type { Knex } from 'knex';
import type { DateRange } from './dateRange';
import { signalsWithOpenPages } from './openPages';

/** Sums of the raw signals for one team over a window; every figure is a number, zero when empty. */
export interface SignalSums {
  alerts: number;
  pages: number;
  pageHours: number;
  offHoursPageHours: number;
  sleepPageHours: number;
  sleepInterruptions: number;
  deploys: number;
  failedDeploys: number;
  toilHours: number;
}

// One list of the summed columns, so every aggregate query returns the same shape.
const SUMS = `
  COALESCE(SUM(m.alerts), 0)::float8               AS "alerts",
  COALESCE(SUM(m.pages), 0)::float8                AS "pages",
  COALESCE(SUM(m.page_hours), 0)::float8           AS "pageHours",
  COALESCE(SUM(m.off_hours_page_hours), 0)::float8 AS "offHoursPageHours",
  COALESCE(SUM(m.sleep_page_hours), 0)::float8     AS "sleepPageHours",
  COALESCE(SUM(m.sleep_interruptions), 0)::float8  AS "sleepInterruptions",
  COALESCE(SUM(m.deploys), 0)::float8              AS "deploys",
  COALESCE(SUM(m.failed_deploys), 0)::float8       AS "failedDeploys",
  COALESCE(SUM(m.toil_hours), 0)::float8           AS "toilHours"`;

/** Signal sums per team over a range, for many teams in one statement (the overview). */
export async function signalSumsByTeam(db: Knex, teamIds: readonly number[], range: DateRange): Promise<Map<number, SignalSums>> {
  const { relation: signals } = await signalsWithOpenPages(db, teamIds, range.from, range.to);
  const { rows } = await db.raw(
    `SELECT t.id AS "teamId", ${SUMS}
       FROM teams t
       LEFT JOIN ? m ON m.team_id = t.id AND m.date BETWEEN ?::date AND ?::date
      WHERE t.id = ANY(?::int[])
      GROUP BY t.id`,
    [signals, range.from, range.to, [...teamIds]],
  );
  return new Map((rows as (SignalSums & { teamId: number })[]).map(({ teamId, ...sums }) => [teamId, sums]));
}

export type SeriesBucket = 'DAY' | 'WEEK';

/**
 * Signal sums per day or per ISO week (Monday first, clipped to the range), gaps filled with
 * zeros by generate_series so charts get one point per bucket.
 */
export async function signalSeries(db: Knex, teamId: number, range: DateRange, bucket: SeriesBucket): Promise<(SignalSums & { start: string; end: string })[]> {
  const step = bucket === 'DAY' ? '1 day' : '1 week';
  const first = bucket === 'DAY' ? '?::date' : `date_trunc('week', ?::date)::date`;
  const { relation: signals } = await signalsWithOpenPages(db, [teamId], range.from, range.to);
  const { rows } = await db.raw(
    `WITH buckets AS (
       SELECT GREATEST(b::date, ?::date) AS start,
              LEAST((b + ?::interval - interval '1 day')::date, ?::date) AS "end"
         FROM generate_series(${first}, ?::date, ?::interval) AS b
     )
     SELECT b.start::text AS start, b."end"::text AS "end", ${SUMS}
       FROM buckets b
       LEFT JOIN ? m ON m.team_id = ? AND m.date BETWEEN b.start AND b."end"
      GROUP BY b.start, b."end"
      ORDER BY b.start`,
    [range.from, step, range.to, range.from, range.to, step, signals, teamId],
  );
  return rows;
}

/** Signal sums of one team for several windows (sprints) in one statement, in the order given. */
export async function signalSumsForWindows(db: Knex, teamId: number, windows: { startDate: string; endDate: string }[]): Promise<SignalSums[]> {
  if (windows.length === 0) return [];
  const from = windows.reduce((min, w) => (w.startDate < min ? w.startDate : min), windows[0].startDate);
  const to = windows.reduce((max, w) => (w.endDate > max ? w.endDate : max), windows[0].endDate);
  const { relation: signals } = await signalsWithOpenPages(db, [teamId], from, to);
  const { rows } = await db.raw(
    `SELECT w.i, ${SUMS}
       FROM unnest(?::date[], ?::date[]) WITH ORDINALITY AS w(start, "end", i)
       LEFT JOIN ? m ON m.team_id = ? AND m.date BETWEEN w.start AND w."end"
      GROUP BY w.i
      ORDER BY w.i`,
    [windows.map((w) => w.startDate), windows.map((w) => w.endDate), signals, teamId],
  );
  return (rows as (SignalSums & { i: number })[]).map(({ i: _i, ...sums }) => sums);
}

/** Signal sums of one team per service over a range ('' is the whole team), noisiest first. */
export async function signalSumsByService(db: Knex, teamId: number, range: DateRange): Promise<(SignalSums & { service: string })[]> {
  const { relation: signals } = await signalsWithOpenPages(db, [teamId], range.from, range.to);
  const { rows } = await db.raw(
    `SELECT m.service, ${SUMS}
       FROM ? m
      WHERE m.team_id = ? AND m.date BETWEEN ?::date AND ?::date
      GROUP BY m.service`,
    [signals, teamId, range.from, range.to],
  );
  return rows;
}

/** When each source last sent anything, and the latest day it has figures for. */
export async function freshnessBySource(db: Knex): Promise<{ source: string; lastReceivedAt: Date; latestDate: string | null }[]> {
  const { rows } = await db.raw(
    `SELECT source, MAX(updated_at) AS "lastReceivedAt", MAX(date)::text AS "latestDate" FROM (
       SELECT source, updated_at, date FROM daily_metrics
       UNION ALL SELECT source, updated_at, local_date FROM page_events
       UNION ALL SELECT source, updated_at, local_date FROM deploy_events
     ) s
     GROUP BY source
     ORDER BY MAX(updated_at) DESC`,
  );
  return rows;
}
