import type { Resolvers } from '../schemaTypes/resolvers';
import type { Scope } from '../core/scope';
import { latestBackfills } from './service';

export const backfillResolvers: Resolvers = {
  Query: {
    backfills: (_: unknown, __: unknown, ctx: Scope) => latestBackfills(ctx),
  },
};
