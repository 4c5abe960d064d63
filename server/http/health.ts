import { Router } from 'express';
import type { Knex } from 'knex';
import { migrationsCurrent } from '../db/index';

export function healthRoutes(db: Knex): Router {
  const router = Router();
  // Liveness: the process answers. Never touches the database, so a DB outage does not restart us.
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Readiness: the database answers and every migration is applied.
  router.get('/readyz', async (_req, res) => {
    try {
      await db.raw('select 1');
      const current = await migrationsCurrent(db);
      res.status(current ? 200 : 503).json({ status: current ? 'ready' : 'migrations pending', database: 'up', migrations: current ? 'current' : 'pending' });
    } catch {
      res.status(503).json({ status: 'not ready', database: 'down' });
    }
  });
  return router;
}
