import { GraphQLError } from 'graphql';

/** One problem with one input record: the index in the batch (or CSV line), the field, why. */
export interface RecordError {
  index: number;
  field: string;
  message: string;
}

/** Bad input: every bad record is listed, and nothing of the batch was written. */
export class BadInputError extends GraphQLError {
  constructor(
    message: string,
    public readonly records: RecordError[] = [],
  ) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', records } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Sign in: send a bearer token or a session cookie.') {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

/** Not allowed for this token. `records` lists the refused records of a batch (index, field, why). */
export class ForbiddenError extends GraphQLError {
  constructor(
    message: string,
    public readonly records: RecordError[] = [],
  ) {
    super(message, { extensions: { code: 'FORBIDDEN', ...(records.length ? { records } : {}) } });
  }
}

export class UnavailableError extends GraphQLError {
  constructor(message = 'The database is unavailable; try again shortly.') {
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
}

/** Throws one BadInputError listing every record error, if there are any. */
export function throwIfBad(records: RecordError[], what: string): void {
  if (records.length === 0) return;
  const sorted = [...records].sort((a, b) => a.index - b.index || a.field.localeCompare(b.field));
  const bad = new Set(sorted.map((r) => r.index)).size;
  throw new BadInputError(
    `${bad} bad ${what} record${bad === 1 ? '' : 's'}; nothing was written. First: #${sorted[0].index} ${sorted[0].field}: ${sorted[0].message}`,
    sorted,
  );
}
