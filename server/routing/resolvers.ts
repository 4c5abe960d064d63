import type { Resolvers } from '../schemaTypes/resolvers';
import type { Scope } from '../core/scope';
import { listMappings, unroutedSignals } from './queries';
import { setSourceMapping } from './service';

export const routingResolvers: Resolvers = {
  Query: {
    sourceMappings: async (_: unknown, __: unknown, ctx: Scope) =>
      (await listMappings(ctx.db, undefined, ctx.viewer.teams)).map((m) => ({ ...m, attributed: 0 })),
    // Unrouted signals belong to no team: only a viewer not limited to teams sees them.
    unrouted: (_: unknown, __: unknown, ctx: Scope) => (ctx.viewer.teams === null ? unroutedSignals(ctx.db) : []),
  },
  Mutation: {
    setSourceMapping: (_: unknown, args: { input: unknown }, ctx: Scope) => setSourceMapping(ctx.db, args.input, ctx.viewer),
  },
};
