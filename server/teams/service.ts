import { z } from 'zod';
import type { Knex } from 'knex';
import { slug, text, timeZone, count, validateRecords, duplicateKeys, batchSizeError } from '../core/fields';
import { NotFoundError, throwIfBad, type RecordError } from '../core/errors';
import { isDeepStrictEqual } from 'node:util';
import { archiveTeamBySlug, teamsBySlugs, upsertTeam, type TeamRow, type TeamWrite } from './queries';
import { throwIfRefused, type Viewer } from '../core/viewer';
import { authorize } from '../core/permissions';
import { scheduleOf } from '../signals/teamClocks';
import type { HourSchedule } from '../kpi/hourClasses';
import { resplitTeamPages } from '../signals/resplit';

// An hour of the day, 0-24, to the minute (8.5 is 08:30).
const hourOfDay = z
  .number()
  .finite()
  .min(0, 'must be between 0 and 24')
  .max(24, 'must be between 0 and 24')
  .refine((h) => Number.isInteger(Math.round(h * 60 * 1e6) / 1e6), 'must be a whole number of minutes (8.5 is 08:30)');

const scheduleInput = z
  .object({
    businessStartHour: hourOfDay.nullish(),
    businessEndHour: hourOfDay.nullish(),
    sleepStartHour: hourOfDay.nullish(),
    sleepEndHour: hourOfDay.nullish(),
    businessDays: z
      .array(z.number().int('must hold whole numbers').min(1, 'must hold ISO weekdays 1-7').max(7, 'must hold ISO weekdays 1-7'))
      .refine((d) => new Set(d).size === d.length, 'must not repeat a day')
      .nullish(),
  })
  .strict();

const teamInput = z.object({
  slug,
  name: text,
  timezone: timeZone.optional(),
  members: count.nullable().optional(),
  focusHoursPerDay: z.number().finite().gt(0, 'must be more than 0').max(24, 'must be at most 24').optional(),
  hourSchedule: scheduleInput.nullable().optional(),
  archived: z.boolean().optional(),
}).strict();

type ScheduleInput = z.output<typeof scheduleInput>;

/** The stored schedule with the input's fields laid over it; the problems of the result. */
function mergedSchedule(stored: unknown, input: ScheduleInput): { schedule: HourSchedule; problems: { field: string; message: string }[] } {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
  const schedule: HourSchedule = { ...scheduleOf(stored), ...given };
  const problems: { field: string; message: string }[] = [];
  if (schedule.businessStartHour === schedule.businessEndHour)
    problems.push({ field: 'hourSchedule.businessEndHour', message: 'must differ from businessStartHour (for no business hours, set businessDays: [])' });
  if (schedule.sleepStartHour === schedule.sleepEndHour)
    problems.push({ field: 'hourSchedule.sleepEndHour', message: 'must differ from sleepStartHour' });
  return { schedule: { ...schedule, businessDays: [...schedule.businessDays].sort((a, b) => a - b) }, problems };
}

/**
 * Validates the whole batch, then writes it in one transaction: all or nothing. A new time zone or
 * hour schedule moves the team's events to other days and hour classes: its pages are re-split.
 * A viewer limited to teams (an admin token stored before admin became org-wide) edits only its
 * existing teams.
 */
export async function upsertTeams(db: Knex, input: unknown[], viewer: Viewer): Promise<TeamRow[]> {
  authorize(viewer, 'Mutation.upsertTeams');
  await requireOwnTeams(db, input, viewer);
  const { writes, errors } = await checkTeams(db, input);
  errors.push(...batchSizeError(input.length));
  // Sparse, at the records' own indexes: a bad field in one record hides no duplicate in another.
  const byIndex: { slug: string }[] = [];
  for (const [index, w] of writes) byIndex[index] = w;
  errors.push(...duplicateKeys(byIndex, (t) => t.slug, 'slug'));
  throwIfBad(errors, 'team');
  return db.transaction(async (trx) => (await writeTeams(trx, [...writes.values()])).saved);
}

/** Field rules and the merged hour schedules of a batch: the writes of the valid records, by index. */
export async function checkTeams(db: Knex, input: unknown[]): Promise<{ writes: Map<number, TeamWrite>; errors: RecordError[] }> {
  const { valid, errors } = validateRecords(teamInput, input);
  const withSchedule = valid.filter((v) => v.value.hourSchedule);
  const stored = new Map<string, unknown>(
    withSchedule.length
      ? (await db('teams').select('slug', 'hour_schedule').whereIn('slug', withSchedule.map((v) => v.value.slug))).map((t: { slug: string; hour_schedule: unknown }) => [t.slug, t.hour_schedule])
      : [],
  );
  const writes = new Map<number, TeamWrite>();
  for (const { index, value } of valid) {
    const { hourSchedule, ...rest } = value;
    if (!hourSchedule) {
      writes.set(index, { ...rest, hourSchedule });
      continue;
    }
    const { schedule, problems } = mergedSchedule(stored.get(value.slug), hourSchedule);
    errors.push(...problems.map((p) => ({ index, ...p })));
    writes.set(index, { ...rest, hourSchedule: schedule });
  }
  return { writes, errors };
}

/** Writes checked teams in a transaction, re-splitting the pages of those whose clock moved. */
export async function writeTeams(trx: Knex.Transaction, writes: TeamWrite[]): Promise<{ saved: TeamRow[]; inserted: number }> {
  const saved: TeamRow[] = [];
  let inserted = 0;
  for (const t of writes) {
    const before: { timezone: string; hour_schedule: unknown } | undefined = await trx('teams').select('timezone', 'hour_schedule').where({ slug: t.slug }).forUpdate().first();
    const row = await upsertTeam(trx, t);
    const moved = before && (before.timezone !== row.timezone || !isDeepStrictEqual(scheduleOf(before.hour_schedule), scheduleOf(row.hour_schedule)));
    if (moved) await resplitTeamPages(trx, row.id);
    if (!before) inserted++;
    saved.push(row);
  }
  return { saved, inserted };
}

/**
 * Archives a team: it leaves the overview, plans and exports; its history, sprints and the
 * snapshots that name it stay. Archiving twice keeps the first time. `upsertTeams` with
 * `archived: false` restores it.
 */
export async function archiveTeam(db: Knex, slug: string, viewer: Viewer): Promise<TeamRow> {
  authorize(viewer, 'Mutation.archiveTeam', [slug]);
  const row = await archiveTeamBySlug(db, slug);
  if (!row) throw new NotFoundError(`No team with slug "${slug}".`);
  return row;
}

/** Refuses (FORBIDDEN) records for a team outside the viewer's, or a new team: the same answer for both. */
async function requireOwnTeams(db: Knex, input: unknown[], viewer: Viewer): Promise<void> {
  if (viewer.teams === null) return;
  const own = new Set((await teamsBySlugs(db, viewer.teams)).map((t) => t.slug));
  const refused = input.flatMap((r, index) => {
    const slug = r && typeof r === 'object' ? (r as { slug?: unknown }).slug : undefined;
    return typeof slug === 'string' && !own.has(slug) ? [{ index, field: 'slug', message: `"${slug}" is not one of this token's teams; a token limited to teams edits only those and creates none` }] : [];
  });
  throwIfRefused(viewer, refused, 'team');
}

/** Maps slugs to ids; reports every unknown slug as a record error on `field`. */
export async function resolveTeamIds(
  db: Knex,
  records: { team: string }[],
  field = 'team',
): Promise<{ ids: Map<string, number>; errors: { index: number; field: string; message: string }[] }> {
  const slugs = [...new Set(records.map((r) => r.team))];
  const rows: { id: number; slug: string }[] = slugs.length ? await db('teams').select('id', 'slug').whereIn('slug', slugs) : [];
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  const errors = records.flatMap((r, index) =>
    ids.has(r.team) ? [] : [{ index, field, message: `no team with slug "${r.team}"` }],
  );
  return { ids, errors };
}
