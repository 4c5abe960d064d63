import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { currentRequestId } from '../http/requestId';
import { DomainError, RateLimitedError } from '../core/errors';
import { BUSY_MESSAGE, DOWN_MESSAGE, isConnectionError, isPoolBusy, RETRY_AFTER } from '../core/databaseErrors';

// Codes a client may see as they are; anything else is an internal error and is masked.
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'RATE_LIMITED', 'SERVER_BUSY',
]);

/** The one place errors are mapped to codes: clients never see SQL or stack traces. */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // The domain's errors carry their code and records; everything else a client may see is GraphQL's own.
    const domain: Record<string, unknown> | undefined = original instanceof DomainError ? original.extensions : undefined;
    const code = (domain?.code ?? formatted.extensions?.code) as string | undefined;
    if (code && CLIENT_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = domain ?? formatted.extensions ?? {};
      if (code === 'BAD_USER_INPUT' && !(extensions.records as unknown[] | undefined)?.length) {
        const record = recordOfVariableError(formatted.message);
        if (record) extensions.records = [record];
      }
      return { ...formatted, extensions };
    }
    if (isPoolBusy(original)) {
      log.warn('database pool busy: every connection in use past the acquire timeout');
      return { message: BUSY_MESSAGE, path: formatted.path, extensions: { code: 'SERVER_BUSY' } };
    }
    if (isConnectionError(original)) {
      log.warn({ err: original }, 'database unavailable');
      return { message: DOWN_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    log.error({ err: original, path: formatted.path }, 'internal error in GraphQL operation');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: currentRequestId() } };
  };
}

/** The error the GraphQL context throws when it cannot reach the database or get a connection. */
export function unavailableError(e: unknown): GraphQLError | null {
  if (isPoolBusy(e)) return new GraphQLError(BUSY_MESSAGE, { extensions: { code: 'SERVER_BUSY', http: { status: 503, headers: new Map([['retry-after', RETRY_AFTER.busy]]) } } });
  if (isConnectionError(e)) return new GraphQLError(DOWN_MESSAGE, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new Map([['retry-after', RETRY_AFTER.down]]) } } });
  return null;
}

/**
 * Apollo answers 200 when a resolver fails; a request that failed because the pool was full or the
 * database was down is answered 503 with Retry-After instead, so clients and proxies retry it, and
 * one refused by the ingestion rate limit 429 with its Retry-After.
 */
export const unavailableStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ errors, response }) {
        const originals = (errors ?? []).map((e) => unwrapResolverError(e));
        const kind = originals.some(isPoolBusy) ? 'busy' : originals.some(isConnectionError) ? 'down' : null;
        if (!kind) {
          const limited = originals.find((e) => e instanceof RateLimitedError);
          if (limited) {
            response.http.status = 429;
            response.http.headers.set('retry-after', String(limited.retryAfter));
          }
          return;
        }
        response.http.status = 503;
        response.http.headers.set('retry-after', RETRY_AFTER[kind]);
      },
    };
  },
};

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
