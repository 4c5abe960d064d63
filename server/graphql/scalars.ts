import { GraphQLScalarType, Kind } from 'graphql';
import { DateTime as LuxonDateTime } from 'luxon';
import { isCalendarDate } from '../validation/fields';
import { BadInputError } from './errors';

function parseDate(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw new BadInputError(`Date must be a real calendar date written YYYY-MM-DD; got ${JSON.stringify(value)}`);
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, read in the team’s own time zone.',
  serialize: (v) => (typeof v === 'string' ? v : LuxonDateTime.fromJSDate(v as Date, { zone: 'UTC' }).toISODate()),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Offsets are required on input: a timestamp without one is ambiguous across time zones. */
export function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && /(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const dt = LuxonDateTime.fromISO(value, { setZone: true });
    if (dt.isValid) return dt.toJSDate();
  }
  throw new BadInputError(`DateTime must be ISO-8601 with an offset, e.g. 2026-03-01T09:30:00Z; got ${JSON.stringify(value)}`);
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO-8601 with an offset (output is always UTC, e.g. 2026-03-01T09:30:00.000Z).',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
