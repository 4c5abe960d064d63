import { z } from 'zod';
import type { Knex } from 'knex';
import { slug, text, timeZone, count, validateRecords, duplicateKeys, batchSizeError } from '../validation/fields';
import { throwIfBad } from '../graphql/errors';
import { upsertTeam, type TeamRow, type TeamWrite } from './queries';
import { resplitTeamPages } from '../ingest/resplit';

const teamInput = z.object({
  slug,
  name: text,
  timezone: timeZone.optional(),
  members: count.nullable().optional(),
  focusHoursPerDay: z.number().finite().gt(0, 'must be more than 0').max(24, 'must be at most 24').optional(),
}).strict();

/** Validates the whole batch, then writes it in one transaction: all or nothing. */
export async function upsertTeams(db: Knex, input: unknown[]): Promise<TeamRow[]> {
  const { values, valid, errors } = validateRecords<TeamWrite>(teamInput, input);
  errors.push(...batchSizeError(input.length));
  // Sparse, at the records' own indexes: a bad field in one record hides no duplicate in another.
  const byIndex: TeamWrite[] = [];
  for (const v of valid) byIndex[v.index] = v.value;
  errors.push(...duplicateKeys(byIndex, (t) => t.slug, 'slug'));
  throwIfBad(errors, 'team');
  return db.transaction(async (trx) => {
    const saved: TeamRow[] = [];
    for (const t of values) {
      const before: { timezone: string } | undefined = await trx('teams').select('timezone').where({ slug: t.slug }).forUpdate().first();
      const row = await upsertTeam(trx, t);
      // A new time zone moves the team's events to other days and hour classes.
      if (before && before.timezone !== row.timezone) await resplitTeamPages(trx, row.id);
      saved.push(row);
    }
    return saved;
  });
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
