import { z } from 'zod';
import { DateTime } from 'luxon';
import { scalarErrorsOf } from './invalidScalar';
import { recordsOfIssues, type RecordError } from './errors';
import { dayNumber, isValidTimeZone } from './calendar';

// The field rules of PRODUCT.md, in one place, shared by GraphQL, CSV import, webhooks and the CLI.

/** Batches above this many records are refused whole (documented in README). */
export const MAX_BATCH = 10_000;

// C0/C1 control characters and DEL are refused in names and keys.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

// A UTF-16 surrogate without its pair (JSON allows "\ud800") is no character at all: PostgreSQL
// refuses it, and it cannot be written as UTF-8. With the u flag a proper pair is one code point.
const LONE_SURROGATE = /\p{Cs}/u;

/** False for text holding a lone surrogate, which no database or file can store. */
export const isWellFormed = (s: string) => !LONE_SURROGATE.test(s);
export const NOT_WELL_FORMED = 'must be valid Unicode (it holds a lone surrogate, \\ud800–\\udfff)';

export const text = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((s) => !CONTROL.test(s), 'must not contain control characters')
  .refine(isWellFormed, NOT_WELL_FORMED);

export const slug = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be 1–64 characters of a-z, 0-9 and -');

/**
 * Dates and instants are accepted from 1900 to 2999. Operational signals outside those years are
 * typing mistakes, and year 0, BC or five-digit years break date arithmetic and PostgreSQL (which
 * has no year 0): refused with this message rather than failing deep inside a query.
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2999-12-31';
const FIRST_MILLIS = Date.UTC(1900, 0, 1);
const END_MILLIS = Date.UTC(3000, 0, 1);
export const DATE_WINDOW = `between ${FIRST_DATE} and ${LAST_DATE}`;

/** Why a string is not an accepted calendar date, or null when it is one. */
export function calendarDateProblem(s: string): string | null {
  if (dayNumber(s) === null) return 'must be a real date written YYYY-MM-DD';
  if (s < FIRST_DATE || s > LAST_DATE) return `must be ${DATE_WINDOW}`;
  return null;
}

export const isCalendarDate = (s: string) => calendarDateProblem(s) === null;

export const calendarDate = z.string().superRefine((s, ctx) => {
  const problem = calendarDateProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

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
      errors.push(...recordsOfIssues(parsed.error.issues, index, '(record)').filter((e) => !named.has(e.field)));
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

export function batchSizeError(n: number, max = MAX_BATCH): RecordError[] {
  return n > max ? [{ index: max, field: '(batch)', message: `a batch holds at most ${max} records; got ${n}` }] : [];
}

export const INSTANT_FORMAT = 'must be ISO-8601 with an offset, e.g. 2026-03-01T09:30:00Z';

// The form senders nearly always use — 2026-03-01T09:30:00.000Z, 2026-03-01T10:30+01:00, every
// field in range — read without Luxon, whose fromISO took a fifth of page ingestion's CPU (three
// timestamps a page). Anything else (24:00, week dates, basic format…) still goes to Luxon: the
// two accept and refuse the same strings (test/unit/graphql/scalars.test.ts).
const COMMON_DATE_TIME =
  /^([1-9]\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** The instant of a COMMON_DATE_TIME match; null for a day the month does not have (Feb 30). */
function parseCommonDateTime(m: RegExpExecArray): { at: Date; offsetMinutes: number } | null {
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [1, 2, 3, 4, 5, 6, 9, 10].map((i) => Number(m[i] ?? 0));
  const millis = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls Feb 30 over to March 2: refused, as Luxon does.
  if (new Date(local).getUTCDate() !== day) return null;
  const offset = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return { at: new Date(local - offset * 60_000), offsetMinutes: offset };
}

function luxonInstant(value: string): { at: Date; offsetMinutes: number } | null {
  const dt = DateTime.fromISO(value, { setZone: true });
  return dt.isValid ? { at: dt.toJSDate(), offsetMinutes: dt.offset } : null;
}

/**
 * Reads an ISO-8601 timestamp WITH an offset (a timestamp without one is ambiguous across time
 * zones): the instant, or why not. Offsets beyond ±18:00 (real ones stop at ±14:00) and instants
 * outside the accepted years are refused.
 */
export function readInstant(value: string): Date | string {
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return INSTANT_FORMAT;
  const common = COMMON_DATE_TIME.exec(value);
  const read = common ? parseCommonDateTime(common) : luxonInstant(value);
  if (!read || Math.abs(read.offsetMinutes) > 18 * 60) return INSTANT_FORMAT;
  const t = read.at.getTime();
  if (!(t >= FIRST_MILLIS && t < END_MILLIS)) return `must be ${DATE_WINDOW}`;
  return read.at;
}

/**
 * An instant: a Date (GraphQL's DateTime scalar has parsed it) or an ISO-8601 string WITH an
 * offset (CSV, webhooks), read by readInstant.
 */
export const instant = z.union([z.date(), z.string()], { error: (iss) => (iss.input === undefined ? 'is required' : INSTANT_FORMAT) }).transform((v, ctx) => {
  const read = typeof v === 'string' ? readInstant(v) : v;
  if (typeof read === 'string') {
    ctx.addIssue({ code: 'custom', message: read });
    return z.NEVER;
  }
  return read;
});
