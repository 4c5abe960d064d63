import type { Resolvers } from '../schemaTypes/resolvers';
import type { Scope } from '../core/scope';
import { createToken, revokeToken, visibleTokens, type TokenInput } from './service';

export const authResolvers: Resolvers = {
  Query: {
    viewer: (_: unknown, __: unknown, ctx: Scope) => (ctx.viewer.tokenId === null && ctx.viewer.scopes.length === 0 ? null : ctx.viewer),
    tokens: (_: unknown, __: unknown, ctx: Scope) => visibleTokens(ctx.db, ctx.viewer),
  },
  Mutation: {
    createToken: (_: unknown, args: { input: TokenInput }, ctx: Scope) => createToken(ctx.db, args.input, ctx.viewer),
    revokeToken: (_: unknown, args: { id: string }, ctx: Scope) => revokeToken(ctx.db, args.id, ctx.viewer),
  },
};
