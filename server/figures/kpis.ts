import DataLoader from 'dataloader';
import type { Context } from './context';
import type { TeamRow } from '../teams/queries';
import type { TeamKpisParent } from './kpiParent';
import { authorize } from '../core/permissions';
import { checkedRange, daysInRange, previousRange, type DateRange } from '../core/dateRange';
import { visibleTeams } from '../teams/visible';
import { computeCapacity } from '../kpi/capacity';
import { teamKpiFigures, type TeamKpiFigures } from '../kpi/teamKpis';
import { signalSumsByTeamForRanges } from '../signals/queries';
import { busiestSleepersForRanges } from '../signals/responderQueries';
import { effectiveLoadModels } from '../signals/loadModelQueries';
import { effectivePolicies } from '../planning/guardrailQueries';
import { reservedSharesForRanges } from '../planning/sprintQueries';

/**
 * Every KPI of a team over a range, with its previous period's. The calls of one tick for the same
 * range (a list of teams, each asking for its kpis) are computed together, by kpisOfTeams.
 */
export function kpisFor(team: TeamRow, range: DateRange, ctx: Context): Promise<TeamKpisParent> {
  let byRange = kpiLoaders.get(ctx);
  if (!byRange) kpiLoaders.set(ctx, (byRange = new Map()));
  const key = `${range.from}|${range.to}`;
  let loader = byRange.get(key);
  if (!loader) {
    loader = new DataLoader<TeamRow, TeamKpisParent, number>((teams) => kpisOfTeams(teams, range, ctx), { cacheKeyFn: (t) => t.id });
    byRange.set(key, loader);
  }
  return loader.load(team);
}

const kpiLoaders = new WeakMap<Context, Map<string, DataLoader<TeamRow, TeamKpisParent, number>>>();

/**
 * Every KPI of each team over a range, in the order given, each with its previous period's for the
 * deltas. A query answered through the response cache keeps them per team and data version
 * (kpiMemo.ts): after a write for one team, only that team is computed.
 */
export async function kpisOfTeams(teams: readonly TeamRow[], range: DateRange, ctx: Context): Promise<TeamKpisParent[]> {
  const memo = ctx.kpiMemo;
  if (!memo) return computeKpisOfTeams(teams, range, ctx);
  const missing: TeamRow[] = [];
  let batch: Promise<TeamKpisParent[]> | undefined;
  const found = teams.map((team) =>
    memo.figures(team.id, range, () => {
      const i = missing.push(team) - 1;
      // Started once every team of this call has been looked up (the map above is synchronous).
      batch ??= Promise.resolve().then(() => computeKpisOfTeams(missing, range, ctx));
      return batch.then((computed) => computed[i]);
    }),
  );
  return Promise.all(found);
}

/**
 * The teams' figures over the range and its previous period: each input read once for every team
 * and both periods (five statements, run together), then the figures computed in one pass — not a
 * chain of loads and promises per team and period.
 */
async function computeKpisOfTeams(teams: readonly TeamRow[], range: DateRange, ctx: Context): Promise<TeamKpisParent[]> {
  const ids = teams.map((t) => t.id);
  const previous = previousRange(range);
  const periods = [range, previous];
  const [sums, reserved, busiest, policies, models] = await Promise.all([
    signalSumsByTeamForRanges(ctx.db, ids, periods),
    reservedSharesForRanges(ctx.db, ids, periods),
    busiestSleepersForRanges(ctx.db, ids, periods),
    effectivePolicies(ctx.db, ids),
    effectiveLoadModels(ctx.db, ids),
  ]);
  const figuresOf = (team: TeamRow, k: 0 | 1): TeamKpisParent => {
    const r = periods[k];
    const [teamSums, policy, model] = [sums[k].get(team.id), policies.get(team.id), models.get(team.id)];
    if (!teamSums || !policy || !model) throw new Error(`team ${team.id} vanished`);
    const days = daysInRange(r);
    const capacityHours = computeCapacity({ members: team.members ?? 0, startDate: r.from, endDate: r.to, focusHoursPerDay: team.focus_hours_per_day, daysOff: 0 });
    const figures: TeamKpiFigures = teamKpiFigures({
      sums: teamSums, days, capacityHours, reservedOpsShare: reserved[k].get(team.id) ?? null,
      busiestResponderSleepInterruptions: busiest[k].get(team.id) ?? null, model, policy,
    });
    // Object.assign onto the fresh figures rather than a spread into a new object: a spread copy of
    // an object this wide is built in dictionary mode, three times the memory (an overview makes 400).
    return Object.assign(figures, { team, teamId: team.id, from: r.from, to: r.to, days, previousPeriod: null });
  };
  return teams.map((team) => Object.assign(figuresOf(team, 0), { previousPeriod: figuresOf(team, 1) }));
}

/** One row per team the viewer may see: its KPIs over the range and its status. */
export async function overview(ctx: Context, range: DateRange) {
  authorize(ctx.viewer, 'Query.overview');
  const checked = checkedRange(range);
  const teams = await visibleTeams(ctx, { kept: ctx.kpiMemo?.teams });
  const kpis = await kpisOfTeams(teams, checked, ctx);
  return teams.map((team, i) => ({ team, kpis: kpis[i], status: kpis[i].status }));
}
