import type { Context } from '../graphql/context';
import { canSeeTeam } from '../auth/viewer';
import { ForbiddenError } from '../graphql/errors';
import { listTeams, teamBySlug, type TeamRow } from './queries';

/** Every team the caller may see (a token limited to teams sees only those). */
export async function visibleTeams(ctx: Context): Promise<TeamRow[]> {
  return (await listTeams(ctx.db)).filter((t) => canSeeTeam(ctx.viewer, t.slug));
}

/** One team by slug, or null; FORBIDDEN when it exists but is outside the caller's teams. */
export async function visibleTeam(ctx: Context, slug: string): Promise<TeamRow | null> {
  const team = await teamBySlug(ctx.db, slug);
  if (team && !canSeeTeam(ctx.viewer, team.slug)) throw new ForbiddenError(`The token "${ctx.viewer.name}" cannot see team "${slug}".`);
  return team ?? null;
}
