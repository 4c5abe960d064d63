// The HTTP adapter's one error mapping. Every endpoint beside GraphQL answers an error in one JSON
// shape (README "HTTP errors"): { error: { code, message, records?, requestId } } — the codes are
// GraphQL's, records the same { index, field, message } list, requestId the X-Request-Id header.
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, type ErrorCode, type RecordError } from '../core/errors';
import { DOWN_MESSAGE, isConnectionError, RETRY_AFTER } from '../core/databaseErrors';
import { currentRequestId } from './requestId';

/** The HTTP status of each domain code. */
const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503, SERVER_BUSY: 503,
};

export interface HttpError {
  code: string;
  message: string;
  records?: RecordError[];
  requestId: string;
}

/** Answers `status` with the one error shape. */
export function sendError(res: Response, status: number, code: string, message: string, records?: RecordError[]): void {
  const requestId = String(res.req?.id ?? currentRequestId() ?? '');
  const error: HttpError = { code, message, ...(records ? { records } : {}), requestId };
  res.status(status).json({ error });
}

/** A domain error as its status and shape (Retry-After for a rate limit). */
export function sendDomainError(res: Response, e: DomainError): void {
  const { records, ...rest } = e.extensions as { records?: RecordError[]; retryAfter?: number };
  if (rest.retryAfter !== undefined) res.set('Retry-After', String(rest.retryAfter));
  sendError(res, STATUS[e.code], e.code, e.message, records);
}

/** How an endpoint words the two answers that are not the caller's fault. */
export interface Wording {
  unavailable?: string;
  internal?: string;
}

/**
 * Anything a handler threw: a domain error with its status, a database that cannot answer 503 with
 * Retry-After, anything else 500 (logged with the request id; internals never sent). Once the body
 * has started (a streamed export) the status line is gone: the connection is cut instead, so the
 * client knows the answer is incomplete.
 */
export function sendThrown(res: Response, log: Logger, e: unknown, wording: Wording = {}): void {
  const unavailable = !(e instanceof DomainError) && isConnectionError(e);
  const reqId = res.req?.id;
  if (unavailable) log.warn({ err: e, reqId }, 'database unavailable');
  else if (!(e instanceof DomainError)) log.error({ err: e, reqId }, 'request failed');
  if (res.headersSent) return void res.destroy();
  if (e instanceof DomainError) return sendDomainError(res, e);
  if (unavailable) {
    res.set('Retry-After', RETRY_AFTER.down);
    return sendError(res, 503, 'SERVICE_UNAVAILABLE', wording.unavailable ?? DOWN_MESSAGE);
  }
  sendError(res, 500, 'INTERNAL_SERVER_ERROR', wording.internal ?? `Internal server error (request ${String(reqId ?? '')}).`);
}

/**
 * The last Express handler: body-parser's 413/400, domain errors and anything unexpected become the
 * JSON error shape; internals (stack traces, SQL) are logged with the request id, never sent.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof DomainError || isConnectionError(err)) return sendThrown(res, log, err);
    const status = Number(err?.status ?? err?.statusCode) || 500;
    if (status >= 500) return sendThrown(res, log, err);
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
    const message = status === 413 ? 'The request body is too large.' : err?.expose ? String(err.message) : 'The request could not be read.';
    if (res.headersSent) return void res.end();
    sendError(res, status, code, message);
  };
}
