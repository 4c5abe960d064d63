import type { Context } from './context';
import type { DateRange } from '../core/dateRange';
import { authorize } from '../core/permissions';
import { overview } from './kpis';
import { visibleGroups } from '../groups/service';
import { orgGroups } from '../groups/orgGroups';
import type { GroupRow } from '../groups/queries';
import { pathOf, subtreeIds } from '../groups/tree';
import { totalsOf, type Totals } from '../kpi/groupTotals';

export interface GroupOverviewRow {
  group: GroupRow;
  path: string;
  /** Slugs of the teams summed: the group's own and its nested groups', those the viewer sees. */
  teams: string[];
  totals: Totals;
}

/**
 * One row per group the viewer may see, by path: the totals of its teams and its nested groups'
 * teams over the range (the teams of the overview, so a token limited to teams sums only those),
 * and their worst status. Totals are computed from the team rows' figures by kpi/groupTotals.ts.
 */
export async function overviewGroups(ctx: Context, range: DateRange): Promise<GroupOverviewRow[]> {
  authorize(ctx.viewer, 'Query.overviewGroups');
  const [rows, groups, all] = await Promise.all([overview(ctx, range), visibleGroups(ctx), orgGroups(ctx)]);
  return groups
    .map((group) => {
      const ids = subtreeIds(all, group.id);
      const members = rows.filter((r) => r.team.group_id !== null && ids.has(r.team.group_id));
      return { group, path: pathOf(all, group.id), teams: members.map((r) => r.team.slug), totals: totalsOf(members.map((r) => r.kpis)) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The org's total over the range: every team of the overview (for a token limited to teams: its teams). */
export async function orgTotal(ctx: Context, range: DateRange): Promise<Totals> {
  authorize(ctx.viewer, 'Query.orgTotal');
  return totalsOf((await overview(ctx, range)).map((r) => r.kpis));
}
