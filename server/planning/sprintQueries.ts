import type { Knex } from 'knex';
import { idArray } from '../db/arrays';

export interface SprintRow {
  id: number;
  teamId: number;
  name: string;
  startDate: string;
  endDate: string;
  capacityHours: number | null;
  /** The sprint's own head count; null: the team's. */
  members: number | null;
  daysOff: number;
  reservedOpsShare: number | null;
  featurePointsPlanned: number | null;
  featurePointsCompleted: number | null;
  guardrailPolicyId: number | null;
  replannedAt: Date | null;
  replannedBy: string | null;
}

const select = [
  'id', 'team_id as teamId', 'name', 'start_date as startDate', 'end_date as endDate', 'capacity_hours as capacityHours',
  'members', 'days_off as daysOff', 'reserved_ops_share as reservedOpsShare', 'feature_points_planned as featurePointsPlanned',
  'feature_points_completed as featurePointsCompleted', 'guardrail_policy_id as guardrailPolicyId',
  'replanned_at as replannedAt', 'replanned_by as replannedBy',
];

/** A team's sprints, newest (latest end date) first. */
export function lastSprints(db: Knex, teamId: number, limit: number): Promise<SprintRow[]> {
  return db('sprints').select(select).where('team_id', teamId).orderBy('end_date', 'desc').limit(limit);
}

/** The guardrail version id each named sprint of a team is judged by (null: planned under the built-in defaults). */
export async function sprintPolicyIds(db: Knex, teamId: number, names: readonly string[]): Promise<Map<string, number | null>> {
  const rows: { name: string; id: number | null }[] = await db('sprints').select('name', 'guardrail_policy_id as id').where('team_id', teamId).whereIn('name', [...names]);
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** Every sprint of a team, oldest first. */
export function teamSprints(db: Knex, teamId: number): Promise<SprintRow[]> {
  return db('sprints').select(select).where('team_id', teamId).orderBy('start_date');
}

/** Whether the team records any sprint (else it is read as synthetic 14-day windows). */
export async function hasSprints(db: Knex, teamId: number): Promise<boolean> {
  return (await db('sprints').select('id').where('team_id', teamId).first()) !== undefined;
}

/** Sprints of a team that overlap a range, newest first. */
export function sprintsOverlapping(db: Knex, teamId: number, from: string, to: string): Promise<SprintRow[]> {
  return db('sprints').select(select).where('team_id', teamId).where('start_date', '<=', to).where('end_date', '>=', from).orderBy('end_date', 'desc');
}

export interface SprintWrite {
  team_id: number;
  name: string;
  start_date: string;
  end_date: string;
  capacity_hours: number | null;
  members: number | null;
  days_off: number;
  reserved_ops_share: number | null;
  feature_points_planned: number | null;
  feature_points_completed: number | null;
  guardrail_policy_id: number | null;
}

/**
 * Upsert by (team, name): re-sending a sprint updates it, but keeps the guardrail version it was
 * first planned under unless `replan` names who re-plans it now (then the version is today's, and
 * who and when are recorded).
 */
export async function upsertSprintRows(trx: Knex.Transaction, rows: SprintWrite[], replan: { by: string } | null = null): Promise<SprintRow[]> {
  if (rows.length === 0) return [];
  const updated = Object.keys(rows[0]).filter((k) => k !== 'team_id' && k !== 'name' && (replan || k !== 'guardrail_policy_id'));
  const merge: Record<string, unknown> = Object.fromEntries(updated.map((c) => [c, trx.raw('??', [`excluded.${c}`])]));
  merge.updated_at = trx.fn.now();
  if (replan) Object.assign(merge, { replanned_at: trx.fn.now(), replanned_by: replan.by });
  return trx('sprints').insert(rows).onConflict(['team_id', 'name']).merge(merge).returning(select);
}

/**
 * A sprint is one window of a team: a record whose dates are exactly those of a stored sprint of
 * another name renames that sprint, so the upsert by (team, name) then updates it instead of
 * recording the same window twice (accepting a plan twice, or renaming it on a second accept).
 * Reads what would be renamed, and the records whose new name is already another sprint's (by index).
 */
export async function sameWindowPlan(db: Knex, rows: SprintWrite[]): Promise<{ clashes: number[]; renames: { id: number; name: string }[] }> {
  if (rows.length === 0) return { clashes: [], renames: [] };
  // One statement for the batch, the records passed as arrays: a tracker's history is hundreds of
  // sprints, and a query per record (or a row-valued IN list, whose depth grows with the batch and
  // overflows the embedded database's stack) does not scale to it.
  const { rows: found } = await db.raw(
    `SELECT r.i, same.id, EXISTS (SELECT 1 FROM sprints t WHERE t.team_id = r.team_id AND t.name = r.name) AS taken
       FROM unnest(?::int[], ?::text[], ?::date[], ?::date[]) WITH ORDINALITY AS r(team_id, name, start_date, end_date, i)
       JOIN LATERAL (SELECT s.id FROM sprints s
                      WHERE s.team_id = r.team_id AND s.start_date = r.start_date AND s.end_date = r.end_date AND s.name <> r.name
                      LIMIT 1) same ON true
      ORDER BY r.i`,
    [rows.map((r) => r.team_id), rows.map((r) => r.name), rows.map((r) => r.start_date), rows.map((r) => r.end_date)],
  );
  const clashes: number[] = [];
  const renames: { id: number; name: string }[] = [];
  for (const f of found as { i: number | string; id: number; taken: boolean }[]) {
    const i = Number(f.i) - 1;
    if (f.taken) clashes.push(i);
    else renames.push({ id: f.id, name: rows[i].name });
  }
  return { clashes, renames };
}

/** Renames the stored sprints of the same windows (sameWindowPlan); answers the clashes, and renames nothing then. */
export async function adoptSameWindow(trx: Knex.Transaction, rows: SprintWrite[]): Promise<number[]> {
  const { clashes, renames } = await sameWindowPlan(trx, rows);
  if (clashes.length === 0 && renames.length > 0)
    await trx.raw(`UPDATE sprints s SET name = r.name, updated_at = now() FROM unnest(?::int[], ?::text[]) AS r(id, name) WHERE s.id = r.id`, [
      renames.map((r) => r.id),
      renames.map((r) => r.name),
    ]);
  return clashes;
}

/** Which of the rows' (team, name) keys are stored, as "teamId|name". */
export async function storedSprintNames(db: Knex, rows: SprintWrite[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const { rows: found } = await db.raw(
    `SELECT s.team_id AS "teamId", s.name
       FROM sprints s JOIN unnest(?::int[], ?::text[]) AS k(team_id, name) ON s.team_id = k.team_id AND s.name = k.name`,
    [rows.map((r) => r.team_id), rows.map((r) => r.name)],
  );
  return new Set((found as { teamId: number; name: string }[]).map((f) => `${f.teamId}|${f.name}`));
}

/** A team's sprint of exactly these dates, or undefined. */
export function sprintOfWindow(db: Knex, teamId: number, startDate: string, endDate: string): Promise<SprintRow | undefined> {
  return db('sprints').select(select).where({ team_id: teamId, start_date: startDate, end_date: endDate }).first();
}

/** A team's sprint by name, or undefined. */
export function sprintByName(db: Knex, teamId: number, name: string): Promise<SprintRow | undefined> {
  return db('sprints').select(select).where({ team_id: teamId, name }).first();
}

/** Deletes a team's sprint by name; false when there is none. */
export async function deleteSprintRow(db: Knex, teamId: number, name: string): Promise<boolean> {
  // The deleted ids, not the count: the embedded PGlite driver reports no row count for a DELETE.
  return (await db('sprints').where({ team_id: teamId, name }).delete().returning('id')).length > 0;
}

/**
 * Per team, the reserved share of its newest sprint overlapping a range that has one: several ranges
 * in one statement, one map per range, in the order given. Per team and range, one backward step
 * down the (team_id, end_date) index that stops at the first such sprint: half the time of sorting
 * every sprint of the teams that overlaps (a team's history is years of sprints; issue 19).
 */
export async function reservedSharesForRanges(db: Knex, teamIds: readonly number[], ranges: readonly { from: string; to: string }[]): Promise<Map<number, number>[]> {
  const { rows } = await db.raw(
    `SELECT r.i, t.id AS "teamId", s.reserved_ops_share AS share
       FROM unnest(?::date[], ?::date[]) WITH ORDINALITY AS r(start, "end", i)
      CROSS JOIN unnest(?::int[]) AS t(id)
      CROSS JOIN LATERAL (
        SELECT reserved_ops_share FROM sprints
         WHERE team_id = t.id AND end_date >= r.start AND start_date <= r."end" AND reserved_ops_share IS NOT NULL
         ORDER BY end_date DESC
         LIMIT 1
      ) s`,
    [ranges.map((r) => r.from), ranges.map((r) => r.to), idArray(teamIds)],
  );
  const maps = ranges.map(() => new Map<number, number>());
  for (const row of rows as { i: number; teamId: number; share: number }[]) maps[row.i - 1].set(row.teamId, row.share);
  return maps;
}
