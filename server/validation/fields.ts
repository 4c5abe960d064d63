import { z } from 'zod';
import { DateTime } from 'luxon';
import { scalarErrorsOf } from './invalidScalar';
import type { RecordError } from '../graphql/errors';
import { isValidTimeZone } from '../kpi/hourClasses';

// The field rules of PRODUCT.md, in one place, shared by GraphQL, CSV import, webhooks and the CLI.

/** Batches above this many records are refused whole (documented in README). */
export const MAX_BATCH = 10_000;

// C0/C1 control characters and DEL are refused in names and keys.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const text = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((s) => !CONTROL.test(s), 'must not contain control characters');

export const slug = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be 1–64 characters of a-z, 0-9 and -');

export function isCalendarDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: 'UTC' }).isValid;
}

export const calendarDate = z.string().refine(isCalendarDate, 'must be a real date written YYYY-MM-DD');

// Only IANA names: Luxon's setZone would also take fixed offsets such as "UTC+25".
export const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin');

const finite = z.number({ error: 'must be a number' }).finite('must be finite');
export const count = finite.int('must be a whole number').min(0, 'must not be negative').max(2_147_483_647, 'is too large');
export const hours = finite.min(0, 'must not be negative').max(1_000_000, 'is too large');
export const share = finite.min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

/** Validates each record with `schema`; returns the parsed records and every problem found. */
export function validateRecords<T>(
  schema: z.ZodType<T>,
  records: unknown[],
): { values: T[]; valid: { index: number; value: T }[]; errors: RecordError[] } {
  const valid: { index: number; value: T }[] = [];
  const errors: RecordError[] = [];
  records.forEach((record, index) => {
    // A Date/DateTime GraphQL could not read arrives as an InvalidScalar: reported with its own
    // message, and zod's "expected string" about the same field is left out.
    const scalars = scalarErrorsOf(record, index);
    errors.push(...scalars);
    const parsed = schema.safeParse(record);
    if (parsed.success) valid.push({ index, value: parsed.data });
    else {
      const named = new Set(scalars.map((e) => e.field));
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.') || '(record)';
        if (!named.has(field)) errors.push({ index, field, message: issue.message });
      }
    }
  });
  return { values: valid.map((v) => v.value), valid, errors };
}

/** Flags every record whose key was already seen earlier in the same batch. */
export function duplicateKeys<T>(records: T[], keyOf: (r: T) => string, field: string): RecordError[] {
  const seen = new Map<string, number>();
  const errors: RecordError[] = [];
  records.forEach((r, index) => {
    const key = keyOf(r);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else errors.push({ index, field, message: `duplicates the key of record #${first} in this batch` });
  });
  return errors;
}

export function batchSizeError(n: number): RecordError[] {
  return n > MAX_BATCH ? [{ index: MAX_BATCH, field: '(batch)', message: `a batch holds at most ${MAX_BATCH} records; got ${n}` }] : [];
}

/**
 * An instant: a Date (GraphQL's DateTime scalar has parsed it) or an ISO-8601 string WITH an
 * offset (CSV, webhooks). A timestamp without an offset is refused: it is ambiguous across zones.
 */
export const instant = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const dt = /(Z|[+-]\d{2}:?\d{2})$/i.test(v) ? DateTime.fromISO(v, { setZone: true }) : undefined;
    return dt?.isValid ? dt.toJSDate() : new Date(NaN);
  },
  z.date({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be ISO-8601 with an offset, e.g. 2026-03-01T09:30:00Z') }),
);
