import type { Resolvers } from '../schemaTypes/resolvers';
import type { Scope } from '../core/scope';
import { createToken, revokeToken, visibleTokens, type TokenInput } from './service';
import { orgGroups } from '../groups/orgGroups';
import { teamSlugsOfGroup } from '../groups/service';

/** The group a token (or viewer) is limited to, as a Group; null when none. */
async function groupOf(groupId: number | null | undefined, ctx: Scope) {
  return groupId == null ? null : ((await orgGroups(ctx)).find((g) => g.id === groupId) ?? null);
}

/** A group token's teams are the group's now; other tokens' as stored. */
async function teamsOf(t: { teams: string[] | null; groupId?: number | null }, ctx: Scope) {
  return t.groupId == null ? t.teams : teamSlugsOfGroup(ctx.db, t.groupId);
}

export const authResolvers: Resolvers = {
  Query: {
    viewer: (_: unknown, __: unknown, ctx: Scope) => (ctx.viewer.tokenId === null && ctx.viewer.scopes.length === 0 ? null : ctx.viewer),
    tokens: (_: unknown, __: unknown, ctx: Scope) => visibleTokens(ctx.db, ctx.viewer),
  },
  Mutation: {
    createToken: (_: unknown, args: { input: TokenInput }, ctx: Scope) => createToken(ctx.db, args.input, ctx.viewer),
    revokeToken: (_: unknown, args: { id: string }, ctx: Scope) => revokeToken(ctx.db, args.id, ctx.viewer),
  },
  Viewer: { group: (v: { groupId?: number | null }, _: unknown, ctx: Scope) => groupOf(v.groupId, ctx) },
  TokenInfo: {
    group: (t: { groupId?: number | null }, _: unknown, ctx: Scope) => groupOf(t.groupId, ctx),
    teams: (t: { teams: string[] | null; groupId?: number | null }, _: unknown, ctx: Scope) => teamsOf(t, ctx),
  },
  CreatedToken: {
    group: (t: { groupId?: number | null }, _: unknown, ctx: Scope) => groupOf(t.groupId, ctx),
    teams: (t: { teams: string[] | null; groupId?: number | null }, _: unknown, ctx: Scope) => teamsOf(t, ctx),
  },
};
