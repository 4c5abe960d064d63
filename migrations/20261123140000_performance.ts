import type { Knex } from 'knex';
import { TEAM_DAILY_SIGNALS_VIEW as PREVIOUS_VIEW } from './20261123130000_event_signals';

/**
 * Performance at org scale (issue 8, docs/performance.md).
 *
 * 1. team_day_signals: the sums of team_daily_signals per team and day, kept current by
 *    statement-level triggers on the four tables the view reads. The overview, series and sprint
 *    figures read it instead of the view: a range of days is an index range scan over one row per
 *    team and day, instead of the view's rule against double counting evaluated over every row.
 *    Each trigger recomputes the team days its statement touched from the base tables (not a
 *    running delta: no float drift, and any write path — ingestion, webhooks, routing, re-splits,
 *    deletes, cascades — is covered). Concurrent writers of one team day queue on its row lock and
 *    each recomputes after the previous one committed (READ COMMITTED takes a new snapshot per
 *    statement), so no update is lost.
 * 2. team_daily_signals is re-created with the same rows: its "do events of this source exist for
 *    this team and day" tests become LATERAL probes of the indexes, which the planner cannot turn
 *    into hashed subplans that read every page and deploy event of every team on each query.
 * 3. An index of open pages (read on every KPI query).
 */

const SUMS = `COALESCE(SUM(v.alerts), 0), COALESCE(SUM(v.pages), 0), COALESCE(SUM(v.page_hours), 0),
       COALESCE(SUM(v.off_hours_page_hours), 0), COALESCE(SUM(v.sleep_page_hours), 0), COALESCE(SUM(v.sleep_interruptions), 0),
       COALESCE(SUM(v.deploys), 0), COALESCE(SUM(v.failed_deploys), 0), COALESCE(SUM(v.toil_hours), 0)`;

/**
 * Recomputes the given team days from the view (so the view stays the one definition of the rule).
 * Each key is a LATERAL probe of the view: index lookups only, so its cost does not grow with the
 * tables. The keys are locked first, in key order: concurrent writers of a team day queue instead of
 * deadlocking, and the recomputation — a new statement, so a new READ COMMITTED snapshot — sees what
 * the previous holder committed.
 * Exported, with triggerFunction, for the down() of 20261207100000_incremental_rollup (which replaces
 * both): applied in the field, never edited.
 */
export const REFRESH_FUNCTION = `
CREATE FUNCTION refresh_team_day_signals(team_ids integer[], dates date[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  key_teams integer[];
  key_dates date[];
BEGIN
  IF team_ids IS NULL THEN
    RETURN;
  END IF;
  -- Distinct keys in key order, of teams that still exist (a team deleted in this statement
  -- cascades its rows and gets no new one).
  SELECT array_agg(k.team_id ORDER BY k.team_id, k.date), array_agg(k.date ORDER BY k.team_id, k.date)
    INTO key_teams, key_dates
    FROM (SELECT DISTINCT u.team_id, u.date FROM unnest(team_ids, dates) AS u(team_id, date)
           WHERE u.team_id IS NOT NULL AND u.date IS NOT NULL) k
   WHERE EXISTS (SELECT 1 FROM teams t WHERE t.id = k.team_id);
  IF key_teams IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO team_day_signals (team_id, date)
  SELECT k.team_id, k.date FROM unnest(key_teams, key_dates) WITH ORDINALITY AS k(team_id, date, i) ORDER BY k.i
  ON CONFLICT DO NOTHING;
  PERFORM 1
     FROM unnest(key_teams, key_dates) WITH ORDINALITY AS k(team_id, date, i)
     CROSS JOIN LATERAL (SELECT s.team_id FROM team_day_signals s WHERE s.team_id = k.team_id AND s.date = k.date) s
    ORDER BY k.i
      FOR NO KEY UPDATE OF s;
  INSERT INTO team_day_signals (team_id, date, alerts, pages, page_hours, off_hours_page_hours, sleep_page_hours,
                                sleep_interruptions, deploys, failed_deploys, toil_hours)
  SELECT k.team_id, k.date, t.*
    FROM unnest(key_teams, key_dates) AS k(team_id, date)
    CROSS JOIN LATERAL (SELECT ${SUMS} FROM team_daily_signals v WHERE v.team_id = k.team_id AND v.date = k.date) t
  ON CONFLICT (team_id, date) DO UPDATE SET
    alerts = excluded.alerts, pages = excluded.pages, page_hours = excluded.page_hours,
    off_hours_page_hours = excluded.off_hours_page_hours, sleep_page_hours = excluded.sleep_page_hours,
    sleep_interruptions = excluded.sleep_interruptions, deploys = excluded.deploys,
    failed_deploys = excluded.failed_deploys, toil_hours = excluded.toil_hours;
END
$$`;

/**
 * A statement-level trigger function: the team days of the changed rows, before and after.
 * Inserts into page_events and page_event_days may be deferred: writePages (server/ingest/
 * pageQueries.ts) inserts a batch's pages and then their days, and refreshes the team days of both
 * once, itself, while the transaction-local setting headroom.defer_page_signals is 'on'.
 */
const DEFERRED = `IF current_setting('headroom.defer_page_signals', true) = 'on' THEN
      RETURN NULL;
    END IF;
    `;

export function triggerFunction(name: string, table: string, team: string, date: string): string {
  const keys = (rows: string) => `SELECT ${team} AS team_id, ${date} AS date FROM ${rows}`;
  const deferrable = table === 'page_events' || table === 'page_event_days';
  return `
CREATE FUNCTION ${name}() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${deferrable ? DEFERRED : ''}PERFORM refresh_team_day_signals(array_agg(team_id), array_agg(date)) FROM (${keys('new_rows')}) k;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM refresh_team_day_signals(array_agg(team_id), array_agg(date)) FROM (${keys('new_rows')} UNION ${keys('old_rows')}) k;
  ELSE
    PERFORM refresh_team_day_signals(array_agg(team_id), array_agg(date)) FROM (${keys('old_rows')}) k;
  END IF;
  RETURN NULL;
END
$$`;
}

const SOURCES = [
  { table: 'daily_metrics', fn: 'team_day_signals_daily_metrics', team: 'team_id', date: 'date' },
  { table: 'page_events', fn: 'team_day_signals_page_events', team: 'team_id', date: 'local_date' },
  { table: 'page_event_days', fn: 'team_day_signals_page_event_days', team: 'team_id', date: 'date' },
  { table: 'deploy_events', fn: 'team_day_signals_deploy_events', team: 'team_id', date: 'local_date' },
];

// Transition tables allow one event per trigger: three triggers per table share its function.
const TRIGGER_EVENTS = [
  { event: 'INSERT', referencing: 'NEW TABLE AS new_rows' },
  { event: 'UPDATE', referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows' },
  { event: 'DELETE', referencing: 'OLD TABLE AS old_rows' },
];

// The same rows as 20261123130000_event_signals' view. The flags are LATERAL probes with LIMIT 1:
// per row an index lookup (page_events (team_id, local_date, source), page_event_days (team_id,
// date), deploy_events (team_id, local_date, source)), never a scan of a whole events table.
// Exported for the down() of a later migration that redefines the view: applied in the field, never edited.
export const TEAM_DAILY_SIGNALS_VIEW = `
CREATE VIEW team_daily_signals AS
SELECT m.team_id, m.date, m.source, m.service, m.alerts,
       CASE WHEN fp.hit OR fd.hit THEN 0 ELSE m.pages END                AS pages,
       CASE WHEN fp.hit OR fd.hit THEN 0 ELSE m.page_hours END           AS page_hours,
       CASE WHEN fp.hit OR fd.hit THEN 0 ELSE m.off_hours_page_hours END AS off_hours_page_hours,
       CASE WHEN fp.hit OR fd.hit THEN 0 ELSE m.sleep_page_hours END     AS sleep_page_hours,
       CASE WHEN fp.hit OR fd.hit THEN 0 ELSE m.sleep_interruptions END  AS sleep_interruptions,
       CASE WHEN fe.hit THEN 0 ELSE m.deploys END                        AS deploys,
       CASE WHEN fe.hit THEN 0 ELSE m.failed_deploys END                 AS failed_deploys,
       m.toil_hours
  FROM daily_metrics m
  LEFT JOIN LATERAL (SELECT true AS hit FROM page_events p
                      WHERE p.team_id = m.team_id AND p.local_date = m.date AND p.source = m.source LIMIT 1) fp ON true
  LEFT JOIN LATERAL (SELECT true AS hit FROM page_event_days d JOIN page_events p ON p.id = d.page_id
                      WHERE d.team_id = m.team_id AND d.date = m.date AND p.source = m.source LIMIT 1) fd ON true
  LEFT JOIN LATERAL (SELECT true AS hit FROM deploy_events e
                      WHERE e.team_id = m.team_id AND e.local_date = m.date AND e.source = m.source
                        AND lower(e.environment) = 'production' LIMIT 1) fe ON true
UNION ALL
SELECT p.team_id, p.local_date, p.source, p.service, 0,
       1, 0::float8, 0::float8, 0::float8, CASE WHEN p.sleep_interruption THEN 1 ELSE 0 END,
       0, 0, 0::float8
  FROM page_events p
 WHERE p.team_id IS NOT NULL AND p.local_date IS NOT NULL
UNION ALL
SELECT d.team_id, d.date, p.source, p.service, 0,
       0, d.business_hours + d.off_hours + d.sleep_hours, d.off_hours, d.sleep_hours, 0,
       0, 0, 0::float8
  FROM page_event_days d
  JOIN page_events p ON p.id = d.page_id
UNION ALL
SELECT e.team_id, e.local_date, e.source, e.service, 0,
       0, 0::float8, 0::float8, 0::float8, 0,
       1, CASE WHEN e.status IN ('FAILED', 'ROLLED_BACK') THEN 1 ELSE 0 END, 0::float8
  FROM deploy_events e
 WHERE e.team_id IS NOT NULL AND e.local_date IS NOT NULL AND lower(e.environment) = 'production'
`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('DROP VIEW team_daily_signals');
  await knex.raw(TEAM_DAILY_SIGNALS_VIEW);

  // Pages still open: read by every KPI query (their hours are split at query time). Few rows.
  await knex.raw('CREATE INDEX page_events_open_team_index ON page_events (team_id, triggered_at) WHERE resolved_at IS NULL');

  await knex.raw(`
    CREATE TABLE team_day_signals (
      team_id integer NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
      date date NOT NULL,
      -- Counts too are double precision (exact below 2^53): summing them is then a float sum, not
      -- the numeric arithmetic SUM(bigint) would do — a third of an overview's time.
      alerts double precision NOT NULL DEFAULT 0,
      pages double precision NOT NULL DEFAULT 0,
      page_hours double precision NOT NULL DEFAULT 0,
      off_hours_page_hours double precision NOT NULL DEFAULT 0,
      sleep_page_hours double precision NOT NULL DEFAULT 0,
      sleep_interruptions double precision NOT NULL DEFAULT 0,
      deploys double precision NOT NULL DEFAULT 0,
      failed_deploys double precision NOT NULL DEFAULT 0,
      toil_hours double precision NOT NULL DEFAULT 0,
      PRIMARY KEY (team_id, date)
    )`);
  await knex.raw(REFRESH_FUNCTION);
  // Scoped to the function's calls (no session state):
  // - a refresh of thousands of team days is estimated costly enough for JIT compilation, which then
  //   takes longer (~100 ms) than the index probes it would speed up;
  // - a plan cached while the tables were small (a first import into an empty database, before
  //   autovacuum's ANALYZE; PGlite has no autovacuum) probes the wrong indexes and gets slower with
  //   every batch: plan each call for the tables as they are.
  await knex.raw('ALTER FUNCTION refresh_team_day_signals(integer[], date[]) SET jit = off');
  await knex.raw('ALTER FUNCTION refresh_team_day_signals(integer[], date[]) SET plan_cache_mode = force_custom_plan');
  for (const s of SOURCES) {
    await knex.raw(triggerFunction(s.fn, s.table, s.team, s.date));
    for (const t of TRIGGER_EVENTS) {
      await knex.raw(`CREATE TRIGGER ${s.fn}_${t.event.toLowerCase()} AFTER ${t.event} ON ${s.table}
                      REFERENCING ${t.referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${s.fn}()`);
    }
  }
  // TRUNCATE fires no row or statement DELETE trigger: rebuild the whole table instead.
  await knex.raw(REBUILD_FUNCTION);
  await knex.raw(REBUILD_TRIGGER_FUNCTION);
  for (const s of SOURCES) {
    await knex.raw(`CREATE TRIGGER ${s.fn}_truncate AFTER TRUNCATE ON ${s.table} FOR EACH STATEMENT EXECUTE FUNCTION rebuild_team_day_signals()`);
  }
  // Existing data.
  await knex.raw('SELECT rebuild_team_day_signals_now()');
  await knex.raw('ANALYZE team_day_signals');
}

/** Every team day any table holds, recomputed; the rest removed. For TRUNCATE and the first fill. */
const REBUILD_FUNCTION = `
CREATE FUNCTION rebuild_team_day_signals_now() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM team_day_signals;
  PERFORM refresh_team_day_signals(array_agg(team_id), array_agg(date)) FROM (
    SELECT team_id, date FROM daily_metrics
    UNION SELECT team_id, local_date FROM page_events WHERE team_id IS NOT NULL AND local_date IS NOT NULL
    UNION SELECT team_id, date FROM page_event_days
    UNION SELECT team_id, local_date FROM deploy_events WHERE team_id IS NOT NULL AND local_date IS NOT NULL
  ) k;
END
$$`;

const REBUILD_TRIGGER_FUNCTION = `
CREATE FUNCTION rebuild_team_day_signals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rebuild_team_day_signals_now();
  RETURN NULL;
END
$$`;

export async function down(knex: Knex): Promise<void> {
  for (const s of SOURCES) {
    for (const t of TRIGGER_EVENTS) await knex.raw(`DROP TRIGGER ${s.fn}_${t.event.toLowerCase()} ON ${s.table}`);
    await knex.raw(`DROP TRIGGER ${s.fn}_truncate ON ${s.table}`);
    await knex.raw(`DROP FUNCTION ${s.fn}()`);
  }
  await knex.raw('DROP FUNCTION rebuild_team_day_signals()');
  await knex.raw('DROP FUNCTION rebuild_team_day_signals_now()');
  await knex.raw('DROP FUNCTION refresh_team_day_signals(integer[], date[])');
  await knex.raw('DROP TABLE team_day_signals');
  await knex.raw('DROP INDEX page_events_open_team_index');
  await knex.raw('DROP VIEW team_daily_signals');
  await knex.raw(PREVIOUS_VIEW);
}
