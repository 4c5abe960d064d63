import { Router, type Request, type Response, type NextFunction } from 'express';
import client from 'prom-client';
import type { Knex } from 'knex';
import type { ApolloServerPlugin } from '@apollo/server';

// One registry per process; every instance exposes its own /metrics for Prometheus to scrape.
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'headroom_' });

const httpRequests = new client.Counter({
  name: 'headroom_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [registry],
});
const httpDuration = new client.Histogram({
  name: 'headroom_http_request_duration_seconds', help: 'HTTP request latency by route', labelNames: ['method', 'route'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
});
const graphqlOperations = new client.Counter({
  name: 'headroom_graphql_operations_total', help: 'GraphQL operations by name, type and outcome', labelNames: ['operation', 'type', 'outcome'], registers: [registry],
});
const graphqlDuration = new client.Histogram({
  name: 'headroom_graphql_operation_duration_seconds', help: 'GraphQL operation latency by name', labelNames: ['operation', 'type'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
});
export const ingestedRecords = new client.Counter({
  name: 'headroom_ingested_records_total', help: 'Records written by ingestion, by kind and source', labelNames: ['kind', 'source'], registers: [registry],
});

/** Route label: the path with ids collapsed, so label cardinality stays bounded. */
function routeOf(req: Request): string {
  const p = req.path;
  if (p.startsWith('/api/snapshots/')) return '/api/snapshots/:file';
  if (p.startsWith('/assets/')) return '/assets/*';
  if (p.startsWith('/teams/') || p.startsWith('/snapshots/')) return '(client route)';
  return p.length > 40 ? '(other)' : p;
}

export function metricsMiddleware(req: Request, res: Response, next: NextFunction) {
  const end = httpDuration.startTimer({ method: req.method, route: routeOf(req) });
  res.on('finish', () => {
    end();
    httpRequests.inc({ method: req.method, route: routeOf(req), status: String(res.statusCode) });
  });
  next();
}

/** Apollo plugin: counts and times operations by name. */
export const graphqlMetricsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    const started = process.hrtime.bigint();
    return {
      async willSendResponse(ctx) {
        const operation = ctx.operationName ?? ctx.operation?.name?.value ?? '(anonymous)';
        const type = ctx.operation?.operation ?? 'unknown';
        const outcome = ctx.errors?.length ? 'error' : 'ok';
        graphqlOperations.inc({ operation, type, outcome });
        graphqlDuration.observe({ operation, type }, Number(process.hrtime.bigint() - started) / 1e9);
      },
    };
  },
};

const pool = new client.Gauge({ name: 'headroom_db_pool_connections', help: 'Database pool connections by state', labelNames: ['state'], registers: [registry] });

/** Counts written records per source (records without one were sent as "api"). */
export function countIngested(kind: string, records: unknown[]) {
  const bySource = new Map<string, number>();
  for (const r of records) {
    const source = typeof (r as { source?: unknown })?.source === 'string' ? (r as { source: string }).source : 'api';
    bySource.set(source, (bySource.get(source) ?? 0) + 1);
  }
  for (const [source, n] of bySource) ingestedRecords.inc({ kind, source }, n);
}

/** GET /metrics in Prometheus text format, with the database pool's usage read at scrape time. */
export function metricsRoutes(db: Knex): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const p = (db.client as { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number } }).pool;
    if (p) {
      pool.set({ state: 'used' }, p.numUsed());
      pool.set({ state: 'free' }, p.numFree());
      pool.set({ state: 'pending' }, p.numPendingAcquires());
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
