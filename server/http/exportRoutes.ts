import { Router, type Response } from 'express';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { createContext } from '../figures/context';
import { BadInputError, NotFoundError } from '../core/errors';
import { sendThrown } from './errors';
import { checkedRange } from '../core/dateRange';
import { documentOf, exportDocuments, requireSnapshot } from '../snapshots/service';
import { PEOPLE_COLUMNS, writeCsv, writeRows, type ExportKind } from '../snapshots/csv';
import { exportPeople } from '../snapshots/peopleExport';
import type { TeamDocument } from '../snapshots/document';
import { exportedDocument } from '../snapshots/exportJson';

function kindOf(q: unknown): ExportKind {
  if (q === undefined || q === 'teams') return 'teams';
  if (q === 'sprints') return 'sprints';
  // Snapshots freeze no per-person figures: frozen, they could not be hidden when the org decides to.
  if (q === 'people') throw new BadInputError('kind=people is for current figures (/api/export.csv?kind=people): snapshots hold no per-person figures');
  throw new BadInputError('kind must be teams or sprints (or people, for /api/export.csv)');
}

/** Sets the download headers and streams the CSV into the response. */
async function streamCsv(res: Response, filename: string, kind: ExportKind, batches: AsyncIterable<TeamDocument[]>) {
  res.status(200).type('text/csv; charset=utf-8').attachment(filename);
  await writeCsv(res, kind, batches);
  res.end();
}

/** An export that failed: before the first byte, the one error shape; mid-stream, a cut connection. */
function sendError(res: Response, log: Logger, e: unknown) {
  sendThrown(res, log, e, { internal: 'Internal server error' });
}

/** `teams=a,b`: one comma-separated list, or none (every team the viewer may see). */
function teamsOf(q: unknown): string[] | null {
  if (q === undefined || q === '') return null;
  if (typeof q === 'string') return q.split(',');
  throw new BadInputError('teams must be one comma-separated list of team slugs, e.g. teams=payments,search', [{ index: 0, field: 'teams', message: 'must be one comma-separated list' }]);
}

export function exportRoutes(db: Knex, log: Logger): Router {
  const router = Router();

  // GET /api/snapshots/:id.json — the stored document in its documented shape. .csv — its rows.
  router.get('/api/snapshots/:file', async (req, res) => {
    try {
      const m = /^(.+)\.(json|csv)$/.exec(req.params.file);
      if (!m) throw new NotFoundError('Ask for /api/snapshots/<id>.json or .csv');
      const ctx = createContext(db, log, res.locals.viewer);
      const row = await requireSnapshot(ctx, m[1], 'GET /api/snapshots/:file');
      if (m[2] === 'json') {
        res.status(200).type('application/json; charset=utf-8').attachment(`snapshot-${row.id}.json`).send(exportedDocument(row.document));
        return;
      }
      const kind = kindOf(req.query.kind);
      async function* once() {
        yield documentOf(row).teams;
      }
      await streamCsv(res, `snapshot-${row.id}${kind === 'sprints' ? '-sprints' : ''}.csv`, kind, once());
    } catch (e) {
      sendError(res, log, e);
    }
  });

  // GET /api/export.csv?from=&to=&teams=a,b&kind=teams|sprints|people — current figures, streamed.
  router.get('/api/export.csv', async (req, res) => {
    try {
      const range = checkedRange({ from: String(req.query.from ?? ''), to: String(req.query.to ?? '') });
      const slugs = teamsOf(req.query.teams);
      if (req.query.kind === 'people') {
        // Per-person figures only when asked for by name (kind=people), never in the other kinds.
        const rows = await exportPeople(() => createContext(db, log, res.locals.viewer), slugs, range);
        res.status(200).type('text/csv; charset=utf-8').attachment(`headroom-${range.from}-${range.to}-people.csv`);
        await writeRows(res, PEOPLE_COLUMNS, rows);
        res.end();
        return;
      }
      const kind = kindOf(req.query.kind);
      const batches = await exportDocuments(() => createContext(db, log, res.locals.viewer), slugs, range);
      await streamCsv(res, `headroom-${range.from}-${range.to}${kind === 'sprints' ? '-sprints' : ''}.csv`, kind, batches);
    } catch (e) {
      sendError(res, log, e);
    }
  });
  return router;
}
