import type { RecordError } from './errors';

/**
 * A Date or DateTime value GraphQL could not read. The scalars return it instead of throwing, so a
 * bad date in record 3 does not stop the whole batch before its other records are checked: the
 * batch services report it beside every field rule, unknown team and duplicate key, in one answer.
 * Any other argument holding one is refused before its resolver runs (graphql/scalarErrors.ts).
 */
export class InvalidScalar {
  constructor(
    readonly message: string,
    readonly value: unknown,
  ) {}

  toString(): string {
    return '(invalid value)';
  }
}

/** The invalid scalars inside a value, each with its path ("range.from", "[2].date"). */
export function invalidScalarsIn(value: unknown, path = ''): { path: string; message: string }[] {
  // Nearly every value holds none: found without building a path or an array per field (a batch
  // of 5,000 records has 65,000 fields).
  return holdsInvalidScalar(value) ? withPaths(value, path) : [];
}

function holdsInvalidScalar(value: unknown): boolean {
  if (value instanceof InvalidScalar) return true;
  if (Array.isArray(value)) return value.some(holdsInvalidScalar);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const key in value) if (Object.hasOwn(value, key) && holdsInvalidScalar((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

function withPaths(value: unknown, path: string): { path: string; message: string }[] {
  if (value instanceof InvalidScalar) return [{ path, message: value.message }];
  if (Array.isArray(value)) return value.flatMap((v, i) => withPaths(v, `${path}[${i}]`));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => withPaths(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** The invalid scalars of one input record as record errors (its fields, at its index). */
export function scalarErrorsOf(record: unknown, index: number): RecordError[] {
  return invalidScalarsIn(record).map((e) => ({ index, field: e.path || '(record)', message: e.message }));
}
