import type { z } from 'zod';
import type { Knex } from 'knex';
import type { RecordError } from '../core/errors';
import { resolveTeamIds } from './service';
import { duplicateKeys, slug, validateRecords } from '../core/fields';

/**
 * Checks a batch of team records at every stage and reports all of it in one answer: field rules
 * and unreadable dates (validateRecords), unknown teams — read from every record that names a
 * well-formed slug, even one with a bad field — and keys seen twice. Each error stays on its own
 * record's index, so a bad field in one record hides neither an unknown team in another nor its own.
 */
export async function validateTeamRecords<T extends { team: string }, Row>(
  db: Knex,
  schema: z.ZodType<T>,
  records: unknown[],
  toRow: (value: T, teamId: number) => Row,
  keyOf: (row: Row) => string,
  keyField: string,
): Promise<{ rows: Row[]; valid: { index: number; value: T }[]; teamIds: Map<string, number>; errors: RecordError[] }> {
  const { valid, errors } = validateRecords(schema, records);
  const named = records.flatMap((r, index) => {
    const team = (r as { team?: unknown } | null)?.team;
    return typeof team === 'string' && slug.safeParse(team).success ? [{ index, team }] : [];
  });
  const teams = await resolveTeamIds(db, named);
  errors.push(...teams.errors.map((e) => ({ ...e, index: named[e.index].index })));
  const rows = valid.map((v) => toRow(v.value, teams.ids.get(v.value.team) ?? 0));
  // Sparse, at the records' own indexes, so "duplicates record #n" names the original record
  // (records of unknown teams are left out: their key has no team yet).
  const byIndex: Row[] = [];
  valid.forEach((v, i) => {
    if (teams.ids.has(v.value.team)) byIndex[v.index] = rows[i];
  });
  errors.push(...duplicateKeys(byIndex, keyOf, keyField));
  return { rows: errors.length ? [] : rows, valid, teamIds: teams.ids, errors };
}
