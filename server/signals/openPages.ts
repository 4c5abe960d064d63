import type { Knex } from 'knex';
import { DEFAULT_LOAD_MODEL } from '../kpi/loadModel';
import { pageDays, scheduleOf } from './teamClocks';
import { idArray } from '../db/arrays';

/** Hours of open pages on one team day, from one source and service, split by class. */
export interface OpenPageDay {
  teamId: number;
  date: string;
  source: string;
  service: string;
  pageHours: number;
  offHoursPageHours: number;
  sleepPageHours: number;
  /** Who carried the page (page_events.responders). */
  responders: string[];
}

// Two days either side cover every UTC offset (−12:00 … +14:00) between a date and an instant.
const MARGIN = "interval '2 days'";

/**
 * Open pages count from their trigger up to `now`, at most maxHoursPerPage: that changes every
 * minute, so their hours are split here, at query time, instead of being stored like a resolved
 * page's. Only pages whose capped window can touch the range are read: few by construction.
 * The page cap is the effective load model's (team's own, else the org default, else 8), the
 * same rule as signals/loadModelQueries.ts, inlined so this stays one query.
 */
export async function openPageDays(db: Knex, teamIds: readonly number[], from: string, to: string, now = new Date()): Promise<OpenPageDay[]> {
  if (teamIds.length === 0) return [];
  const { rows } = await db.raw(
    `SELECT p.team_id AS "teamId", p.source, p.service, p.responders, p.triggered_at AS "triggeredAt",
            t.timezone, t.hour_schedule AS "hourSchedule", c.cap
       FROM page_events p
       JOIN teams t ON t.id = p.team_id
      CROSS JOIN LATERAL (
        SELECT COALESCE((SELECT max_hours_per_page FROM load_models WHERE team_id = p.team_id),
                        (SELECT max_hours_per_page FROM load_models WHERE team_id IS NULL),
                        ?::float8) AS cap
      ) c
      WHERE p.resolved_at IS NULL
        AND p.team_id = ANY(?::int[])
        AND p.triggered_at < LEAST(?::timestamptz, ?::date + ${MARGIN})
        AND p.triggered_at + c.cap * interval '1 hour' > ?::date - ${MARGIN}`,
    [DEFAULT_LOAD_MODEL.maxHoursPerPage, idArray(teamIds), now.toISOString(), to, from],
  );
  return (rows as { teamId: number; source: string; service: string; responders: string[]; triggeredAt: Date; timezone: string; hourSchedule: unknown; cap: number }[]).flatMap((p) =>
    pageDays({ teamId: p.teamId, timezone: p.timezone, schedule: scheduleOf(p.hourSchedule), maxHoursPerPage: p.cap }, new Date(p.triggeredAt), now)
      .filter((d) => d.date >= from && d.date <= to)
      .map((d) => ({
        teamId: p.teamId,
        date: d.date,
        source: p.source,
        service: p.service,
        pageHours: d.business_hours + d.off_hours + d.sleep_hours,
        offHoursPageHours: d.off_hours,
        sleepPageHours: d.sleep_hours,
        responders: p.responders,
      })),
  );
}

/**
 * The relation the KPI queries read signals from: the team_daily_signals view plus the hours of
 * open pages up to now. Use `relation` as `FROM ? m` / `JOIN ? m` with it as the binding.
 * (Wrapped in an object: a knex Raw is thenable, and returning it from an async function would run it.)
 */
export async function signalsWithOpenPages(db: Knex, teamIds: readonly number[], from: string, to: string, now = new Date()): Promise<{ relation: Knex.Raw }> {
  const open = await openPageDays(db, teamIds, from, to, now);
  if (open.length === 0) return { relation: db.raw('team_daily_signals') };
  const relation = db.raw(
    `(SELECT * FROM team_daily_signals
      UNION ALL
      SELECT o.team_id, o.date, o.source, o.service, 0, 0, o.page_hours, o.off_hours_page_hours, o.sleep_page_hours, 0, 0, 0, 0::float8
        FROM unnest(?::int[], ?::date[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::float8[])
             AS o(team_id, date, source, service, page_hours, off_hours_page_hours, sleep_page_hours))`,
    [
      open.map((o) => o.teamId), open.map((o) => o.date), open.map((o) => o.source), open.map((o) => o.service),
      open.map((o) => o.pageHours), open.map((o) => o.offHoursPageHours), open.map((o) => o.sleepPageHours),
    ],
  );
  return { relation };
}

/**
 * The per-team-day relation the aggregate KPI queries read: team_day_signals (the view's sums per
 * team and day, kept by triggers — migrations/20261123140000_performance.ts) plus the hours of open
 * pages up to now. Same use as signalsWithOpenPages, without the source and service columns.
 */
export async function teamDaysWithOpenPages(db: Knex, teamIds: readonly number[], from: string, to: string, now = new Date()): Promise<{ relation: Knex.Raw }> {
  const open = await openPageDays(db, teamIds, from, to, now);
  if (open.length === 0) return { relation: db.raw('team_day_signals') };
  const relation = db.raw(
    `(SELECT team_id, date, alerts, pages, page_hours, off_hours_page_hours, sleep_page_hours, sleep_interruptions, deploys, failed_deploys, toil_hours
        FROM team_day_signals
      UNION ALL
      SELECT o.team_id, o.date, 0, 0, o.page_hours, o.off_hours_page_hours, o.sleep_page_hours, 0, 0, 0, 0::float8
        FROM unnest(?::int[], ?::date[], ?::float8[], ?::float8[], ?::float8[])
             AS o(team_id, date, page_hours, off_hours_page_hours, sleep_page_hours))`,
    [open.map((o) => o.teamId), open.map((o) => o.date), open.map((o) => o.pageHours), open.map((o) => o.offHoursPageHours), open.map((o) => o.sleepPageHours)],
  );
  return { relation };
}
