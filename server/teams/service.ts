import { z } from 'zod';
import type { Knex } from 'knex';
import { slug, text, timeZone, count, validateRecords, duplicateKeys, batchSizeError } from '../validation/fields';
import { throwIfBad } from '../graphql/errors';
import { teamsBySlugs, upsertTeam, type TeamRow, type TeamWrite } from './queries';
import { throwIfRefused, type Viewer } from '../auth/viewer';
import { resplitTeamPages } from '../ingest/resplit';

const teamInput = z.object({
  slug,
  name: text,
  timezone: timeZone.optional(),
  members: count.nullable().optional(),
  focusHoursPerDay: z.number().finite().gt(0, 'must be more than 0').max(24, 'must be at most 24').optional(),
}).strict();

/**
 * Validates the whole batch, then writes it in one transaction: all or nothing. A viewer limited
 * to teams (an admin token stored before admin became org-wide) edits only its existing teams.
 */
export async function upsertTeams(db: Knex, input: unknown[], viewer: Viewer): Promise<TeamRow[]> {
  await requireOwnTeams(db, input, viewer);
  const { values, errors } = validateRecords<TeamWrite>(teamInput, input);
  errors.push(...batchSizeError(input.length));
  if (errors.length === 0) errors.push(...duplicateKeys(values, (t) => t.slug, 'slug'));
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
