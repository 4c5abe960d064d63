import type { Knex } from 'knex';
import DataLoader from 'dataloader';
import type { DateRange } from '../core/dateRange';
import { openPageDays, signalsWithOpenPages, teamDaysWithOpenPages } from './openPages';
import type { SignalSums } from '../kpi/signals';
import { idArray } from '../db/arrays';

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

const SUM_COLUMNS = [
  ['alerts', 'alerts'], ['pages', 'pages'], ['page_hours', 'pageHours'], ['off_hours_page_hours', 'offHoursPageHours'],
  ['sleep_page_hours', 'sleepPageHours'], ['sleep_interruptions', 'sleepInterruptions'], ['deploys', 'deploys'],
  ['failed_deploys', 'failedDeploys'], ['toil_hours', 'toilHours'],
] as const;
const FIELDS = SUM_COLUMNS.map(([, f]) => f);

/** The SUMS columns of a grouped subquery `s`, zero where it has no row. */
const SUMS_OR_ZERO = FIELDS.map((f) => `COALESCE(s."${f}", 0)::float8 AS "${f}"`).join(', ');

// Below this many teams one statement is quick enough that a second one's planning would not pay.
const SPLIT_FROM_TEAMS = 50;

/**
 * Signal sums per team for several ranges that do not overlap, in one statement — the overview's
 * range and the previous period its deltas compare with — one map per range, in the order given.
 * One range scan of team_day_signals' primary key covers every team and range, and each row is
 * summed once, into the group of its team and of the range it lies in: a join to the ranges would
 * aggregate each row once per range, FILTERed sums would test every row against every range for
 * every column. A team without rows gets zeros. Open pages' hours are read beside the sums (not
 * before them, as teamDaysWithOpenPages would) and added here: the overview's hot path waits for
 * one round trip instead of two.
 *
 * Many teams are summed by two statements at once, half the teams each: PostgreSQL runs a statement
 * on one core (it plans no parallel workers for this scan), and the overview waits on this one.
 * Two halves answer in ~0.7 of the time on two cores (docs/performance.md, fifth session); on the
 * embedded database, which serves one statement at a time, they run one after the other.
 */
export async function signalSumsByTeamForRanges(db: Knex, teamIds: readonly number[], ranges: readonly DateRange[]): Promise<Map<number, SignalSums>[]> {
  const ordered = [...ranges].sort((a, b) => (a.from < b.from ? -1 : 1));
  if (ordered.some((r, i) => i > 0 && r.from <= ordered[i - 1].to)) throw new Error('signalSumsByTeamForRanges: the ranges overlap');
  const from = ordered[0].from;
  const to = ordered.reduce((max, r) => (r.to > max ? r.to : max), ordered[0].to);
  const rangeOf = ranges.map((_, k) => `WHEN m.date BETWEEN ?::date AND ?::date THEN ${k}`).join(' ');
  const sumsOfTeams = async (ids: readonly number[]) => {
    const { rows } = await db.raw(
      `SELECT t.id AS "teamId", s.k, ${SUMS_OR_ZERO}
         FROM teams t
         LEFT JOIN (
           SELECT m.team_id, CASE ${rangeOf} END AS k, ${SUMS}
             FROM team_day_signals m
            WHERE m.team_id = ANY(?::int[]) AND m.date BETWEEN ?::date AND ?::date
            GROUP BY 1, 2
         ) s ON s.team_id = t.id
        WHERE t.id = ANY(?::int[])`,
      [...ranges.flatMap((r) => [r.from, r.to]), idArray(ids), from, to, idArray(ids)],
    );
    return rows as (SignalSums & { teamId: number; k: number | null })[];
  };
  const half = Math.ceil(teamIds.length / 2);
  const parts = teamIds.length >= SPLIT_FROM_TEAMS ? [teamIds.slice(0, half), teamIds.slice(half)] : [teamIds];
  const [open, ...summed] = await Promise.all([openPageDays(db, teamIds, from, to), ...parts.map(sumsOfTeams)]);
  const rows = summed.flat();
  const maps = ranges.map(() => new Map<number, SignalSums>());
  for (const r of rows) {
    // k is null for a team without rows, and for days between the ranges (read, then left out).
    if (r.k !== null) maps[r.k].set(r.teamId, sumsOf(r));
  }
  for (const r of rows) for (const m of maps) if (!m.has(r.teamId)) m.set(r.teamId, sumsOf(ZERO));
  for (const o of open) {
    ranges.forEach((r, i) => {
      const sums = o.date >= r.from && o.date <= r.to ? maps[i].get(o.teamId) : undefined;
      if (!sums) return;
      sums.pageHours += o.pageHours;
      sums.offHoursPageHours += o.offHoursPageHours;
      sums.sleepPageHours += o.sleepPageHours;
    });
  }
  return maps;
}

const ZERO: SignalSums = { alerts: 0, pages: 0, pageHours: 0, offHoursPageHours: 0, sleepPageHours: 0, sleepInterruptions: 0, deploys: 0, failedDeploys: 0, toilHours: 0 };

/** The sums of a row, as an object of one literal shape (not a copy of the driver's row: see figures/kpis.ts). */
const sumsOf = (r: SignalSums): SignalSums => ({
  alerts: r.alerts, pages: r.pages, pageHours: r.pageHours, offHoursPageHours: r.offHoursPageHours, sleepPageHours: r.sleepPageHours,
  sleepInterruptions: r.sleepInterruptions, deploys: r.deploys, failedDeploys: r.failedDeploys, toilHours: r.toilHours,
});

export type SeriesBucket = 'DAY' | 'WEEK';

export type SeriesPoint = SignalSums & { start: string; end: string };

/**
 * Signal sums per day or per ISO week (Monday first, clipped to the range), gaps filled with
 * zeros so charts get one point per bucket.
 *
 * Calls made in the same tick for the same range and bucket — the overview asks for every team's
 * series at once — are answered by one statement (seriesByTeam); nothing is cached between ticks.
 */
export function signalSeries(db: Knex, teamId: number, range: DateRange, bucket: SeriesBucket): Promise<SeriesPoint[]> {
  const key = `${range.from}|${range.to}|${bucket}`;
  let loaders = seriesLoaders.get(db);
  if (!loaders) seriesLoaders.set(db, (loaders = new Map()));
  let loader = loaders.get(key);
  if (!loader) {
    const batch = loaders;
    loader = new DataLoader<number, SeriesPoint[]>(
      async (ids) => {
        batch.delete(key); // later calls start a new batch
        const found = await seriesByTeam(db, ids, range, bucket);
        return ids.map((id) => found.get(id) ?? []);
      },
      { cache: false },
    );
    loaders.set(key, loader);
  }
  return loader.load(teamId);
}

const seriesLoaders = new WeakMap<Knex, Map<string, DataLoader<number, SeriesPoint[]>>>();

/** The series of several teams in one statement: each day summed into its bucket, then gaps filled. */
export async function seriesByTeam(db: Knex, teamIds: readonly number[], range: DateRange, bucket: SeriesBucket): Promise<Map<number, SeriesPoint[]>> {
  const step = bucket === 'DAY' ? '1 day' : '1 week';
  const first = bucket === 'DAY' ? '?::date' : `date_trunc('week', ?::date)::date`;
  const startOf = bucket === 'DAY' ? 'm.date' : `GREATEST(date_trunc('week', m.date)::date, ?::date)`;
  const { relation: signals } = await teamDaysWithOpenPages(db, teamIds, range.from, range.to);
  const { rows } = await db.raw(
    `WITH buckets AS (
       SELECT GREATEST(b::date, ?::date) AS start,
              LEAST((b + ?::interval - interval '1 day')::date, ?::date) AS "end"
         FROM generate_series(${first}, ?::date, ?::interval) AS b
     ),
     sums AS (
       SELECT m.team_id, ${startOf} AS start, ${SUMS}
         FROM ? m
        WHERE m.team_id = ANY(?::int[]) AND m.date BETWEEN ?::date AND ?::date
        GROUP BY 1, 2
     )
     SELECT t.team_id AS "teamId", b.start::text AS start, b."end"::text AS "end", ${SUMS_OR_ZERO}
       FROM unnest(?::int[]) AS t(team_id)
      CROSS JOIN buckets b
       LEFT JOIN sums s ON s.team_id = t.team_id AND s.start = b.start
      ORDER BY t.team_id, b.start`,
    [
      range.from, step, range.to, range.from, range.to, step,
      ...(bucket === 'DAY' ? [] : [range.from]), signals, [...teamIds], range.from, range.to,
      [...new Set(teamIds)],
    ],
  );
  const byTeam = new Map<number, SeriesPoint[]>();
  for (const { teamId, ...point } of rows as (SeriesPoint & { teamId: number })[]) {
    let points = byTeam.get(teamId);
    if (!points) byTeam.set(teamId, (points = []));
    points.push(point);
  }
  return byTeam;
}

/** Signal sums of one team for several windows (sprints) in one statement, in the order given. */
export async function signalSumsForWindows(db: Knex, teamId: number, windows: { startDate: string; endDate: string }[]): Promise<SignalSums[]> {
  if (windows.length === 0) return [];
  const from = windows.reduce((min, w) => (w.startDate < min ? w.startDate : min), windows[0].startDate);
  const to = windows.reduce((max, w) => (w.endDate > max ? w.endDate : max), windows[0].endDate);
  const { relation: signals } = await teamDaysWithOpenPages(db, [teamId], from, to);
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

/**
 * When each source last sent anything, and the latest day it has figures for; with `teamIds`,
 * counting only those teams' rows (unrouted events then count for nobody).
 */
export async function freshnessBySource(db: Knex, teamIds: ReadonlySet<number> | null = null): Promise<{ source: string; lastReceivedAt: Date; latestDate: string | null }[]> {
  const only = teamIds ? 'WHERE team_id = ANY(?::int[])' : '';
  const ids = teamIds ? [[...teamIds]] : [];
  const { rows } = await db.raw(
    `SELECT source, MAX(updated_at) AS "lastReceivedAt", MAX(date)::text AS "latestDate" FROM (
       SELECT source, updated_at, date FROM daily_metrics ${only}
       UNION ALL SELECT source, updated_at, local_date FROM page_events ${only}
       UNION ALL SELECT source, updated_at, local_date FROM deploy_events ${only}
     ) s
     GROUP BY source
     ORDER BY MAX(updated_at) DESC`,
    [...ids, ...ids, ...ids],
  );
  return rows;
}
