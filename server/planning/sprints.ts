import type { Knex } from 'knex';
import { batchSizeError } from '../core/fields';
import { NotFoundError, throwIfBad } from '../core/errors';
import { teamBySlug, type TeamRow } from '../teams/queries';
import { authorize } from '../core/permissions';
import type { Scope } from '../core/scope';
import { computeCapacity } from '../kpi/capacity';
import { addDays, lengthInDays, workingDays } from '../core/calendar';
import { syntheticSprints, windowLabel } from '../kpi/sprintWindows';
import { todayIn } from '../core/dateRange';
import { millionths, published } from '../kpi/format';
import { signalSumsForWindows } from '../signals/queries';
import { responderSleepByWindow } from '../signals/responderQueries';
import { busiestSleepInterruptions } from '../kpi/responderLoad';
import { teamKpiFigures, type TeamKpiFigures } from '../kpi/teamKpis';
import type { LoadModel } from '../kpi/loadModel';
import { BUILT_IN_POLICY, effectivePolicies, policyById, policyIdsInForceAt, type PolicyVersion } from './guardrailQueries';
import { DateTime } from 'luxon';
import { deleteSprintRow, lastSprints, type SprintRow } from './sprintQueries';
import { checkSprints, writeSprints } from './sprintRecords';

/** The team slugs a batch names (records without one are reported by the field rules). */
function teamsOf(input: unknown[]): string[] {
  return input.flatMap((r) => (r && typeof r === 'object' && typeof (r as { team?: unknown }).team === 'string' ? [(r as { team: string }).team] : []));
}

/**
 * Creates or updates sprints by (team, name), or by (team, window): a record with exactly the dates
 * of a stored sprint updates (and renames) that sprint, so one window is one sprint; all or nothing. A new sprint is judged by the guardrail
 * version in force when it is first planned, and keeps it when re-sent (say, with its completed
 * points at the end): history is judged as it was planned. `replan` is the explicit act of judging
 * the sprints sent under today's version; it records who did it and when.
 *
 * `versionAtStart` is for history brought in after the fact (a tracker's backfill): a new sprint
 * takes the version in force when it started (the start of its first day in the team's zone), not
 * today's, so a past sprint is judged by the rules its team had then.
 */
export async function upsertSprints(scope: Scope, input: unknown[], opts: { replan?: boolean; versionAtStart?: boolean } = {}): Promise<SprintRow[]> {
  authorize(scope.viewer, 'Mutation.upsertSprints', teamsOf(input));
  throwIfBad(batchSizeError(input.length), 'sprint');
  const { rows, errors } = await checkSprints(scope.db, input);
  throwIfBad(errors, 'sprint');
  if (opts.versionAtStart && !opts.replan) {
    const atStart = await policiesAtStart(scope.db, rows.map((r) => ({ teamId: r.team_id, startDate: r.start_date })));
    rows.forEach((r, i) => (r.guardrail_policy_id = atStart[i]));
  }
  return scope.db.transaction(async (trx) => (await writeSprints(trx, rows, opts.replan ? { by: scope.actor } : null)).saved);
}

/** The guardrail version in force at the start of each sprint's first day, in its team's zone. */
async function policiesAtStart(db: Knex, sprints: { teamId: number; startDate: string }[]): Promise<(number | null)[]> {
  const zones = new Map<number, string>(
    (await db('teams').select('id', 'timezone').whereIn('id', [...new Set(sprints.map((s) => s.teamId))])).map((t: { id: number; timezone: string }) => [t.id, t.timezone]),
  );
  return policyIdsInForceAt(db, sprints.map((s) => ({ teamId: s.teamId, instant: DateTime.fromISO(s.startDate, { zone: zones.get(s.teamId) }).toJSDate() })));
}

/** Deletes a team's sprint by name (undoing an accepted plan, or removing a wrong one). */
export async function deleteSprint(scope: Scope, teamSlug: string, name: string): Promise<boolean> {
  authorize(scope.viewer, 'Mutation.deleteSprint', [teamSlug]);
  const team = await teamBySlug(scope.db, teamSlug);
  if (!team || !(await deleteSprintRow(scope.db, team.id, name))) throw new NotFoundError(`No sprint "${name}" in team "${teamSlug}".`);
  return true;
}

/**
 * Capacity of a sprint: as given, else members × working days × focus hours − days off × focus
 * hours, with the sprint's own head count (who was in it) or else the team's.
 */
export function sprintCapacity(team: TeamRow, s: Pick<SprintRow, 'capacityHours' | 'members' | 'startDate' | 'endDate' | 'daysOff'>): number {
  if (s.capacityHours !== null) return s.capacityHours;
  return computeCapacity({ members: s.members ?? team.members ?? 0, startDate: s.startDate, endDate: s.endDate, focusHoursPerDay: team.focus_hours_per_day, daysOff: s.daysOff });
}

/** Where a sprint stands on the team's calendar (its time zone): only FINISHED sprints are judged as such. */
export type SprintState = 'FINISHED' | 'IN_PROGRESS' | 'PLANNED';

export function sprintState(s: { startDate: string; endDate: string }, today: string): SprintState {
  return s.endDate < today ? 'FINISHED' : s.startDate > today ? 'PLANNED' : 'IN_PROGRESS';
}

export interface SprintActuals extends TeamKpiFigures {
  name: string;
  startDate: string;
  endDate: string;
  state: SprintState;
  featureHours: number;
  /** The sprint's head count: as recorded, else the team's (null when neither is known). */
  members: number | null;
  /** What the sprint was recorded with (null: the team's count, a computed capacity): what an edit starts from. */
  recordedMembers: number | null;
  recordedCapacityHours: number | null;
  daysOff: number;
  /** reservedOpsShare × capacityHours: the hours the accepted plan set aside; null without a share. */
  reservedOpsHours: number | null;
  underReserved: boolean;
  featurePointsPlanned: number | null;
  featurePointsCompleted: number | null;
  guardrailVersion: number;
  replannedAt: Date | null;
  replannedBy: string | null;
  /** True for the synthetic 14-day windows of a team that records no sprints. */
  synthetic: boolean;
}

/**
 * A team's last sprints with their actual ops load, newest first. A team without sprints gets
 * consecutive 14-day windows, the newest ending yesterday (capacity from members, nothing reserved).
 */
export async function sprintActuals(db: Knex, team: TeamRow, model: LoadModel, last: number): Promise<SprintActuals[]> {
  const stored = await lastSprints(db, team.id, last);
  if (stored.length) return actualsFor(db, team, model, stored.map((s) => ({ ...s, synthetic: false })));
  const windows = syntheticSprints(todayIn(team.timezone), last).map((w) => ({
    ...w, name: windowLabel(w), capacityHours: null, members: null, daysOff: 0, reservedOpsShare: null, featurePointsPlanned: null,
    featurePointsCompleted: null, guardrailPolicyId: null, replannedAt: null, replannedBy: null, synthetic: true,
  }));
  return actualsFor(db, team, model, windows);
}

type SprintLike = Omit<SprintRow, 'id' | 'teamId'> & { synthetic: boolean };

/**
 * Actual load of the given sprints of one team: one aggregate query for all of them. A sprint in
 * progress is measured to date — its days so far, against the capacity of their working days — and
 * a planned one has no days yet; neither is called under-reserved before it ends.
 */
export async function actualsFor(db: Knex, team: TeamRow, model: LoadModel, sprints: SprintLike[]): Promise<SprintActuals[]> {
  const current = (await effectivePolicies(db, [team.id])).get(team.id)!;
  const today = todayIn(team.timezone);
  const measured = sprints.map((s) => {
    const state = sprintState(s, today);
    return { state, startDate: s.startDate, endDate: state === 'FINISHED' ? s.endDate : state === 'IN_PROGRESS' ? today : addDays(s.startDate, -1) };
  });
  const [sums, sleepers] = await Promise.all([signalSumsForWindows(db, team.id, measured), responderSleepByWindow(db, [team.id], measured)]);
  const policyCache = new Map<number, PolicyVersion>();
  return Promise.all(
    sprints.map(async (s, i) => {
      // A sprint is judged by the guardrail version in force when it was planned: a stored sprint
      // without a version id was planned under the built-in defaults; synthetic windows by today's policy.
      let policy: PolicyVersion = s.synthetic ? current : BUILT_IN_POLICY;
      if (s.guardrailPolicyId !== null) {
        policy = policyCache.get(s.guardrailPolicyId) ?? (await policyById(db, s.guardrailPolicyId)) ?? current;
        policyCache.set(s.guardrailPolicyId, policy);
      }
      const { state, endDate: measuredTo } = measured[i];
      const capacity = sprintCapacity(team, s);
      const elapsed = lengthInDays(s.startDate, measuredTo);
      const capacitySoFar = state === 'FINISHED' ? capacity : proratedCapacity(capacity, s, measuredTo);
      const figures = teamKpiFigures({ sums: sums[i], days: elapsed, capacityHours: capacitySoFar, reservedOpsShare: s.reservedOpsShare, busiestResponderSleepInterruptions: busiestSleepInterruptions([sleepers[i].get(team.id)]), model, policy });
      return {
        ...figures,
        capacityHours: published('hours', capacity),
        name: s.name,
        startDate: s.startDate,
        endDate: s.endDate,
        state,
        featureHours: published('hours', Math.max(0, capacity - figures.opsHours)),
        members: s.members ?? team.members,
        recordedMembers: s.members,
        recordedCapacityHours: s.capacityHours,
        daysOff: s.daysOff,
        reservedOpsHours: s.reservedOpsShare === null ? null : published('hours', s.reservedOpsShare * capacity),
        // Judged on the published share, like every rule; only a finished sprint can be under-reserved.
        underReserved: state === 'FINISHED' && s.reservedOpsShare !== null && figures.opsShare !== null && millionths(figures.opsShare) > millionths(s.reservedOpsShare),
        featurePointsPlanned: s.featurePointsPlanned,
        featurePointsCompleted: s.featurePointsCompleted,
        guardrailVersion: policy.version,
        replannedAt: s.replannedAt,
        replannedBy: s.replannedBy,
        synthetic: s.synthetic,
      };
    }),
  );
}

/** The part of a sprint's capacity that its working days up to `to` hold (0 before it starts). */
export function proratedCapacity(capacity: number, s: { startDate: string; endDate: string }, to: string): number {
  const total = workingDays(s.startDate, s.endDate);
  return total === 0 ? 0 : (capacity * workingDays(s.startDate, to)) / total;
}
