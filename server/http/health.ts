import { Router } from 'express';
import type { Knex } from 'knex';
import { migrationsCurrent } from '../db/index';

export function healthRoutes(db: Knex, draining: () => boolean = () => false): Router {
  const router = Router();
  // Liveness: the process answers. Never touches the database, so a DB outage does not restart us.
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Readiness: not shutting down, the database answers and every migration is applied.
  router.get('/readyz', async (_req, res) => {
    // Shutting down: take no new work, so the load balancer sends it elsewhere.
    if (draining()) return void res.status(503).json({ status: 'draining' });
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
