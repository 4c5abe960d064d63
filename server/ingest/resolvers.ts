import type { Context } from '../graphql/context';
import { recordDailyMetrics } from './dailyMetrics';

export const ingestResolvers = {
  Mutation: {
    recordDailyMetrics: (_: unknown, args: { input: unknown[] }, ctx: Context) => recordDailyMetrics(ctx.db, args.input),
  },
};
