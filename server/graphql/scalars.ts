import { GraphQLScalarType, Kind } from 'graphql';
import { DateTime as LuxonDateTime } from 'luxon';
import { isCalendarDate } from '../validation/fields';
import { BadInputError } from './errors';
import { InvalidScalar } from '../validation/invalidScalar';

/**
 * Input of a scalar: the parsed value, or an InvalidScalar that carries the reason. Not throwing
 * lets a batch report a bad date beside its records' other problems (validation/invalidScalar.ts).
 */
function lenient<T>(parse: (v: unknown) => T) {
  return (v: unknown): T | InvalidScalar => {
    try {
      return parse(v);
    } catch (e) {
      // "Date must be …" → "must be …": the record error names the field.
      return new InvalidScalar((e as Error).message.replace(/^(Date|DateTime) /, ''), v);
    }
  };
}

function parseDate(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw new BadInputError(`Date must be a real calendar date written YYYY-MM-DD; got ${JSON.stringify(value)}`);
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, read in the team’s own time zone.',
  serialize: (v) => (typeof v === 'string' ? v : LuxonDateTime.fromJSDate(v as Date, { zone: 'UTC' }).toISODate()),
  parseValue: lenient(parseDate),
  parseLiteral: (ast) => lenient(parseDate)(ast.kind === Kind.STRING ? ast.value : undefined),
});

// The form senders nearly always use — 2026-03-01T09:30:00.000Z, 2026-03-01T10:30+01:00, every
// field in range — read without Luxon, whose fromISO took a fifth of page ingestion's CPU (three
// timestamps a page). Anything else (24:00, week dates, basic format…) still goes to Luxon: the
// two accept and refuse the same strings (test/unit/graphql/scalars.test.ts).
const COMMON_DATE_TIME =
  /^([1-9]\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** The instant of a COMMON_DATE_TIME match; null for a day the month does not have (Feb 30). */
function parseCommonDateTime(m: RegExpExecArray): Date | null {
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [1, 2, 3, 4, 5, 6, 9, 10].map((i) => Number(m[i] ?? 0));
  const millis = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls Feb 30 over to March 2: refused, as Luxon does.
  if (new Date(local).getUTCDate() !== day) return null;
  const offset = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return new Date(local - offset * 60_000);
}

/** Offsets are required on input: a timestamp without one is ambiguous across time zones. */
export function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && /(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const common = COMMON_DATE_TIME.exec(value);
    const instant = common ? parseCommonDateTime(common) : luxonInstant(value);
    if (instant) return instant;
  }
  throw new BadInputError(`DateTime must be ISO-8601 with an offset, e.g. 2026-03-01T09:30:00Z; got ${JSON.stringify(value)}`);
}

function luxonInstant(value: string): Date | null {
  const dt = LuxonDateTime.fromISO(value, { setZone: true });
  return dt.isValid ? dt.toJSDate() : null;
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO-8601 with an offset (output is always UTC, e.g. 2026-03-01T09:30:00.000Z).',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
  parseValue: lenient(parseDateTime),
  parseLiteral: (ast) => lenient(parseDateTime)(ast.kind === Kind.STRING ? ast.value : undefined),
});
