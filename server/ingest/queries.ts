import type { Knex } from 'knex';

export interface DailyMetricsRow {
  team_id: number;
  date: string;
  source: string;
  service: string;
  alerts: number;
  pages: number;
  page_hours: number;
  off_hours_page_hours: number;
  sleep_page_hours: number;
  sleep_interruptions: number;
  deploys: number;
  failed_deploys: number;
  toil_hours: number;
}

const VALUE_COLUMNS = [
  'alerts', 'pages', 'page_hours', 'off_hours_page_hours', 'sleep_page_hours',
  'sleep_interruptions', 'deploys', 'failed_deploys', 'toil_hours',
] as const;

// Rows a statement: the whole batch travels as one JSON parameter, so there is no bind-parameter
// limit to respect and one batch is one statement (and one run of the team_day_signals trigger).
const CHUNK = 10_000;

const COLUMN_TYPES = `team_id integer, date date, source text, service text, alerts integer, pages integer,
  page_hours double precision, off_hours_page_hours double precision, sleep_page_hours double precision,
  sleep_interruptions integer, deploys integer, failed_deploys integer, toil_hours double precision`;

/**
 * One INSERT … ON CONFLICT per chunk, rows read from a JSON array in the order given (key order,
 * see writeInKeyOrder). The DO UPDATE only fires when a value differs, so the rows it returns tell
 * inserted (xmax = 0) from updated ones, and rows not returned were unchanged; they are counted
 * in the statement, so a chunk of 5,000 rows answers one row, not 5,000.
 */
export async function upsertDailyMetrics(trx: Knex.Transaction, rows: DailyMetricsRow[]): Promise<{ inserted: number; updated: number }> {
  const changed = VALUE_COLUMNS.map((c) => `daily_metrics.${c} IS DISTINCT FROM excluded.${c}`).join(' OR ');
  const assign = VALUE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ');
  const columns = ['team_id', 'date', 'source', 'service', ...VALUE_COLUMNS].join(', ');
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const { rows: [counts] } = await trx.raw(
      `WITH written AS (
         INSERT INTO daily_metrics (${columns})
         SELECT ${columns} FROM jsonb_to_recordset(?::jsonb) AS r(${COLUMN_TYPES})
         ON CONFLICT (team_id, date, source, service) DO UPDATE SET ${assign}, updated_at = now()
         WHERE ${changed}
         RETURNING (xmax = 0) AS inserted)
       SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
    inserted += (counts as { inserted: number }).inserted;
    updated += (counts as { updated: number }).updated;
  }
  return { inserted, updated };
}
