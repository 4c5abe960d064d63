import type { Knex } from 'knex';

/**
 * The team of each stored event (null: unrouted) with one of these keys, keyed `source|external_id`
 * as the kinds key their rows. The rows are locked FOR UPDATE, in key order like the writes that
 * follow, so the team checked is the team the write replaces.
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
       JOIN unnest(?::text[], ?::text[]) AS k(source, external_id) ON e.source = k.source AND e.external_id = k.external_id
      ORDER BY e.source COLLATE "C", e.external_id COLLATE "C"
        FOR UPDATE OF e`,
    [rows.map((r) => r.source), rows.map((r) => r.external_id)],
  );
  return new Map((found as { source: string; external_id: string; team_id: number | null }[]).map((r) => [`${r.source}|${r.external_id}`, r.team_id]));
}
