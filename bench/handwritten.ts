/**
 * The "physical limit" of each read: the same aggregate as one hand-written SQL statement over
 * the stored tables, with the view's rule against double counting written set-based (events of a
 * source replace that source's daily figures for the fields they cover). Open pages' hours, which
 * the server splits at query time, are not in it: they are a handful of rows.
 *
 * $1 from, $2 to (dates), $3 team ids.
 */
const SIGNALS = `
  dm AS (
    SELECT team_id, date, source, alerts, pages, page_hours, off_hours_page_hours, sleep_page_hours,
           sleep_interruptions, deploys, failed_deploys, toil_hours
      FROM daily_metrics WHERE team_id = ANY($3::int[]) AND date BETWEEN $1::date AND $2::date
  ),
  pe AS (
    SELECT team_id, local_date AS date, source, count(*) AS pages, count(*) FILTER (WHERE sleep_interruption) AS si
      FROM page_events WHERE team_id = ANY($3::int[]) AND local_date BETWEEN $1::date AND $2::date
     GROUP BY 1, 2, 3
  ),
  pd AS (
    SELECT d.team_id, d.date, p.source, sum(d.business_hours + d.off_hours + d.sleep_hours) AS hours,
           sum(d.off_hours) AS off, sum(d.sleep_hours) AS sleep
      FROM page_event_days d JOIN page_events p ON p.id = d.page_id
     WHERE d.team_id = ANY($3::int[]) AND d.date BETWEEN $1::date AND $2::date
     GROUP BY 1, 2, 3
  ),
  de AS (
    SELECT team_id, local_date AS date, source, count(*) AS deploys,
           count(*) FILTER (WHERE status IN ('FAILED', 'ROLLED_BACK')) AS failed
      FROM deploy_events
     WHERE team_id = ANY($3::int[]) AND local_date BETWEEN $1::date AND $2::date AND lower(environment) = 'production'
     GROUP BY 1, 2, 3
  ),
  sig AS (
    SELECT dm.team_id, dm.date, dm.alerts,
           CASE WHEN pe.team_id IS NULL AND pd.team_id IS NULL THEN dm.pages ELSE 0 END AS pages,
           CASE WHEN pe.team_id IS NULL AND pd.team_id IS NULL THEN dm.page_hours ELSE 0 END AS page_hours,
           CASE WHEN pe.team_id IS NULL AND pd.team_id IS NULL THEN dm.off_hours_page_hours ELSE 0 END AS off_hours_page_hours,
           CASE WHEN pe.team_id IS NULL AND pd.team_id IS NULL THEN dm.sleep_page_hours ELSE 0 END AS sleep_page_hours,
           CASE WHEN pe.team_id IS NULL AND pd.team_id IS NULL THEN dm.sleep_interruptions ELSE 0 END AS sleep_interruptions,
           CASE WHEN de.team_id IS NULL THEN dm.deploys ELSE 0 END AS deploys,
           CASE WHEN de.team_id IS NULL THEN dm.failed_deploys ELSE 0 END AS failed_deploys,
           dm.toil_hours
      FROM dm
      LEFT JOIN pe ON pe.team_id = dm.team_id AND pe.date = dm.date AND pe.source = dm.source
      LEFT JOIN pd ON pd.team_id = dm.team_id AND pd.date = dm.date AND pd.source = dm.source
      LEFT JOIN de ON de.team_id = dm.team_id AND de.date = dm.date AND de.source = dm.source
    UNION ALL SELECT team_id, date, 0, pages, 0, 0, 0, si, 0, 0, 0 FROM pe
    UNION ALL SELECT team_id, date, 0, 0, hours, off, sleep, 0, 0, 0, 0 FROM pd
    UNION ALL SELECT team_id, date, 0, 0, 0, 0, 0, 0, deploys, failed, 0 FROM de
  )`;

const COLUMNS: [string, string][] = [
  ['alerts', 'alerts'], ['pages', 'pages'], ['page_hours', 'pageHours'], ['off_hours_page_hours', 'offHoursPageHours'],
  ['sleep_page_hours', 'sleepPageHours'], ['sleep_interruptions', 'sleepInterruptions'], ['deploys', 'deploys'],
  ['failed_deploys', 'failedDeploys'], ['toil_hours', 'toilHours'],
];

/** The summed signal columns, optionally over the rows matching `filter`, named with `prefix`. */
function sums(filter = '', prefix = ''): string {
  const where = filter ? ` FILTER (WHERE ${filter})` : '';
  return COLUMNS.map(([c, name]) => `COALESCE(SUM(s.${c})${where}, 0)::float8 AS "${prefix}${prefix ? name[0].toUpperCase() + name.slice(1) : name}"`).join(',\n  ');
}

const SUMS = sums();

/**
 * What the overview table shows, one row per team: the sums of the range ($4 … $2) and of the
 * previous period of the same length ($1 … $4 − 1 day), for its deltas. $3: the team ids.
 */
export const OVERVIEW_SQL = `
WITH ${SIGNALS}
SELECT t.slug, ${sums('s.date >= $4::date')},
  ${sums('s.date < $4::date', 'prev')}
  FROM teams t LEFT JOIN sig s ON s.team_id = t.id
 WHERE t.id = ANY($3::int[])
 GROUP BY t.slug
 ORDER BY t.slug`;
/** One team's sums per ISO week (clipped to the range), gaps filled: team.series(bucket: WEEK). */
export const SERIES_WEEK_SQL = `
WITH ${SIGNALS},
  buckets AS (
    SELECT GREATEST(b::date, $1::date) AS start, LEAST((b + interval '6 days')::date, $2::date) AS "end"
      FROM generate_series(date_trunc('week', $1::date), $2::date, interval '1 week') AS b
  ),
  weekly AS (SELECT date_trunc('week', s.date)::date AS week, ${SUMS} FROM sig s GROUP BY 1)
SELECT b.start::text, b."end"::text, w.*
  FROM buckets b LEFT JOIN weekly w ON w.week = date_trunc('week', b.start)::date
 ORDER BY b.start`;

/**
 * What a plan reads: the team's last $4 sprints with their sums, one statement ($1/$2 span the
 * team's whole history, so the CTEs see every sprint window; $3 is the one team).
 */
export const PLAN_SQL = `
WITH ${SIGNALS},
  last AS (
    SELECT name, start_date, end_date, capacity_hours, days_off, reserved_ops_share, guardrail_policy_id
      FROM sprints WHERE team_id = ANY($3::int[]) ORDER BY end_date DESC LIMIT $4
  )
SELECT l.name, l.start_date, l.end_date, l.reserved_ops_share, g.version, ${SUMS}
  FROM last l
  LEFT JOIN guardrail_policies g ON g.id = l.guardrail_policy_id
  LEFT JOIN sig s ON s.date BETWEEN l.start_date AND l.end_date
 GROUP BY l.name, l.start_date, l.end_date, l.reserved_ops_share, g.version
 ORDER BY l.end_date DESC`;

/**
 * The same three reads over team_day_signals (migrations/20261123140000_performance.ts), the
 * per-team-day sums the server reads since that migration: the limit on the schema as it is.
 */
const ROLLUP_SUMS = (filter = '', prefix = '') =>
  COLUMNS.map(([c, name]) => `COALESCE(SUM(r.${c})${filter ? ` FILTER (WHERE ${filter})` : ''}, 0)::float8 AS "${prefix}${prefix ? name[0].toUpperCase() + name.slice(1) : name}"`).join(',\n  ');

// Each day row summed once, into its team and period (grouping by the period beats a FILTER per
// column and period, which tests every row against the period for every column), then the two
// periods of each team side by side.
const PERIOD_SUMS = COLUMNS.map(([c]) => `SUM(r.${c}) AS ${c}`).join(', ');
const BY_PERIOD = (k: number, prefix = '') =>
  COLUMNS.map(([c, name]) => `COALESCE(SUM(g.${c}) FILTER (WHERE g.k = ${k}), 0)::float8 AS "${prefix}${prefix ? name[0].toUpperCase() + name.slice(1) : name}"`).join(',\n  ');

export const OVERVIEW_ROLLUP_SQL = `
SELECT t.slug, ${BY_PERIOD(0)},
  ${BY_PERIOD(1, 'prev')}
  FROM teams t
  LEFT JOIN (
    SELECT r.team_id, CASE WHEN r.date >= $4::date THEN 0 ELSE 1 END AS k, ${PERIOD_SUMS}
      FROM team_day_signals r
     WHERE r.team_id = ANY($3::int[]) AND r.date BETWEEN $1::date AND $2::date
     GROUP BY 1, 2
  ) g ON g.team_id = t.id
 WHERE t.id = ANY($3::int[])
 GROUP BY t.slug
 ORDER BY t.slug`;

export const SERIES_WEEK_ROLLUP_SQL = `
WITH buckets AS (
  SELECT GREATEST(b::date, $1::date) AS start, LEAST((b + interval '6 days')::date, $2::date) AS "end"
    FROM generate_series(date_trunc('week', $1::date), $2::date, interval '1 week') AS b
)
SELECT b.start::text, b."end"::text, ${ROLLUP_SUMS()}
  FROM buckets b LEFT JOIN team_day_signals r ON r.team_id = ANY($3::int[]) AND r.date BETWEEN b.start AND b."end"
 GROUP BY b.start, b."end"
 ORDER BY b.start`;

export const PLAN_ROLLUP_SQL = `
WITH last AS (
  SELECT name, start_date, end_date, capacity_hours, days_off, reserved_ops_share, guardrail_policy_id
    FROM sprints WHERE team_id = ANY($3::int[]) ORDER BY end_date DESC LIMIT $4
)
SELECT l.name, l.start_date, l.end_date, l.reserved_ops_share, g.version, ${ROLLUP_SUMS()}
  FROM last l
  LEFT JOIN guardrail_policies g ON g.id = l.guardrail_policy_id
  LEFT JOIN team_day_signals r ON r.team_id = ANY($3::int[]) AND r.date BETWEEN l.start_date AND l.end_date AND r.date BETWEEN $1::date AND $2::date
 GROUP BY l.name, l.start_date, l.end_date, l.reserved_ops_share, g.version
 ORDER BY l.end_date DESC`;
