import type { z } from 'zod';
import type { Knex } from 'knex';
import type { RecordError } from '../graphql/errors';
import { resolveTeamIds } from '../teams/service';
import { duplicateKeys } from '../validation/fields';

/**
 * Validates event records field by field, then resolves team slugs and flags keys seen twice —
 * keeping each error on its own record's index, so one call lists every bad record (a bad field
 * in one record does not hide an unknown team in another).
 */
export async function validateEventRecords<T extends { team: string }, Row>(
  db: Knex,
  schema: z.ZodType<T>,
  records: unknown[],
  toRow: (value: T, teamId: number) => Row,
  keyOf: (row: Row) => string,
  keyField: string,
): Promise<{ rows: Row[]; errors: RecordError[] }> {
  const errors: RecordError[] = [];
  const valid: { index: number; value: T }[] = [];
  records.forEach((record, index) => {
    const parsed = schema.safeParse(record);
    if (parsed.success) valid.push({ index, value: parsed.data });
    else for (const issue of parsed.error.issues) errors.push({ index, field: issue.path.join('.') || '(record)', message: issue.message });
  });
  const teams = await resolveTeamIds(db, valid.map((v) => v.value));
  const at = (e: RecordError) => ({ ...e, index: valid[e.index].index });
  errors.push(...teams.errors.map(at));
  const rows = valid.map((v) => toRow(v.value, teams.ids.get(v.value.team) ?? 0));
  // Sparse, at the records' own indexes, so "duplicates record #n" names the original record.
  const byIndex: Row[] = [];
  valid.forEach((v, i) => (byIndex[v.index] = rows[i]));
  errors.push(...duplicateKeys(byIndex, keyOf, keyField));
  return errors.length ? { rows: [], errors } : { rows, errors };
}
