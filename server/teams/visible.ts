import type { Knex } from 'knex';
import type { Scope } from '../core/scope';
import { canSeeTeam, type Viewer } from '../core/viewer';
import { authorize } from '../core/permissions';
import { listTeams, teamBySlug, type TeamRow } from './queries';

/**
 * Every team the caller may see (a token limited to teams sees only those); archived teams only
 * when asked for, so the overview, plans and exports leave them out. `kept` may answer the listing
 * of teams (not archived) from a copy of the same data version (figures/kpiMemo.ts).
 */
export async function visibleTeams(
  ctx: Scope,
  { includeArchived = false, kept }: { includeArchived?: boolean; kept?: (load: () => Promise<TeamRow[]>) => Promise<TeamRow[]> } = {},
): Promise<TeamRow[]> {
  authorize(ctx.viewer, 'Query.teams');
  const load = () => listTeams(ctx.db, { includeArchived });
  const teams = kept && !includeArchived ? await kept(load) : await load();
  return teams.filter((t) => canSeeTeam(ctx.viewer, t.slug));
}

/**
 * One team by slug, or null. A team outside the caller's teams is null too, the same answer as
 * a slug that does not exist: a limited token cannot tell which other teams exist.
 */
export async function visibleTeam(ctx: Scope, slug: string): Promise<TeamRow | null> {
  authorize(ctx.viewer, 'Query.team');
  if (!canSeeTeam(ctx.viewer, slug)) return null;
  return (await teamBySlug(ctx.db, slug)) ?? null;
}

/** Ids of the teams a viewer may see and act on; null for a viewer not limited to teams. */
export async function permittedTeamIds(db: Knex, viewer: Viewer): Promise<Set<number> | null> {
  if (viewer.teams === null) return null;
  const rows: { id: number }[] = viewer.teams.length ? await db('teams').select('id').whereIn('slug', viewer.teams) : [];
  return new Set(rows.map((r) => r.id));
}
