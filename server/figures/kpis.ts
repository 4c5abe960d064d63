import type DataLoader from 'dataloader';
import type { Context } from './context';
import type { TeamRow } from '../teams/queries';
import type { TeamKpisParent } from './kpiParent';
import { authorize } from '../core/permissions';
import { checkedRange, daysInRange, previousRange, type DateRange } from '../core/dateRange';
import { visibleTeams } from '../teams/visible';
import { computeCapacity } from '../kpi/capacity';
import { teamKpiFigures, type TeamKpiFigures } from '../kpi/teamKpis';
import type { SignalSums } from '../kpi/signals';

/** Every KPI of a team over a range, with its previous period's (see kpisOfTeams). */
export async function kpisFor(team: TeamRow, range: DateRange, ctx: Context): Promise<TeamKpisParent> {
  return (await kpisOfTeams([team], range, ctx))[0];
}

/**
 * Every KPI of each team over a range, in the order given, each with its previous period's for the
 * deltas. The inputs of all the teams are read together (the loaders batch them into a statement
 * per kind, both periods at once) and the figures computed in one pass, rather than a chain of
 * promises per team and period. A query answered through the response cache keeps them per team
 * and data version (kpiMemo.ts): after a write for one team, only that team is computed.
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

async function computeKpisOfTeams(teams: readonly TeamRow[], range: DateRange, ctx: Context): Promise<TeamKpisParent[]> {
  const ids = teams.map((t) => t.id);
  const previous = previousRange(range);
  const [[policies, models], current] = await Promise.all([
    Promise.all([loadAll(ctx.policies, ids), loadAll(ctx.loadModels, ids)]),
    inputsOf(ctx, range, ids),
  ]);
  // The previous period's inputs were read with the range's (loaderKit withPreviousPeriod).
  const before = await inputsOf(ctx, previous, ids);
  const figuresOf = (i: number, r: DateRange, days: number, inputs: RangeInputs): TeamKpiFigures => {
    const team = teams[i];
    const capacityHours = computeCapacity({ members: team.members ?? 0, startDate: r.from, endDate: r.to, focusHoursPerDay: team.focus_hours_per_day, daysOff: 0 });
    return teamKpiFigures({
      sums: inputs.sums[i], days, capacityHours, reservedOpsShare: inputs.reserved[i],
      busiestResponderSleepInterruptions: inputs.busiest[i], model: models[i], policy: policies[i],
    });
  };
  const days = daysInRange(range);
  const previousDays = daysInRange(previous);
  // Object.assign onto the fresh figures rather than a spread into a new object: a spread copy of
  // an object this wide is built in dictionary mode, three times the memory (an overview makes 400).
  return teams.map((team, i) => {
    const past: TeamKpisParent = Object.assign(figuresOf(i, previous, previousDays, before), { team, teamId: team.id, from: previous.from, to: previous.to, days: previousDays, previousPeriod: null });
    return Object.assign(figuresOf(i, range, days, current), { team, teamId: team.id, from: range.from, to: range.to, days, previousPeriod: past });
  });
}

interface RangeInputs {
  sums: SignalSums[];
  reserved: (number | null)[];
  busiest: (number | null)[];
}

async function inputsOf(ctx: Context, range: DateRange, ids: number[]): Promise<RangeInputs> {
  const [sums, reserved, busiest] = await Promise.all([
    loadAll(ctx.signalSums(range), ids), loadAll(ctx.reservedShares(range), ids), loadAll(ctx.busiestSleepers(range), ids),
  ]);
  return { sums, reserved, busiest };
}

/** loadMany, throwing the first failure instead of returning it in the list. */
async function loadAll<V>(loader: DataLoader<number, V>, ids: number[]): Promise<V[]> {
  const values = await loader.loadMany(ids);
  for (const v of values) if (v instanceof Error) throw v;
  return values as V[];
}

/** One row per team the viewer may see: its KPIs over the range and its status. */
export async function overview(ctx: Context, range: DateRange) {
  authorize(ctx.viewer, 'Query.overview');
  const checked = checkedRange(range);
  const teams = await visibleTeams(ctx, { kept: ctx.kpiMemo?.teams });
  const kpis = await kpisOfTeams(teams, checked, ctx);
  return teams.map((team, i) => ({ team, kpis: kpis[i], status: kpis[i].status }));
}
