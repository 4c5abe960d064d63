import type { Context } from '../figures/context';
import type { TeamRow } from '../teams/queries';
import type { DateRange } from '../core/dateRange';
import { kpisFor } from '../figures/kpis';
import { actualsFor } from '../planning/sprints';
import { sprintsOverlapping } from '../planning/sprintQueries';
import { teamPlan } from '../planning/plan';

/** Version of the snapshot document format; bump it (and document the change) when the shape changes. */
export const SNAPSHOT_SCHEMA = 'headroom.snapshot/v1';

/** Everything a snapshot freezes about one team. */
export async function teamDocument(ctx: Context, team: TeamRow, range: DateRange) {
  const [kpis, policy, loadModel] = await Promise.all([kpisFor(team, range, ctx), ctx.policies.load(team.id), ctx.loadModels.load(team.id)]);
  const stored = await sprintsOverlapping(ctx.db, team.id, range.from, range.to);
  const sprints = await actualsFor(ctx.db, team, loadModel, stored.map((s) => ({ ...s, synthetic: false })));
  const plan = await teamPlan(ctx.db, team, loadModel);
  const { id: _id, teamId: _teamId, ...guardrail } = policy;
  return {
    slug: team.slug,
    name: team.name,
    timezone: team.timezone,
    members: team.members,
    focusHoursPerDay: team.focus_hours_per_day,
    kpis,
    guardrail: { ...guardrail, team: policy.teamId === null ? null : team.slug },
    loadModel,
    sprints,
    plan,
  };
}

export type TeamDocument = Awaited<ReturnType<typeof teamDocument>>;

export interface SnapshotDocument {
  schema: typeof SNAPSHOT_SCHEMA;
  id: string;
  label: string;
  range: DateRange;
  author: string;
  createdAt: string;
  serverVersion: string;
  teams: TeamDocument[];
}
