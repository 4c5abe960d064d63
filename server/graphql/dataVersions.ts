import type { Knex } from 'knex';
import type { Viewer } from '../core/viewer';
import type { Counters } from './versionFeed';
import type { FigureVersions } from '../figures/kpiMemo';

/**
 * The version of everything an answer for `viewer` can show (migrations/20261204090000_data_versions):
 * the sum of the org-wide counter and the counters of the teams the viewer may see (every team for
 * a viewer not limited to teams), plus the counter of what only the Data page shows (webhook inbox, backfill
 * runs, tokens' last use) when the answer shows it. Counters only
 * grow, so a committed write to any of them changes the sum; a write for a team the viewer cannot
 * see leaves it as it was. Null when the database fails (the query itself then answers
 * SERVICE_UNAVAILABLE).
 *
 * Given the counters of a version feed (versionFeed.ts) that vouches for them, the sum is taken in
 * memory and no query is sent.
 *
 * Per viewer, not per field: an admin's answer about one team is invalidated by a write for any
 * team. Narrowing it to the teams a query names would need the query's arguments interpreted here.
 */
export async function dataVersionOf(db: Knex, viewer: Viewer, withSources: boolean, counters: Counters | null): Promise<string | null> {
  const scopes = withSources ? [0, -1] : [0];
  if (counters) return sumOf(counters, viewer, scopes);
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

/** The same sum as the statements above, over the counters the version feed keeps in memory. */
function sumOf(c: Counters, viewer: Viewer, scopes: number[]): string {
  let sum = 0n;
  for (const s of scopes) sum += c.versions.get(s) ?? 0n;
  if (viewer.teams === null) {
    for (const [scope, v] of c.versions) if (scope > 0) sum += v;
  } else {
    for (const slug of new Set(viewer.teams)) {
      const scope = c.scopeOfSlug.get(slug);
      if (scope !== undefined) sum += c.versions.get(scope) ?? 0n;
    }
  }
  return sum.toString();
}

/** The versions figures are kept under (figures/kpiMemo.ts): the org-wide counter, and it with a team's own. */
export function figureVersionsOf(c: Counters): FigureVersions {
  const org = c.versions.get(0) ?? 0n;
  return { org: String(org), ofTeam: (teamId) => `${org}.${c.versions.get(teamId) ?? 0n}` };
}
