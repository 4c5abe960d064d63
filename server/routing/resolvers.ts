import type { Context } from '../graphql/context';
import { listMappings, unroutedSignals } from './queries';
import { setSourceMapping } from './service';

export const routingResolvers = {
  Query: {
    sourceMappings: async (_: unknown, __: unknown, ctx: Context) => (await listMappings(ctx.db)).map((m) => ({ ...m, attributed: 0 })),
    unrouted: (_: unknown, __: unknown, ctx: Context) => unroutedSignals(ctx.db),
  },
  Mutation: {
    setSourceMapping: (_: unknown, args: { input: unknown }, ctx: Context) => setSourceMapping(ctx.db, args.input),
  },
};
