import type { RequestHandler } from 'express';
import { sendError } from './errors';

/**
 * How deeply a JSON body may nest. Real payloads (GraphQL variables, PagerDuty and GitHub
 * deliveries) stay under 15 levels; far deeper ones overflow recursive code down the line —
 * JSON.stringify, GraphQL's coercion, PostgreSQL's jsonb — so they are refused before parsing.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN_ARRAY = 0x5b, OPEN_OBJECT = 0x7b, CLOSE_ARRAY = 0x5d, CLOSE_OBJECT = 0x7d;

/**
 * True when JSON text nests deeper than `max`. Reads the raw text once without parsing it:
 * brackets inside strings do not count. Text is read as its UTF-8 bytes, which never put these
 * ASCII bytes inside a multi-byte character, so bytes and characters give the same answer. One
 * loop over bytes: a GraphQL ingestion body is megabytes, read here before it is parsed.
 */
export function nestsDeeperThan(json: Uint8Array | string, max = MAX_JSON_DEPTH): boolean {
  const bytes = typeof json === 'string' ? Buffer.from(json, 'utf8') : json;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return false;
}

export const TOO_DEEP_MESSAGE = `The JSON nests more than ${MAX_JSON_DEPTH} levels deep; nothing was read.`;

/** body-parser's `verify`: a body nested too deeply is refused with 400 before it is parsed. */
export function verifyJsonDepth(_req: unknown, _res: unknown, body: Buffer): void {
  if (nestsDeeperThan(body)) throw Object.assign(new Error(TOO_DEEP_MESSAGE), { status: 400, expose: true });
}

/** The same limit for GraphQL over GET, whose variables and extensions are JSON in the query string. */
export const queryJsonDepth: RequestHandler = (req, res, next) => {
  for (const name of ['variables', 'extensions']) {
    const value = req.query[name];
    if (typeof value === 'string' && nestsDeeperThan(value)) {
      sendError(res, 400, 'BAD_REQUEST', `${name}: ${TOO_DEEP_MESSAGE}`);
      return;
    }
  }
  next();
};
