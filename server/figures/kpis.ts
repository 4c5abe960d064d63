import type { Context } from './context';
import type { TeamRow } from '../teams/queries';
import type { TeamKpisParent } from './kpiParent';
import { authorize } from '../core/permissions';
import { checkedRange, daysInRange, type DateRange } from '../core/dateRange';
import { visibleTeams } from '../teams/visible';
import { computeCapacity } from '../kpi/capacity';
import { teamKpiFigures } from '../kpi/teamKpis';

/**
 * Every KPI of a team over a range; the loaders batch a list of teams into a few queries. A query
 * answered through the response cache keeps them per team and data version (kpiMemo.ts), so a
 * write for one team recomputes that team's figures only.
 */
export function kpisFor(team: TeamRow, range: DateRange, ctx: Context): TeamKpisParent | Promise<TeamKpisParent> {
  return ctx.kpiMemo ? ctx.kpiMemo.figures(team.id, range, () => computeKpis(team, range, ctx)) : computeKpis(team, range, ctx);
}

async function computeKpis(team: TeamRow, range: DateRange, ctx: Context): Promise<TeamKpisParent> {
  const [sums, policy, model, reserved, busiest] = await Promise.all([
    ctx.signalSums(range).load(team.id),
    ctx.policies.load(team.id),
    ctx.loadModels.load(team.id),
    ctx.reservedShares(range).load(team.id),
    ctx.busiestSleepers(range).load(team.id),
  ]);
  const capacityHours = computeCapacity({ members: team.members ?? 0, startDate: range.from, endDate: range.to, focusHoursPerDay: team.focus_hours_per_day, daysOff: 0 });
  const figures = teamKpiFigures({ sums, days: daysInRange(range), capacityHours, reservedOpsShare: reserved, busiestResponderSleepInterruptions: busiest, model, policy });
  return { team, teamId: team.id, from: range.from, to: range.to, days: daysInRange(range), ...figures };
}

/** One row per team the viewer may see: its KPIs over the range and its status. */
export async function overview(ctx: Context, range: DateRange) {
  authorize(ctx.viewer, 'Query.overview');
  const checked = checkedRange(range);
  const teams = await visibleTeams(ctx, { kept: ctx.kpiMemo?.teams });
  return Promise.all(teams.map(async (team) => {
    const kpis = await kpisFor(team, checked, ctx);
    return { team, kpis, status: kpis.status };
  }));
}
