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

// 13 parameters a row; 2,000 rows stay well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 2_000;

/**
 * One multi-row INSERT … ON CONFLICT per chunk. The DO UPDATE only fires when a value differs,
 * so RETURNING tells inserted (xmax = 0) from updated rows, and rows not returned were unchanged.
 */
export async function upsertDailyMetrics(trx: Knex.Transaction, rows: DailyMetricsRow[]): Promise<{ inserted: number; updated: number }> {
  const changed = VALUE_COLUMNS.map((c) => `daily_metrics.${c} IS DISTINCT FROM excluded.${c}`).join(' OR ');
  const assign = Object.fromEntries([
    ...VALUE_COLUMNS.map((c) => [c, trx.raw('??', [`excluded.${c}`])]),
    ['updated_at', trx.fn.now()],
  ]);
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const returned: { inserted: boolean }[] = await trx('daily_metrics')
      .insert(rows.slice(i, i + CHUNK))
      .onConflict(['team_id', 'date', 'source', 'service'])
      .merge(assign)
      .where(trx.raw(changed))
      .returning(trx.raw('(xmax = 0) AS inserted') as unknown as string);
    for (const r of returned) r.inserted ? inserted++ : updated++;
  }
  return { inserted, updated };
}
