import type { Context } from '../figures/context';
import type { TeamRow } from '../teams/queries';
import type { DateRange } from '../core/dateRange';
import { kpisFor } from '../figures/kpis';
import { actualsFor } from '../planning/sprints';
import { sprintsOverlapping } from '../planning/sprintQueries';
import { teamPlan } from '../planning/plan';
import { orgGroups } from '../groups/orgGroups';
import { pathOf, subtreeIds } from '../groups/tree';
import { totalsOf, type Totals } from '../kpi/groupTotals';

/** Version of the snapshot document format; bump it (and document the change) when the shape changes. */
export const SNAPSHOT_SCHEMA = 'headroom.snapshot/v1';

/** Everything a snapshot freezes about one team. */
export async function teamDocument(ctx: Context, team: TeamRow, range: DateRange) {
  const [{ previousPeriod: _previous, ...kpis }, policy, loadModel] = await Promise.all([kpisFor(team, range, ctx), ctx.policies.load(team.id), ctx.loadModels.load(team.id)]);
  const stored = await sprintsOverlapping(ctx.db, team.id, range.from, range.to);
  const sprints = await actualsFor(ctx.db, team, loadModel, stored.map((s) => ({ ...s, synthetic: false })));
  const plan = await teamPlan(ctx.db, team, loadModel);
  const group = team.group_id === null || team.group_id === undefined ? null : pathOf(await orgGroups(ctx), team.group_id) || null;
  const { id: _id, teamId: _teamId, ...guardrail } = policy;
  return {
    slug: team.slug,
    name: team.name,
    timezone: team.timezone,
    members: team.members,
    focusHoursPerDay: team.focus_hours_per_day,
    /** The team's group path ("Infrastructure / Data") when the figures were taken; null: in no group. */
    group,
    kpis,
    guardrail: { ...guardrail, team: policy.teamId === null ? null : team.slug },
    loadModel,
    sprints,
    plan,
  };
}

export type TeamDocument = Awaited<ReturnType<typeof teamDocument>>;

/** A group row of a snapshot: the group's path then, its teams in the snapshot (nested groups' too), their totals. */
export interface GroupDocument {
  path: string;
  teams: string[];
  totals: Totals;
}

/**
 * The group rows of a snapshot, as the overview shows them: every group holding one of its teams
 * (directly or through a nested group), by path, with the totals of those teams' frozen figures.
 */
export async function groupDocuments(ctx: Context, teams: readonly TeamRow[], docs: readonly TeamDocument[]): Promise<GroupDocument[]> {
  const all = await orgGroups(ctx);
  const kpisOf = new Map(docs.map((d) => [d.slug, d.kpis]));
  return all
    .map((g) => {
      const ids = subtreeIds(all, g.id);
      const members = teams.filter((t) => t.group_id !== null && t.group_id !== undefined && ids.has(t.group_id));
      return { path: pathOf(all, g.id), teams: members.map((t) => t.slug), totals: totalsOf(members.map((t) => kpisOf.get(t.slug)!)) };
    })
    .filter((g) => g.teams.length > 0)
    .sort((a, b) => a.path.localeCompare(b.path));
}

export interface SnapshotDocument {
  schema: typeof SNAPSHOT_SCHEMA;
  id: string;
  label: string;
  range: DateRange;
  author: string;
  createdAt: string;
  serverVersion: string;
  teams: TeamDocument[];
  /** Group rows (documents made since groups existed; older ones have none). */
  groups?: GroupDocument[];
  /** The totals of all its teams (documents made since groups existed). */
  total?: Totals;
}
