// The domain's errors: what went wrong, with a code and (for input) the records at fault. They know
// no transport: the GraphQL adapter maps them in server/graphql/formatError.ts, HTTP in
// server/http/errors.ts. `extensions` is the code and records as both adapters (and tests) read them.

/** One problem with one input record: the index in the batch (or CSV line), the field, why. */
export interface RecordError {
  index: number;
  field: string;
  message: string;
}

/** The codes a client may see; each adapter maps them to its own statuses. */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE' | 'SERVER_BUSY';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    /** The records at fault (bad input, or refused by a team limit); empty when none apply. */
    public readonly records: RecordError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The code and records: bad input always lists its records, other errors only when there are some. */
  get extensions(): { code: ErrorCode; records?: RecordError[] } {
    return { code: this.code, ...(this.code === 'BAD_USER_INPUT' || this.records.length ? { records: this.records } : {}) };
  }
}

/** Bad input: every bad record is listed, and nothing of the batch was written. */
export class BadInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Sign in: send a bearer token or a session cookie.') {
    super(message);
  }
}

/** Not allowed for this token. `records` lists the refused records of a batch (index, field, why). */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** Too many requests for one token: retry after `retryAfter` seconds. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(public readonly retryAfter: number) {
    super(`Too many ingestion requests for this token; retry in ${retryAfter} s.`);
  }

  override get extensions(): { code: ErrorCode; retryAfter: number } {
    return { code: this.code, retryAfter: this.retryAfter };
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

/** Bad input of one value (index 0): "Invalid <what>: <field> <message>; …" with its records. */
export function invalidInput(what: string, records: RecordError[]): BadInputError {
  return new BadInputError(`Invalid ${what}: ${records.map((r) => `${r.field} ${r.message}`).join('; ')}`, records);
}

/**
 * The one glue between zod and the domain: each issue as a record error at `index`, its path as the
 * field (`fallback` when the issue is about the whole value).
 */
export function recordsOfIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], index: number, fallback = ''): RecordError[] {
  return issues.map((i) => ({ index, field: i.path.join('.') || fallback, message: i.message }));
}
