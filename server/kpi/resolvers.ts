import type { Context } from '../graphql/context';
import type { TeamRow } from '../teams/queries';
import { listTeams } from '../teams/queries';
import { signalSeries, type SeriesBucket } from './queries';
import { signalKpis } from './signals';
import { checkedRange } from './service';
import { daysInRange, type DateRange } from './dateRange';

async function kpisFor(team: TeamRow, range: DateRange, ctx: Context) {
  const sums = await ctx.signalSums(range).load(team.id);
  return { from: range.from, to: range.to, days: daysInRange(range), ...signalKpis(sums) };
}

export const kpiResolvers = {
  Query: {
    overview: async (_: unknown, args: { range: DateRange }, ctx: Context) => {
      const range = checkedRange(args.range);
      const teams = await listTeams(ctx.db);
      return Promise.all(teams.map(async (team) => ({ team, kpis: await kpisFor(team, range, ctx) })));
    },
  },
  Team: {
    kpis: (team: TeamRow, args: { range: DateRange }, ctx: Context) => kpisFor(team, checkedRange(args.range), ctx),
    series: async (team: TeamRow, args: { range: DateRange; bucket: SeriesBucket | 'SPRINT' }, ctx: Context) => {
      const range = checkedRange(args.range);
      const bucket = args.bucket === 'SPRINT' ? 'WEEK' : args.bucket; // SPRINT buckets arrive with planning
      const points = await signalSeries(ctx.db, team.id, range, bucket);
      return points.map((p) => ({ ...p, ...signalKpis(p) }));
    },
  },
};
