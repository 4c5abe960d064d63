import { Router } from 'express';
import type { Knex } from 'knex';
import { migrationsCurrent } from '../db/index';

/** How long /readyz waits for the database before answering 503. */
export const READY_TIMEOUT_MS = 3_000;

export function healthRoutes(db: Knex, draining: () => boolean = () => false): Router {
  const router = Router();
  // Liveness: the process answers. Never touches the database, so a DB outage does not restart us.
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Readiness: not shutting down, the database answers within READY_TIMEOUT_MS, and every
  // migration is applied. A partitioned database never answers at all: the probe gives up rather
  // than wait with it.
  router.get('/readyz', async (_req, res) => {
    // Shutting down: take no new work, so the load balancer sends it elsewhere.
    if (draining()) return void res.status(503).json({ status: 'draining' });
    try {
      const current = await withTimeout(READY_TIMEOUT_MS, async () => {
        await db.raw('select 1');
        return migrationsCurrent(db);
      });
      res.status(current ? 200 : 503).json({ status: current ? 'ready' : 'migrations pending', database: 'up', migrations: current ? 'current' : 'pending' });
    } catch {
      res.status(503).json({ status: 'not ready', database: 'down' });
    }
  });
  return router;
}

function withTimeout<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work(), expired]).finally(() => clearTimeout(timer));
}
