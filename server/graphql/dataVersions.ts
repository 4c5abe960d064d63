import type { Knex } from 'knex';
import type { Viewer } from '../core/viewer';

/**
 * The version of everything an answer for `viewer` can show (migrations/20261204090000_data_versions):
 * the sum of the org-wide counter and the counters of the teams the viewer may see (every team for
 * a viewer not limited to teams), plus the counter of what only the Data page shows (webhook inbox, backfill
 * runs, tokens' last use) when the answer shows it. Counters only
 * grow, so a committed write to any of them changes the sum; a write for a team the viewer cannot
 * see leaves it as it was. Null when the database fails (the query itself then answers
 * SERVICE_UNAVAILABLE).
 *
 * Per viewer, not per field: an admin's answer about one team is invalidated by a write for any
 * team. Narrowing it to the teams a query names would need the query's arguments interpreted here.
 */
export async function dataVersionOf(db: Knex, viewer: Viewer, withSources: boolean): Promise<string | null> {
  const scopes = withSources ? [0, -1] : [0];
  try {
    const { rows } =
      viewer.teams === null
        ? await db.raw('SELECT sum(version)::text AS v FROM data_versions WHERE scope > 0 OR scope = ANY (?)', [scopes])
        : await db.raw('SELECT sum(version)::text AS v FROM data_versions WHERE scope = ANY (?) OR scope IN (SELECT id FROM teams WHERE slug = ANY (?))', [scopes, viewer.teams]);
    return rows[0].v ?? '0';
  } catch {
    return null;
  }
}
