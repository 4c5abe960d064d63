import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { isConnectionError } from '../graphql/formatError';

/**
 * The last Express handler: body-parser's 413/400 and anything unexpected become a JSON error
 * with a code; internals (stack traces, SQL) are logged with the request id, never sent.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (isConnectionError(err)) {
      // The database is down (e.g. while a request's token was being looked up): the client may retry.
      log.warn({ err, reqId: req.id }, 'database unavailable');
      if (res.headersSent) return void res.destroy();
      res.status(503).set('Retry-After', '5').json({ error: { code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable; try again shortly.' } });
      return;
    }
    const status = Number(err?.status ?? err?.statusCode) || 500;
    const code =
      status === 413 ? 'PAYLOAD_TOO_LARGE'
      : status === 400 ? 'BAD_REQUEST'
      : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE'
      : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    const message =
      status === 413 ? 'The request body is too large.'
      : status < 500 && err?.expose ? String(err.message)
      : status < 500 ? 'The request could not be read.'
      : `Internal server error (request ${String(req.id ?? '')}).`;
    if (status >= 500) log.error({ err, reqId: req.id }, 'unhandled error');
    if (res.headersSent) return void res.end();
    res.status(status).json({ error: { code, message, requestId: String(req.id) } });
  };
}
