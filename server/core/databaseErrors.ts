// When the database cannot answer: a full pool (the server is busy) or no connection (it is down).
// Both are told to the client as codes it may retry (SERVER_BUSY, SERVICE_UNAVAILABLE); the adapters
// map them (server/graphql/formatError.ts, server/http/errors.ts).

export const BUSY_MESSAGE = 'The server is busy; retry in a few seconds.';
export const DOWN_MESSAGE = 'The database is unavailable; try again shortly.';
/** Seconds a client is asked to wait (Retry-After) when the pool is full or the database is down. */
export const RETRY_AFTER = { busy: '2', down: '5' } as const;

/**
 * A pool that stayed full past knex's acquire timeout: every connection is in use, so the server
 * is busy, not the database down (an unreachable database fails its connections first).
 */
export function isPoolBusy(e: unknown): boolean {
  const err = e as { name?: string; message?: string } | null;
  return err?.name === 'KnexTimeoutError' && /acquiring a connection/i.test(err.message ?? '');
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);

/** Errors that mean "the database is not reachable right now", as opposed to a bug. */
export function isConnectionError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const err = e as { code?: string; name?: string; message?: string; cause?: unknown };
  if (err.code && (CONNECTION_CODES.has(err.code) || err.code.startsWith('08'))) return true; // 08xxx: connection exception
  // A full pool counts too (no connection now); callers that can answer "busy" check isPoolBusy first.
  if (err.name === 'KnexTimeoutError') return true;
  if (/Connection terminated|Connection ended unexpectedly|connect ECONNREFUSED|Client has encountered a connection error|Query read timeout|^timeout expired$/i.test(err.message ?? '')) return true;
  return err.cause !== undefined && err.cause !== e && isConnectionError(err.cause);
}
