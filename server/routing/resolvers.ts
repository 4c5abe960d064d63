import type { Resolvers } from '../schemaTypes/resolvers';
import type { Scope } from '../core/scope';
import { setSourceMapping, visibleMappings, visibleUnrouted } from './service';

export const routingResolvers: Resolvers = {
  Query: {
    sourceMappings: (_: unknown, __: unknown, ctx: Scope) => visibleMappings(ctx),
    unrouted: (_: unknown, __: unknown, ctx: Scope) => visibleUnrouted(ctx),
  },
  Mutation: {
    setSourceMapping: (_: unknown, args: { input: unknown }, ctx: Scope) => setSourceMapping(ctx.db, args.input, ctx.viewer),
  },
};
