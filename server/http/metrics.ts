import { Router, type Request, type Response, type NextFunction } from 'express';
import client from 'prom-client';
import { registry } from '../core/metrics';
import type { Knex } from 'knex';
import type { ApolloServerPlugin } from '@apollo/server';

// The registry and the domain's counters: server/core/metrics.ts.
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
/** The API's route templates (server/http/*, server/webhooks/routes.ts, app.ts); other paths are not labels. */
const API_ROUTES = new Set([
  '/healthz', '/readyz', '/metrics', '/graphql', '/api/session', '/api/import', '/api/export.csv',
  '/webhooks/pagerduty', '/webhooks/github',
]);
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Route label: a route template, "(dashboard)" for the built client and its routes, else "other". */
export function routeOf(path: string, method: string): string {
  if (API_ROUTES.has(path)) return path;
  if (path.startsWith('/api/snapshots/')) return '/api/snapshots/:file';
  if ((method === 'GET' || method === 'HEAD') && !/^\/(api|graphql|webhooks)(\/|$)/.test(path)) return '(dashboard)';
  return 'other';
}

export function metricsMiddleware(req: Request, res: Response, next: NextFunction) {
  // Read once, on arrival: routers rewrite req.url while they run.
  const method = METHODS.has(req.method) ? req.method : 'other';
  const route = routeOf(req.path, req.method);
  const end = httpDuration.startTimer({ method, route });
  res.on('finish', () => {
    end();
    httpRequests.inc({ method, route, status: String(res.statusCode) });
  });
  next();
}

/**
 * The dashboard's own operations (client/graphql/ and client/pages/planning/operations.ts);
 * test/unit/http/metrics.test.ts keeps this list equal to theirs. Other names count as "other".
 */
export const KNOWN_OPERATIONS: ReadonlySet<string> = new Set([
  'Overview', 'OverviewSeries', 'Freshness', 'Viewer', 'Team', 'TeamSeries',
  'Unrouted', 'SourceMappings', 'SetSourceMapping', 'WebhookSources', 'Backfills',
  'Snapshots', 'SnapshotTeams', 'CreateSnapshot', 'Snapshot', 'SnapshotDiff',
  'PlanTeam', 'Plan', 'PlanSprints', 'SetGuardrail', 'AcceptPlan', 'DeleteSprint', 'SetHourSchedule',
  'SaveTeam', 'ArchiveTeam', 'GettingStarted', 'Tokens', 'CreateToken', 'RevokeToken',
  'Defaults', 'TeamLoadModel', 'SetLoadModel', 'SaveSprint',
  'TeamResponders', 'OrgPrivacy', 'SetOrgPrivacy',
  'NotificationChannels', 'NotificationDeliveries', 'CreateNotificationChannel', 'UpdateNotificationChannel',
  'DeleteNotificationChannel', 'SubscribeNotifications', 'UnsubscribeNotifications', 'SendTestNotification',
]);

/** Operation label: the name when it is one of the dashboard's, "(anonymous)" without one, else "other". */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return '(anonymous)';
  return KNOWN_OPERATIONS.has(name) ? name : 'other';
}

/** Apollo plugin: counts and times operations by name. */
const graphqlCacheHits = new client.Counter({
  name: 'headroom_graphql_cache_hits_total', help: 'GraphQL queries answered from the response cache, by name', labelNames: ['operation'], registers: [registry],
});

/** A query answered from the response cache (graphql/responseCache.ts), before Apollo and its plugins. */
export function countCachedOperation(name: string | null): void {
  const operation = operationLabel(name);
  graphqlOperations.inc({ operation, type: 'query', outcome: 'ok' });
  graphqlCacheHits.inc({ operation });
}

export const graphqlMetricsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    const started = process.hrtime.bigint();
    return {
      async willSendResponse(ctx) {
        const operation = operationLabel(ctx.operation?.name?.value ?? ctx.operationName);
        const type = ctx.operation?.operation ?? 'unknown';
        const outcome = ctx.errors?.length ? 'error' : 'ok';
        graphqlOperations.inc({ operation, type, outcome });
        graphqlDuration.observe({ operation, type }, Number(process.hrtime.bigint() - started) / 1e9);
      },
    };
  },
};

const pool = new client.Gauge({ name: 'headroom_db_pool_connections', help: 'Database pool connections by state', labelNames: ['state'], registers: [registry] });

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
