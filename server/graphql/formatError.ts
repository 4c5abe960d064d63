import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { currentRequestId } from '../http/requestId';

// Codes a client may see as they are; anything else is an internal error and is masked.
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'RATE_LIMITED',
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
    if (isConnectionError(original)) {
      log.warn({ err: original }, 'database unavailable');
      return { message: 'The database is unavailable; try again shortly.', path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    log.error({ err: original, path: formatted.path }, 'internal error in GraphQL operation');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: currentRequestId() } };
  };
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);

/** Errors that mean "the database is not reachable right now", as opposed to a bug. */
export function isConnectionError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const err = e as { code?: string; name?: string; message?: string; cause?: unknown };
  if (err.code && (CONNECTION_CODES.has(err.code) || err.code.startsWith('08'))) return true; // 08xxx: connection exception
  if (err.name === 'KnexTimeoutError') return true;
  if (/Connection terminated|Connection ended unexpectedly|connect ECONNREFUSED|Client has encountered a connection error/i.test(err.message ?? '')) return true;
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
