import type { Resolvers } from '../schemaTypes/resolvers';
import type { Context } from './context';
import type { DateRange } from '../core/dateRange';
import { orgTotal, overviewGroups, type GroupOverviewRow } from './groupOverview';

export const groupOverviewResolvers: Resolvers = {
  Query: {
    overviewGroups: (_: unknown, args: { range: DateRange }, ctx: Context) => overviewGroups(ctx, args.range),
    orgTotal: (_: unknown, args: { range: DateRange }, ctx: Context) => orgTotal(ctx, args.range),
  },
  GroupOverview: {
    status: (row: GroupOverviewRow) => row.totals.status,
  },
};
