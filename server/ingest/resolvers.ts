import type { Context } from '../graphql/context';
import { recordDailyMetrics } from './dailyMetrics';
import { recordPages } from './pages';
import { recordDeploys } from './deploys';

export const ingestResolvers = {
  Mutation: {
    recordDailyMetrics: (_: unknown, args: { input: unknown[] }, ctx: Context) => recordDailyMetrics(ctx.db, args.input, ctx.viewer),
    recordPages: (_: unknown, args: { input: unknown[] }, ctx: Context) => recordPages(ctx.db, args.input, ctx.viewer),
    recordDeploys: (_: unknown, args: { input: unknown[] }, ctx: Context) => recordDeploys(ctx.db, args.input, ctx.viewer),
  },
};
