import { Router, type Response } from 'express';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { DomainError } from '../core/errors';
import { sendDomainError, sendError, sendThrown } from './errors';
import { importCsv } from '../ingest/csvImport';
import { countIngested } from '../core/metrics';
import { CsvTooLargeError, MAX_CSV_BYTES } from '../ingest/csvRecords';
import { importKindOf, IMPORT_KIND_NAMES } from './importKinds';

const CSV_TYPES = ['text/csv', 'application/csv'];

/**
 * `POST /api/import?kind=daily|pages|deploys|teams|sprints`: a CSV file (header row of GraphQL field names) as
 * the request body, streamed into the database — never buffered whole. All or nothing, like a
 * GraphQL batch; errors list CSV line numbers (header = line 1) as `index`.
 */
export function importRoutes(db: Knex, log: Logger, { maxBytes = MAX_CSV_BYTES } = {}): Router {
  const router = Router();
  router.post('/api/import', async (req, res) => {
    // The kind's scope (ingest; admin for teams, plan for sprints) is checked in front of this
    // handler (server/http/auth.ts requireHttpScope), so a refused request is answered before its
    // body is read; importCsv checks it again, with the team limits, for every other caller.
    const name = typeof req.query.kind === 'string' ? req.query.kind : '';
    const csv = importKindOf(name);
    if (!csv) return sendError(res, 400, 'BAD_USER_INPUT', `Query parameter kind must be one of ${IMPORT_KIND_NAMES.join(', ')}; got ${JSON.stringify(req.query.kind ?? null)}.`, []);
    if (!req.is(CSV_TYPES)) return sendError(res, 415, 'BAD_USER_INPUT', `Send the file as Content-Type: text/csv (UTF-8); got ${JSON.stringify(req.get('content-type') ?? null)}.`, []);
    const charset = /charset=([^;\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.replace(/"/g, '').toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') return sendError(res, 415, 'BAD_USER_INPUT', `CSV files must be UTF-8; got charset ${charset}.`, []);
    if (Number(req.get('content-length') ?? 0) > maxBytes) return tooLarge(res, new CsvTooLargeError(maxBytes));

    try {
      const result = await importCsv(db, csv, req, res.locals.viewer, { maxBytes });
      req.log?.info({ kind: name, ...result }, 'CSV import');
      countIngested(csv.kind.noun, result.received);
      res.json(result);
    } catch (e) {
      if (e instanceof CsvTooLargeError) return tooLarge(res, e);
      if (e instanceof DomainError) return sendDomainError(res, e);
      // Only a body that never finished is an abort: once it was read whole (req.destroyed is then
      // true as well, by autoDestroy), the client waits for an answer.
      if (req.readableAborted) return log.warn({ err: e, kind: name }, 'CSV import aborted by the client; nothing was imported');
      sendThrown(res, log, e, { unavailable: 'The database is unavailable; try again shortly. Nothing was imported.', internal: 'Internal server error; nothing was imported.' });
    }
  });
  return router;
}

// The rest of the body is not read: close the connection rather than drain megabytes.
function tooLarge(res: Response, e: CsvTooLargeError) {
  res.set('Connection', 'close');
  sendError(res, 413, 'BAD_USER_INPUT', e.message, []);
}
