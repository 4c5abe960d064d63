import type { Knex } from 'knex';

/**
 * The team of each stored event (null: unrouted) with one of these keys, keyed `source|external_id`
 * as the kinds key their rows. The rows are locked FOR UPDATE in the order given (the caller's key
 * order, the order its writes lock in), so the team checked is the team the write replaces and
 * concurrent batches queue instead of deadlocking.
 */
export async function storedEventTeams(
  trx: Knex.Transaction,
  table: 'page_events' | 'deploy_events',
  rows: readonly { source: string; external_id: string }[],
): Promise<Map<string, number | null>> {
  if (rows.length === 0) return new Map();
  const { rows: found } = await trx.raw(
    `SELECT e.source, e.external_id, e.team_id
       FROM ${table} e
       JOIN unnest(?::text[], ?::text[]) WITH ORDINALITY AS k(source, external_id, i) ON e.source = k.source AND e.external_id = k.external_id
      ORDER BY k.i
        FOR UPDATE OF e`,
    [rows.map((r) => r.source), rows.map((r) => r.external_id)],
  );
  return new Map((found as { source: string; external_id: string; team_id: number | null }[]).map((r) => [`${r.source}|${r.external_id}`, r.team_id]));
}
