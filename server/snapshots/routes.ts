import { Router, type Response } from 'express';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { createContext } from '../graphql/context';
import { GraphQLError } from 'graphql';
import { BadInputError } from '../graphql/errors';
import { isConnectionError } from '../graphql/formatError';
import { checkedRange } from '../kpi/service';
import { documentBatches, documentOf, requireSnapshot, selectTeams } from './service';
import { writeCsv, type ExportKind } from './csv';
import type { TeamDocument } from './document';
import { exportedDocument } from './exportJson';

function kindOf(q: unknown): ExportKind {
  if (q === undefined || q === 'teams') return 'teams';
  if (q === 'sprints') return 'sprints';
  throw new GraphQLError('kind must be teams or sprints', { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Sets the download headers and streams the CSV into the response. */
async function streamCsv(res: Response, filename: string, kind: ExportKind, batches: AsyncIterable<TeamDocument[]>) {
  res.status(200).type('text/csv; charset=utf-8').attachment(filename);
  await writeCsv(res, kind, batches);
  res.end();
}

function sendError(res: Response, log: Logger, e: unknown) {
  const unavailable = !(e instanceof GraphQLError) && isConnectionError(e);
  const code = e instanceof GraphQLError ? (e.extensions.code as string) : unavailable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
  const status = { BAD_USER_INPUT: 400, NOT_FOUND: 404, UNAUTHENTICATED: 401, FORBIDDEN: 403, SERVICE_UNAVAILABLE: 503 }[code] ?? 500;
  if (unavailable) log.warn({ err: e }, 'export: database unavailable');
  else if (status === 500) log.error({ err: e }, 'export failed');
  // Mid-stream the status line is gone: cutting the connection tells the client the file is incomplete.
  if (res.headersSent) return void res.destroy();
  if (unavailable) res.set('Retry-After', '5');
  const message = status === 500 ? 'Internal server error' : unavailable ? 'The database is unavailable; try again shortly.' : (e as Error).message;
  res.status(status).json({ error: { code, message, records: (e as GraphQLError).extensions?.records } });
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
      if (!m) throw new GraphQLError('Ask for /api/snapshots/<id>.json or .csv', { extensions: { code: 'NOT_FOUND' } });
      const ctx = createContext(db, log, res.locals.viewer);
      const row = await requireSnapshot(ctx, m[1]);
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

  // GET /api/export.csv?from=&to=&teams=a,b&kind=teams|sprints — current figures, streamed.
  router.get('/api/export.csv', async (req, res) => {
    try {
      const range = checkedRange({ from: String(req.query.from ?? ''), to: String(req.query.to ?? '') });
      const kind = kindOf(req.query.kind);
      const slugs = teamsOf(req.query.teams);
      const teams = await selectTeams(createContext(db, log, res.locals.viewer), slugs);
      const batches = documentBatches(() => createContext(db, log, res.locals.viewer), teams, range);
      await streamCsv(res, `headroom-${range.from}-${range.to}${kind === 'sprints' ? '-sprints' : ''}.csv`, kind, batches);
    } catch (e) {
      sendError(res, log, e);
    }
  });
  return router;
}
