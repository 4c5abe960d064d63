import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { currentRequestId } from '../http/requestId';

// Codes a client may see as they are; anything else is an internal error and is masked.
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'RATE_LIMITED', 'SERVER_BUSY',
]);

/** The one place errors are mapped to codes: clients never see SQL or stack traces. */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (code && CLIENT_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      if (code === 'BAD_USER_INPUT' && !(extensions.records as unknown[] | undefined)?.length) {
        const record = recordOfVariableError(formatted.message);
        if (record) extensions.records = [record];
      }
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error);
    if (isPoolBusy(original)) {
      log.warn('database pool busy: every connection in use past the acquire timeout');
      return { message: BUSY_MESSAGE, path: formatted.path, extensions: { code: 'SERVER_BUSY' } };
    }
    if (isConnectionError(original)) {
      log.warn({ err: original }, 'database unavailable');
      return { message: 'The database is unavailable; try again shortly.', path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    log.error({ err: original, path: formatted.path }, 'internal error in GraphQL operation');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: currentRequestId() } };
  };
}

const BUSY_MESSAGE = 'The server is busy; retry in a few seconds.';
/** Seconds a client is asked to wait (Retry-After) when the pool is full or the database is down. */
const RETRY_AFTER = { busy: '2', down: '5' };

/**
 * A pool that stayed full past knex's acquire timeout: every connection is in use, so the server
 * is busy, not the database down (an unreachable database fails its connections first).
 */
export function isPoolBusy(e: unknown): boolean {
  const err = e as { name?: string; message?: string } | null;
  return err?.name === 'KnexTimeoutError' && /acquiring a connection/i.test(err.message ?? '');
}

/** The error the GraphQL context throws when it cannot reach the database or get a connection. */
export function unavailableError(e: unknown): GraphQLError | null {
  if (isPoolBusy(e)) return new GraphQLError(BUSY_MESSAGE, { extensions: { code: 'SERVER_BUSY', http: { status: 503, headers: new Map([['retry-after', RETRY_AFTER.busy]]) } } });
  if (isConnectionError(e)) return new GraphQLError('The database is unavailable; try again shortly.', { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new Map([['retry-after', RETRY_AFTER.down]]) } } });
  return null;
}

/**
 * Apollo answers 200 when a resolver fails; a request that failed because the pool was full or the
 * database was down is answered 503 with Retry-After instead, so clients and proxies retry it.
 */
export const unavailableStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ errors, response }) {
        const originals = (errors ?? []).map((e) => unwrapResolverError(e));
        const kind = originals.some(isPoolBusy) ? 'busy' : originals.some(isConnectionError) ? 'down' : null;
        if (!kind) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', RETRY_AFTER[kind]);
      },
    };
  },
};

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

/**
 * GraphQL's own variable checks (a bad Date, an unknown field) say where in a message such as
 * 'Variable "$input" got invalid value … at "input[3].date"; …'. That place is turned into the
 * same { index, field, message } record the services give, so clients handle one shape.
 */
export function recordOfVariableError(message: string): { index: number; field: string; message: string } | null {
  const m = /^Variable "\$\w+" got invalid value .*? at "\w+(?:\[(\d+)\])?\.?([\w.[\]]*)"; (.*)$/s.exec(message);
  if (!m) return null;
  const unknownField = /Field "(\w+)" is not defined/.exec(m[3]);
  return { index: m[1] ? Number(m[1]) : 0, field: unknownField?.[1] ?? (m[2] || '(record)'), message: m[3] };
}
