import { z } from 'zod';
import type { Knex } from 'knex';
import { calendarDate, count, hours, share, slug, text } from '../core/fields';
import { validateTeamRecords } from '../teams/teamRecords';
import { throwIfBad, type RecordError } from '../core/errors';
import { lengthInDays } from '../core/calendar';
import { effectivePolicies } from './guardrailQueries';
import { adoptSameWindow, sameWindowPlan, storedSprintNames, upsertSprintRows, type SprintRow, type SprintWrite } from './sprintQueries';

const sprintInput = z
  .object({
    team: slug,
    name: text,
    startDate: calendarDate,
    endDate: calendarDate,
    capacityHours: hours.nullish(),
    members: count.max(10_000, 'is too large').nullish(),
    daysOff: hours.nullish(),
    reservedOpsShare: share.nullish(),
    featurePointsPlanned: hours.nullish(),
    featurePointsCompleted: hours.nullish(),
  })
  .strict()
  .refine((s) => s.endDate >= s.startDate, { path: ['endDate'], message: 'must not be before startDate' })
  .refine((s) => lengthInDays(s.startDate, s.endDate) <= 92, { path: ['endDate'], message: 'a sprint lasts at most 92 days' });

const RENAME_CLASH = `is already another sprint's: a sprint with these dates exists, under another name`;

/**
 * The rules of a batch of sprint records (upsertSprints, the sprints CSV file, the CLI), every
 * problem at its record's index: field rules, unknown teams, a name or a window sent twice, a
 * capacity that cannot be computed, and a rename onto a stored sprint's name. The rows come back
 * in input order, and only when nothing was bad.
 */
export async function checkSprints(db: Knex, input: unknown[]): Promise<{ rows: SprintWrite[]; errors: RecordError[] }> {
  const checked = await validateTeamRecords(db, sprintInput, input, (s, teamId) => ({ ...s, teamId }), (s) => `${s.teamId}|${s.name}`, 'name');
  const teamIds = [...checked.teamIds.values()];
  const members = new Map<number, number | null>(
    teamIds.length ? (await db('teams').select('id', 'members').whereIn('id', teamIds)).map((t: { id: number; members: number | null }) => [t.id, t.members]) : [],
  );
  const errors: RecordError[] = [...checked.errors];
  const windows = new Map<string, number>(); // team|start|end → first record with it
  for (const { index, value: s } of checked.valid) {
    const teamId = checked.teamIds.get(s.team);
    if (teamId === undefined) continue;
    // Capacity can be computed only from a members count, the sprint's own or the team's (0 is a
    // capacity of 0 h, ops share null; only a missing count is unknown).
    if (s.capacityHours == null && s.members == null && members.get(teamId) == null)
      errors.push({ index, field: 'capacityHours', message: `is required: team "${s.team}" has no members count to compute it from` });
    // One window, one sprint: two records of one batch cannot both be the sprint of the same dates.
    const window = `${teamId}|${s.startDate}|${s.endDate}`;
    const first = windows.get(window);
    if (first === undefined) windows.set(window, index);
    else errors.push({ index, field: 'startDate', message: `has the dates of record #${first} in this batch: one window is one sprint` });
  }
  if (errors.length) return { rows: [], errors };
  const policies = await effectivePolicies(db, teamIds);
  const rows: SprintWrite[] = checked.valid.map(({ value: s }) => {
    const teamId = checked.teamIds.get(s.team)!;
    return {
      team_id: teamId,
      name: s.name,
      start_date: s.startDate,
      end_date: s.endDate,
      capacity_hours: s.capacityHours ?? null,
      members: s.members ?? null,
      days_off: s.daysOff ?? 0,
      reserved_ops_share: s.reservedOpsShare ?? null,
      feature_points_planned: s.featurePointsPlanned ?? null,
      feature_points_completed: s.featurePointsCompleted ?? null,
      guardrail_policy_id: policies.get(teamId)!.id,
    };
  });
  const clashes = (await sameWindowPlan(db, rows)).clashes;
  return { rows: clashes.length ? [] : rows, errors: clashes.map((index) => ({ index, field: 'name', message: RENAME_CLASH })) };
}

/**
 * Writes checked sprints in a transaction: a record with a stored sprint's exact dates renames that
 * sprint first (one window, one sprint), then every record is upserted by (team, name). Answers the
 * stored rows and how many were new.
 */
export async function writeSprints(trx: Knex.Transaction, rows: SprintWrite[], replan: { by: string } | null = null): Promise<{ saved: SprintRow[]; inserted: number }> {
  // Checked again here: a concurrent write may have taken the name since the batch was checked.
  const clashes = await adoptSameWindow(trx, rows);
  throwIfBad(clashes.map((index) => ({ index, field: 'name', message: RENAME_CLASH })), 'sprint');
  const stored = await storedSprintNames(trx, rows);
  const saved = await upsertSprintRows(trx, rows, replan);
  return { saved, inserted: rows.filter((r) => !stored.has(`${r.team_id}|${r.name}`)).length };
}
