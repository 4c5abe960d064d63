import type { Resolvers } from '../schemaTypes/resolvers';
import type { Scope } from '../core/scope';
import { canSeeTeam } from '../core/viewer';
import { createGroup, deleteGroup, moveGroup, renameGroup, setTeamGroup, visibleGroups } from './service';
import { groupById, type GroupRow } from './queries';
import { depthOf, pathOf, subtreeIds } from './tree';
import { orgGroups } from './orgGroups';

type TeamParent = { id: number; slug: string; group_id?: number | null };

/** Active teams of some groups, by slug, that the viewer may see (full team rows for the Team type). */
async function teamsOfGroups(ctx: Scope, ids: Iterable<number>) {
  const rows = await ctx.db('teams').select('*').whereIn('group_id', [...ids]).whereNull('archived_at').orderBy('slug');
  return rows.filter((t: { slug: string }) => canSeeTeam(ctx.viewer, t.slug));
}

export const groupsResolvers: Resolvers = {
  Query: {
    groups: async (_: unknown, __: unknown, ctx: Scope) => {
      const groups = await visibleGroups(ctx);
      return groups.map((g) => ({ g, path: pathOf(groups, g.id) })).sort((a, b) => a.path.localeCompare(b.path)).map((x) => x.g);
    },
  },
  Mutation: {
    createGroup: (_: unknown, args: { name: string; parent?: string | null }, ctx: Scope) => createGroup(ctx, args),
    renameGroup: (_: unknown, args: { id: string; name: string }, ctx: Scope) => renameGroup(ctx, args.id, args.name),
    moveGroup: (_: unknown, args: { id: string; parent?: string | null }, ctx: Scope) => moveGroup(ctx, args.id, args.parent),
    deleteGroup: (_: unknown, args: { id: string }, ctx: Scope) => deleteGroup(ctx, args.id),
    setTeamGroup: async (_: unknown, args: { team: string; group?: string | null }, ctx: Scope) => {
      await setTeamGroup(ctx, args.team, args.group);
      return ctx.db('teams').select('*').where({ slug: args.team }).first();
    },
  },
  Group: {
    id: (g: GroupRow) => String(g.id),
    parent: async (g: GroupRow, _: unknown, ctx: Scope) => (g.parentId === null ? null : (await orgGroups(ctx)).find((p) => p.id === g.parentId) ?? null),
    path: async (g: GroupRow, _: unknown, ctx: Scope) => pathOf(await orgGroups(ctx), g.id),
    depth: async (g: GroupRow, _: unknown, ctx: Scope) => depthOf(await orgGroups(ctx), g.id),
    children: async (g: GroupRow, _: unknown, ctx: Scope) => {
      const visible = new Set((await visibleGroups(ctx)).map((v) => v.id));
      return (await orgGroups(ctx)).filter((c) => c.parentId === g.id && visible.has(c.id));
    },
    teams: (g: GroupRow, _: unknown, ctx: Scope) => teamsOfGroups(ctx, [g.id]),
    allTeams: async (g: GroupRow, _: unknown, ctx: Scope) => teamsOfGroups(ctx, subtreeIds(await orgGroups(ctx), g.id)),
  },
  Team: {
    group: async (t: TeamParent, _: unknown, ctx: Scope) => {
      // Rows read with fewer columns (source mappings' teams) do not carry the group: looked up then.
      const id = t.group_id !== undefined ? t.group_id : (await ctx.db('teams').where({ id: t.id }).first('group_id'))?.group_id;
      if (id === null || id === undefined) return null;
      return (await orgGroups(ctx)).find((g) => g.id === id) ?? (await groupById(ctx.db, id)) ?? null;
    },
  },
};
