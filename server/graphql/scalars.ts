import { GraphQLScalarType, Kind } from 'graphql';
import { DateTime as LuxonDateTime } from 'luxon';
import { calendarDateProblem, INSTANT_FORMAT, readInstant } from '../core/fields';
import { BadInputError } from '../core/errors';
import { InvalidScalar } from '../core/invalidScalar';

/**
 * Input of a scalar: the parsed value, or an InvalidScalar that carries the reason. Not throwing
 * lets a batch report a bad date beside its records' other problems (core/invalidScalar.ts).
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
  const problem = typeof value === 'string' ? calendarDateProblem(value) : 'must be a real calendar date written YYYY-MM-DD';
  if (problem === null) return value as string;
  throw new BadInputError(`Date ${problem}; got ${JSON.stringify(value)}`);
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, read in the team’s own time zone; 1900-01-01 to 2999-12-31.',
  serialize: (v) => (typeof v === 'string' ? v : LuxonDateTime.fromJSDate(v as Date, { zone: 'UTC' }).toISODate()),
  parseValue: lenient(parseDate),
  parseLiteral: (ast) => lenient(parseDate)(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Offsets are required on input: a timestamp without one is ambiguous across time zones. */
export function parseDateTime(value: unknown): Date {
  const read = typeof value === 'string' ? readInstant(value) : INSTANT_FORMAT;
  if (typeof read !== 'string') return read;
  throw new BadInputError(`DateTime ${read}; got ${JSON.stringify(value)}`);
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO-8601 with an offset (output is always UTC, e.g. 2026-03-01T09:30:00.000Z); years 1900 to 2999.',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
  parseValue: lenient(parseDateTime),
  parseLiteral: (ast) => lenient(parseDateTime)(ast.kind === Kind.STRING ? ast.value : undefined),
});
