import type { Context } from '../graphql/context';
import { createToken, revokeToken, type TokenInput } from './service';
import { listTokens } from './queries';

export const authResolvers = {
  Query: {
    viewer: (_: unknown, __: unknown, ctx: Context) => (ctx.viewer.tokenId === null && ctx.viewer.scopes.length === 0 ? null : ctx.viewer),
    tokens: (_: unknown, __: unknown, ctx: Context) => listTokens(ctx.db),
  },
  Mutation: {
    createToken: (_: unknown, args: { input: TokenInput }, ctx: Context) => createToken(ctx.db, args.input),
    revokeToken: (_: unknown, args: { id: string }, ctx: Context) => revokeToken(ctx.db, args.id),
  },
};
