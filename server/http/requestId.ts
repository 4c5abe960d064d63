import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

// An id given by a proxy in front (X-Request-Id) is kept so its logs and ours join up; anything
// else (too long, odd characters that could forge log lines) gets a random UUID, unique across
// instances and restarts, unlike a per-process counter.
const WELL_FORMED = /^[A-Za-z0-9._:+/=-]{1,128}$/;

const current = new AsyncLocalStorage<string>();

/** pino-http's genReqId: the request's id, echoed in the X-Request-Id response header. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && WELL_FORMED.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** After pino-http: the rest of the request runs with its id, so every log line carries it (logger.ts). */
export const withRequestId: RequestHandler = (req, _res, next) => current.run(String(req.id), next);

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return current.getStore();
}
