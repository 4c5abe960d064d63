import type { Resolvers } from '../schemaTypes/resolvers';
import type { Context } from './context';
import type { TeamRow } from '../teams/queries';
import { freshness } from './freshness';
import { responderFiguresOf, responderLoadOf } from './responders';
import { kpisFor, overview } from './kpis';
import { signalSeries, signalSumsByService, signalSumsForWindows, type SeriesBucket } from '../signals/queries';
import { hasSprints, sprintsOverlapping } from '../planning/sprintQueries';
import { signalKpis } from '../kpi/signals';
import { checkedRange } from '../core/dateRange';
import { daysInRange, type DateRange } from '../core/dateRange';
import { lengthInDays } from '../core/calendar';
import { sprintBuckets, syntheticSprintsOverlapping, windowLabel } from '../kpi/sprintWindows';
import { todayIn } from '../core/dateRange';
import { opsBreakdown, opsHours } from '../kpi/loadModel';
import { changeFailureRate, deploymentFrequency, DORA_REPORT_YEAR, leadTime, timeToResolve } from '../kpi/dora';

type KpiParent = Awaited<ReturnType<typeof kpisFor>>;

/**
 * One point per sprint overlapping the range, clipped to it, and one per stretch of days outside any
 * sprint, so the points add up to the range. A team that records no sprints gets the synthetic
 * 14-day windows of Team.sprints and the plan.
 */
async function sprintSeries(ctx: Context, team: TeamRow, range: DateRange) {
  const [stored, any] = await Promise.all([sprintsOverlapping(ctx.db, team.id, range.from, range.to), hasSprints(ctx.db, team.id)]);
  const sprints = any
    ? stored
    : syntheticSprintsOverlapping(todayIn(team.timezone), range.from, range.to).map((w) => ({ ...w, name: windowLabel(w) }));
  const buckets = sprintBuckets(range.from, range.to, sprints);
  const sums = await signalSumsForWindows(ctx.db, team.id, buckets);
  return buckets.map((b, i) => ({ ...sums[i], start: b.startDate, end: b.endDate, sprint: b.sprint, bucketDays: b.fullDays }));
}

export const kpiResolvers: Resolvers = {
  Query: {
    freshness: (_: unknown, __: unknown, ctx: Context) => freshness(ctx),
    overview: (_: unknown, args: { range: DateRange }, ctx: Context) => overview(ctx, args.range),
  },
  TeamKpis: {
    previous: (k: KpiParent) => k.previousPeriod ?? null,
    medianTimeToAcknowledgeSeconds: async (k: KpiParent, _: unknown, ctx: Context) =>
      (await ctx.medians(k).load(k.teamId)).acknowledge.seconds,
    medianTimeToResolveSeconds: async (k: KpiParent, _: unknown, ctx: Context) =>
      (await ctx.medians(k).load(k.teamId)).resolve.seconds,
  },
  Team: {
    services: async (team: TeamRow, args: { range: DateRange }, ctx: Context) => {
      const [rows, model] = await Promise.all([signalSumsByService(ctx.db, team.id, checkedRange(args.range)), ctx.loadModels.load(team.id)]);
      return rows
        .map((r) => {
          const k = signalKpis(r); // the published figures
          return { ...k, service: r.service, opsHours: opsHours(opsBreakdown(k, model)) };
        })
        .sort((a, b) => b.opsHours - a.opsHours || a.service.localeCompare(b.service));
    },
    dora: async (team: TeamRow, args: { range: DateRange }, ctx: Context) => {
      const range = checkedRange(args.range);
      const [sums, medians] = await Promise.all([ctx.signalSums(range).load(team.id), ctx.medians(range).load(team.id)]);
      return {
        deploymentFrequency: deploymentFrequency(sums.deploys, daysInRange(range)),
        changeFailureRate: changeFailureRate(sums.deploys, sums.failedDeploys),
        leadTime: leadTime(medians.leadTime.seconds),
        timeToResolve: timeToResolve(medians.resolve.seconds),
        reportYear: DORA_REPORT_YEAR,
      };
    },
    kpis: (team: TeamRow, args: { range: DateRange }, ctx: Context) => kpisFor(team, checkedRange(args.range), ctx),
    responderLoad: (team: TeamRow, args: { range: DateRange }, ctx: Context) => responderLoadOf(ctx, team, args.range),
    responderFigures: (team: TeamRow, args: { range: DateRange }, ctx: Context) => responderFiguresOf(ctx, team, args.range),
    series: async (team: TeamRow, args: { range: DateRange; bucket: SeriesBucket | 'SPRINT' }, ctx: Context) => {
      const range = checkedRange(args.range);
      const [points, model] = await Promise.all([
        args.bucket === 'SPRINT' ? sprintSeries(ctx, team, range) : signalSeries(ctx.db, team.id, range, args.bucket),
        ctx.loadModels.load(team.id),
      ]);
      return points.map((p: (typeof points)[number] & { sprint?: string | null; bucketDays?: number }) => {
        const k = signalKpis(p);
        const breakdown = opsBreakdown(k, model);
        const days = lengthInDays(p.start, p.end);
        // A week or sprint cut by the range holds fewer days than it should: said, so charts can show it.
        const bucketDays = p.bucketDays ?? (args.bucket === 'WEEK' ? 7 : 1);
        return { ...k, start: p.start, end: p.end, days, bucketDays, partial: days < bucketDays, sprint: p.sprint ?? null, opsBreakdown: breakdown, opsHours: opsHours(breakdown) };
      });
    },
  },
};
