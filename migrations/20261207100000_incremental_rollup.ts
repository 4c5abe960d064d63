import type { Knex } from 'knex';
import { REFRESH_FUNCTION as PREVIOUS_REFRESH, TEAM_DAILY_SIGNALS_VIEW as PREVIOUS_VIEW, triggerFunction } from './20261123140000_performance';

/**
 * The daily rollup kept by deltas at daily-metrics ingestion (issue 19, docs/performance.md).
 *
 * team_day_signals (20261123140000_performance) was kept by recomputing every touched team day from
 * the team_daily_signals view: for a batch of daily metrics, each row's team day read again from all
 * four tables — two thirds of the ingestion's time. Daily-metrics statements now add what their rows
 * change instead: Σ masked(new rows) − Σ masked(old rows) per team and day, where masked applies the
 * view's rule against double counting (a row's page figures count only when no page events of its
 * source exist for that team and day; its deploy figures only when no production deploys of its
 * source do). The rule is written once, maskedDailyMetrics, for both the view and the deltas.
 * The event tables keep the recomputation: an event flips those flags for every row of its team day.
 *
 * Exact, so a delta-kept row equals a recomputation bit for bit and never drifts: counts are
 * integers, and every hour value entering team_day_signals is first rounded to a multiple of
 * 2^-20 hour (fixed_hours, ~3.4 ms), in the recomputation's sums as in the deltas. Sums and
 * differences of such values are exact in double precision while below 2^33 hours (a row's hours
 * are at most 10^6: over 8,000 maximal rows per team day). The rounding moves a figure by at most
 * 2^-21 hour per row; figures are published to two decimals (server/kpi/format.ts).
 *
 * Concurrency: a delta first locks its team days' rows (in key order, as the recomputation does),
 * and only then, in a later statement — a new READ COMMITTED snapshot — reads the flags and adds.
 * An event writer recomputing the same team day has then either committed (its events are seen) or
 * waits for this transaction (and recomputes with its rows). Flags read before the lock could add
 * a row's page figures on top of a recomputation that had just masked them. Team days without a
 * row yet (new days: most of ingestion) are the exception, inserted with their delta at once (see
 * applyDeltas for why that is safe).
 *
 * The rollup's foreign key to teams is replaced by a delete trigger on teams: its check was a
 * query per inserted row, as costly as the rest of a new day's delta (docs/performance.md).
 */

const QUANTUM = 1048576; // 2^20: hours are kept as whole multiples of 2^-20.

const FIXED_HOURS_FUNCTION = `
CREATE FUNCTION fixed_hours(hours double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT round(hours * ${QUANTUM}) / ${QUANTUM} $$`;

/**
 * The rows of a daily_metrics-shaped relation with the view's rule applied: a row's page fields are
 * 0 when page events (or page days of pages) of its source exist for its team and day, its deploy
 * fields 0 when production deploy events of its source do. Each flag is a LATERAL probe with LIMIT 1:
 * an index lookup (page_events (team_id, local_date, source), page_event_days (team_id, date),
 * deploy_events (team_id, local_date, source)). `extra` selects more columns of the relation.
 */
function maskedDailyMetrics(relation: string, extra = ''): string {
  return `SELECT ${extra}m.team_id, m.date, m.source, m.service, m.alerts,
       CASE WHEN fp.hit OR fd.hit THEN 0 ELSE m.pages END                AS pages,
       CASE WHEN fp.hit OR fd.hit THEN 0 ELSE m.page_hours END           AS page_hours,
       CASE WHEN fp.hit OR fd.hit THEN 0 ELSE m.off_hours_page_hours END AS off_hours_page_hours,
       CASE WHEN fp.hit OR fd.hit THEN 0 ELSE m.sleep_page_hours END     AS sleep_page_hours,
       CASE WHEN fp.hit OR fd.hit THEN 0 ELSE m.sleep_interruptions END  AS sleep_interruptions,
       CASE WHEN fe.hit THEN 0 ELSE m.deploys END                        AS deploys,
       CASE WHEN fe.hit THEN 0 ELSE m.failed_deploys END                 AS failed_deploys,
       m.toil_hours
  FROM ${relation} m
  LEFT JOIN LATERAL (SELECT true AS hit FROM page_events p
                      WHERE p.team_id = m.team_id AND p.local_date = m.date AND p.source = m.source LIMIT 1) fp ON true
  LEFT JOIN LATERAL (SELECT true AS hit FROM page_event_days d JOIN page_events p ON p.id = d.page_id
                      WHERE d.team_id = m.team_id AND d.date = m.date AND p.source = m.source LIMIT 1) fd ON true
  LEFT JOIN LATERAL (SELECT true AS hit FROM deploy_events e
                      WHERE e.team_id = m.team_id AND e.local_date = m.date AND e.source = m.source
                        AND lower(e.environment) = 'production' LIMIT 1) fe ON true`;
}

// The same rows as 20261123140000_performance's view, its daily branch now maskedDailyMetrics.
const VIEW = `
CREATE OR REPLACE VIEW team_daily_signals AS
${maskedDailyMetrics('daily_metrics')}
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

const HOURS = ['page_hours', 'off_hours_page_hours', 'sleep_page_hours', 'toil_hours'];
const FIELDS = ['alerts', 'pages', 'page_hours', 'off_hours_page_hours', 'sleep_page_hours', 'sleep_interruptions', 'deploys', 'failed_deploys', 'toil_hours'];
/** A field of a view (or masked) row as it enters team_day_signals: hours on the fixed grid. */
const entering = (f: string, row: string) => (HOURS.includes(f) ? `fixed_hours(${row}.${f})` : `${row}.${f}`);

// Scoped to each function's calls (see 20261123140000_performance): no JIT for index probes, and
// each call planned for the tables as they are, not as they were when a plan was cached.
const SETTINGS = 'SET jit = off SET plan_cache_mode = force_custom_plan';

/**
 * The distinct keys of teams that still exist (a team deleted in this statement cascades its rows
 * and gets no new one; the teams are locked against deletion as a foreign key check would), each
 * given a row and locked, in key order: concurrent writers of a team day queue instead of
 * deadlocking. Returns the keys, in that order.
 */
const LOCK_FUNCTION = `
CREATE FUNCTION lock_team_day_signals(team_ids integer[], dates date[], OUT key_teams integer[], OUT key_dates date[])
LANGUAGE plpgsql ${SETTINGS} AS $$
DECLARE
  live integer[];
BEGIN
  IF team_ids IS NULL THEN
    RETURN;
  END IF;
  SELECT array_agg(t.id) INTO live
    FROM (SELECT id FROM teams WHERE id = ANY (team_ids) ORDER BY id FOR KEY SHARE) t;
  SELECT array_agg(k.team_id ORDER BY k.team_id, k.date), array_agg(k.date ORDER BY k.team_id, k.date)
    INTO key_teams, key_dates
    FROM (SELECT DISTINCT u.team_id, u.date FROM unnest(team_ids, dates) AS u(team_id, date)
           WHERE u.team_id = ANY (live) AND u.date IS NOT NULL) k;
  IF key_teams IS NULL THEN
    RETURN;
  END IF;
  -- Missing rows only: an insertion that finds its key costs more than looking it up first.
  INSERT INTO team_day_signals (team_id, date)
  SELECT k.team_id, k.date FROM unnest(key_teams, key_dates) WITH ORDINALITY AS k(team_id, date, i)
   WHERE NOT EXISTS (SELECT 1 FROM team_day_signals s WHERE s.team_id = k.team_id AND s.date = k.date)
   ORDER BY k.i
  ON CONFLICT DO NOTHING;
  -- Locked in the subquery, which keeps it a probe of the key (a join could scan the whole table).
  PERFORM 1
     FROM unnest(key_teams, key_dates) WITH ORDINALITY AS k(team_id, date, i)
     CROSS JOIN LATERAL (SELECT 1 FROM team_day_signals s WHERE s.team_id = k.team_id AND s.date = k.date FOR NO KEY UPDATE) s
    ORDER BY k.i;
END
$$`;

/**
 * Recomputes the given team days from the view (the event tables' triggers, TRUNCATE and first
 * fills): locked first, then summed in a later statement, which sees what the previous holder of
 * a lock committed.
 */
const REFRESH_FUNCTION = `
CREATE OR REPLACE FUNCTION refresh_team_day_signals(team_ids integer[], dates date[]) RETURNS void
LANGUAGE plpgsql ${SETTINGS} AS $$
DECLARE
  key_teams integer[];
  key_dates date[];
BEGIN
  SELECT l.key_teams, l.key_dates INTO key_teams, key_dates FROM lock_team_day_signals(team_ids, dates) l;
  IF key_teams IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO team_day_signals (team_id, date, ${FIELDS.join(', ')})
  SELECT k.team_id, k.date, t.*
    FROM unnest(key_teams, key_dates) AS k(team_id, date)
    CROSS JOIN LATERAL (SELECT ${FIELDS.map((f) => `COALESCE(SUM(${entering(f, 'v')}), 0)`).join(', ')}
                          FROM team_daily_signals v WHERE v.team_id = k.team_id AND v.date = k.date) t
  ON CONFLICT (team_id, date) DO UPDATE SET ${FIELDS.map((f) => `${f} = excluded.${f}`).join(', ')};
END
$$`;

/**
 * Σ sign × masked row per team day of `signed` (daily_metrics rows with a sign, ±1), of the keys
 * `where` keeps (a condition on x, the rows summed per key). Summed per key first: the mask depends
 * only on the key's team, day and source, so an UPDATE's old and new row are probed once, and the
 * sums of fixed hours stay exact whether masked before or after summing.
 */
function deltas(signed: string, where: string): string {
  const perKey = FIELDS.map((f) => `SUM(x.sign * ${entering(f, 'x')}) AS ${f}`).join(', ');
  const keyed = `(SELECT * FROM (SELECT x.team_id, x.date, x.source, x.service, ${perKey}
                     FROM (${signed}) x GROUP BY x.team_id, x.date, x.source, x.service) x
                  WHERE ${where})`;
  return `SELECT r.team_id, r.date, ${FIELDS.map((f) => `SUM(r.${f})::float8 AS ${f}`).join(', ')}
              FROM (${maskedDailyMetrics(keyed)}) r
             GROUP BY r.team_id, r.date`;
}

/**
 * A statement's deltas, in three steps:
 * 1. Team days without a row get one holding their delta, inserted with flags read in the same
 *    statement. That is safe: an event writer's recomputation creates the row before it commits, so
 *    a team day still without a row (committed or being inserted: the insert would wait for it and
 *    then conflict) has no event committed after this statement's snapshot. This is the common case
 *    of ingestion (new days), one write per team day.
 * 2. The others are locked, in key order.
 * 3. Their deltas, read in a new snapshot (after any event writer that held a lock committed), are added.
 * Step 1 takes its rows' locks before step 2's, out of key order; writers of a team also queue on its
 * data_versions row (20261204090000), and a deadlock between transactions is retried by ingestion.
 */
function applyDeltas(signed: string, keys: string): string {
  return `WITH added AS (
      INSERT INTO team_day_signals (team_id, date, ${FIELDS.join(', ')})
      SELECT d.* FROM (${deltas(signed, `NOT EXISTS (SELECT 1 FROM team_day_signals s WHERE s.team_id = x.team_id AND s.date = x.date)
                                         AND EXISTS (SELECT 1 FROM teams t WHERE t.id = x.team_id)`)}) d
       ORDER BY d.team_id, d.date
      ON CONFLICT DO NOTHING
      RETURNING team_id, date)
    SELECT array_agg(team_id), array_agg(date) INTO added_teams, added_dates FROM added;
    SELECT l.key_teams, l.key_dates INTO key_teams, key_dates
      FROM (SELECT array_agg(r.team_id) AS teams, array_agg(r.date) AS dates
              FROM (${keys} EXCEPT SELECT * FROM unnest(added_teams, added_dates)) r) r,
           lock_team_day_signals(r.teams, r.dates) l;
    IF key_teams IS NOT NULL THEN
      UPDATE team_day_signals s SET ${FIELDS.map((f) => `${f} = s.${f} + d.${f}`).join(', ')}
        FROM (${deltas(signed, '(x.team_id, x.date) IN (SELECT * FROM unnest(key_teams, key_dates))')}) d
       WHERE s.team_id = d.team_id AND s.date = d.date;
    END IF`;
}

// Replaces the function daily_metrics' three statement triggers call (new_rows / old_rows are their transition tables).
const DAILY_METRICS_TRIGGER_FUNCTION = `
CREATE OR REPLACE FUNCTION team_day_signals_daily_metrics() RETURNS trigger
LANGUAGE plpgsql ${SETTINGS} AS $$
DECLARE
  added_teams integer[];
  added_dates date[];
  key_teams integer[];
  key_dates date[];
BEGIN
  -- INSERT … ON CONFLICT DO UPDATE fires both statement triggers, each with its own rows, often none.
  IF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM new_rows) THEN
      ${applyDeltas('SELECT 1 AS sign, * FROM new_rows', 'SELECT team_id, date FROM new_rows')};
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM new_rows) THEN
      ${applyDeltas('SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows', 'SELECT team_id, date FROM new_rows UNION SELECT team_id, date FROM old_rows')};
    END IF;
  ELSIF EXISTS (SELECT 1 FROM old_rows) THEN
    ${applyDeltas('SELECT -1 AS sign, * FROM old_rows', 'SELECT team_id, date FROM old_rows')};
  END IF;
  RETURN NULL;
END
$$`;

/**
 * A deleted team's rows, as the foreign key's ON DELETE CASCADE did. The foreign key checked every
 * inserted row on its own (a query per row, a third of a batch's rollup time); the functions above
 * check a statement's teams at once instead (lock_team_day_signals locks them as the check did).
 */
const TEAMS_DELETE_FUNCTION = `
CREATE FUNCTION delete_team_day_signals_of_teams() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM team_day_signals WHERE team_id IN (SELECT id FROM old_rows);
  RETURN NULL;
END
$$`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(FIXED_HOURS_FUNCTION);
  await knex.raw(VIEW);
  await knex.raw(LOCK_FUNCTION);
  await knex.raw(REFRESH_FUNCTION);
  await knex.raw(DAILY_METRICS_TRIGGER_FUNCTION);
  await knex.raw('ALTER TABLE team_day_signals DROP CONSTRAINT team_day_signals_team_id_fkey');
  await knex.raw(TEAMS_DELETE_FUNCTION);
  await knex.raw(`CREATE TRIGGER team_day_signals_teams_delete AFTER DELETE ON teams REFERENCING OLD TABLE AS old_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION delete_team_day_signals_of_teams()`);
  // Every row onto the fixed grid, so that deltas add to exact sums.
  await knex.raw('SELECT rebuild_team_day_signals_now()');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER team_day_signals_teams_delete ON teams');
  await knex.raw('DROP FUNCTION delete_team_day_signals_of_teams()');
  await knex.raw('DELETE FROM team_day_signals s WHERE NOT EXISTS (SELECT 1 FROM teams t WHERE t.id = s.team_id)');
  await knex.raw('ALTER TABLE team_day_signals ADD CONSTRAINT team_day_signals_team_id_fkey FOREIGN KEY (team_id) REFERENCES teams(id) ON DELETE CASCADE');
  await knex.raw(triggerFunction('team_day_signals_daily_metrics', 'daily_metrics', 'team_id', 'date').replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
  await knex.raw(PREVIOUS_REFRESH.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
  await knex.raw('ALTER FUNCTION refresh_team_day_signals(integer[], date[]) SET jit = off');
  await knex.raw('ALTER FUNCTION refresh_team_day_signals(integer[], date[]) SET plan_cache_mode = force_custom_plan');
  await knex.raw('DROP FUNCTION lock_team_day_signals(integer[], date[])');
  await knex.raw(PREVIOUS_VIEW.replace('CREATE VIEW', 'CREATE OR REPLACE VIEW'));
  await knex.raw('DROP FUNCTION fixed_hours(double precision)');
  await knex.raw('SELECT rebuild_team_day_signals_now()');
}
