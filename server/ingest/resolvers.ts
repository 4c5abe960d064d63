import type { Resolvers } from '../schemaTypes/resolvers';
import type { Scope } from '../core/scope';
import { recordDailyMetrics } from './dailyMetrics';
import { recordPages } from './pages';
import { recordDeploys } from './deploys';

export const ingestResolvers: Resolvers = {
  Mutation: {
    recordDailyMetrics: (_: unknown, args: { input: unknown[] }, ctx: Scope) => recordDailyMetrics(ctx.db, args.input, ctx.viewer),
    recordPages: (_: unknown, args: { input: unknown[] }, ctx: Scope) => recordPages(ctx.db, args.input, ctx.viewer),
    recordDeploys: (_: unknown, args: { input: unknown[] }, ctx: Scope) => recordDeploys(ctx.db, args.input, ctx.viewer),
  },
};
