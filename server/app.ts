import express, { type Express } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { pinoHttp } from 'pino-http';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema } from './graphql/schema';
import { createContext, type Context } from './graphql/context';
import { compiledExecutorGateway } from './graphql/compiledExecutor';
import { formatError, unavailableError, unavailableStatusPlugin } from './graphql/formatError';
import { healthRoutes } from './http/health';
import { webhookRoutes, type WebhookSecrets } from './webhooks/routes';
import { WEBHOOK_SENDER_IDS } from './routing/senders';
import { startInboxWorker } from './webhooks/inbox';
import { exportRoutes } from './http/exportRoutes';
import { importRoutes } from './http/importRoute';
import cookieParser from 'cookie-parser';
import { GraphQLError } from 'graphql';
import { guardSchema } from './auth/guard';
import { requireHttpScope, sessionRoutes, viewerOf } from './http/auth';
import { HTTP_SCOPES } from './core/permissions';
import { importScopeOf } from './http/importKinds';
import helmet from 'helmet';
import { costLimitPlugin, largeBodyGate, MAX_TOKENS, queryLimits, requestLimits } from './graphql/limits';
import { createResponseCache } from './graphql/responseCache';
import { forgetTokensOf } from './auth/tokenCache';
import { graphqlMetricsPlugin, metricsMiddleware, metricsRoutes } from './http/metrics';
import { errorHandler } from './http/errors';
import { requestIdOf, withRequestId } from './http/requestId';
import { queryJsonDepth, verifyJsonDepth } from './http/jsonDepth';

export const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client');

export interface App {
  app: Express;
  apollo: ApolloServer<Context>;
}

/** What the app takes beside the database; a subset of Config, so main.ts passes its config. */
export interface AppOptions {
  pagerdutyWebhookSecret?: string;
  githubWebhookSecret?: string;
  /** HEADROOM_PUBLIC_READ: reads without a token. */
  publicRead?: boolean;
  /** HEADROOM_TRUST_PROXY: Express's `trust proxy` (req.secure and req.ip from X-Forwarded-*). */
  trustProxy?: boolean | number;
  /** True once the server is shutting down: /readyz answers 503 (server/main.ts). */
  draining?: () => boolean;
}

/** The Express app: middleware, GraphQL, health, the built client. Started by main.ts or tests. */
export async function createApp(db: Knex, log: Logger, opts: AppOptions = {}): Promise<App> {
  const publicRead = opts.publicRead ?? false;
  const responseCache = createResponseCache(db, (req) => viewerOf(db, req, publicRead));
  // Tokens are versioned org-wide: a change seen from anywhere (another instance's or the CLI's
  // revocation) makes this process look its known tokens up again.
  responseCache.feed.onChange((before, after) => {
    if (before && before.versions.get(0) !== after.versions.get(0)) forgetTokensOf(db);
  });
  const apollo = new ApolloServer<Context>({
    // Queries run compiled (graphql-jit), supplied through Apollo's gateway option: graphql/compiledExecutor.ts.
    gateway: compiledExecutorGateway(guardSchema(buildSchema())),
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    // No per-field cache hints: a result is cached whole until the data changes (graphql/responseCache.ts),
    // and the hint-collecting plugin would otherwise wrap every field of every response.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), responseCache.plugin, graphqlMetricsPlugin, unavailableStatusPlugin, costLimitPlugin(), inboxWorkerPlugin(db, log)],
    validationRules: [queryLimits()],
    stringifyResult: responseCache.stringifyResult,
    parseOptions: { maxTokens: MAX_TOKENS },
    // The schema is the documented public contract, so introspection stays on (README, "Security").
    introspection: true,
    // server/main.ts shuts down in order on SIGINT/SIGTERM (HTTP, then Apollo, then the database);
    // Apollo's own signal handlers would stop it first and leave that sequence waiting.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const webhookSecrets: WebhookSecrets = { pagerduty: opts.pagerdutyWebhookSecret, github: opts.githubWebhookSecret };
  // Which secrets are set (never the secrets) is all GraphQL learns of them: webhookSources reports it.
  const configuredWebhooks = new Set(WEBHOOK_SENDER_IDS.filter((s) => webhookSecrets[s]));

  const app = express();
  app.disable('x-powered-by');
  app.use(responseCache.noteResponses);
  app.set('trust proxy', opts.trustProxy ?? false);
  app.use(metricsMiddleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // recharts positions SVG with style attributes; no inline <style> or script is allowed.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // The dashboard may be served over plain HTTP on loopback; HSTS belongs to the TLS proxy.
      strictTransportSecurity: false,
    }),
  );
  app.use(
    pinoHttp({
      logger: log,
      genReqId: requestIdOf,
      // The line written when the response ends carries the id too (it may run outside withRequestId).
      customSuccessObject: (req, _res, line) => ({ ...line, reqId: req.id }),
      customErrorObject: (req, _res, _err, line) => ({ ...line, reqId: req.id }),
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );
  app.use(withRequestId);
  app.use(healthRoutes(db, opts.draining));
  app.use(metricsRoutes(db));
  // Webhooks read their raw body (signatures are over the exact bytes): before any JSON parser.
  app.use(webhookRoutes(db, log, webhookSecrets));
  app.use(cookieParser());
  app.use(sessionRoutes(db));
  // Scopes of the HTTP endpoints are declared in core/permissions.ts, beside GraphQL's.
  // The import's scope follows its kind (HTTP_SCOPES' ingest; teams admin, sprints plan); every import is rate-limited.
  app.use('/api/import', requireHttpScope(db, publicRead, (req) => importScopeOf(typeof req.query.kind === 'string' ? req.query.kind : ''), { rateLimited: true }));
  app.use('/api/export.csv', requireHttpScope(db, publicRead, HTTP_SCOPES['GET /api/export.csv']));
  app.use('/api/snapshots', requireHttpScope(db, publicRead, HTTP_SCOPES['GET /api/snapshots/:file']));
  app.use(exportRoutes(db, log));
  app.use(importRoutes(db, log));
  app.use(
    '/graphql',
    largeBodyGate(),
    queryJsonDepth,
    express.json({ limit: '5mb', verify: verifyJsonDepth }),
    requestLimits(),
    // Cached answers go out from here, after authentication, before Apollo (graphql/responseCache.ts).
    responseCache.serveCached,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const viewer =
          responseCache.viewerOf(res) ??
          (await viewerOf(db, req, publicRead).catch((e) => {
            throw unavailableError(e) ?? e;
          }));
        if (!viewer) {
          throw new GraphQLError('That token is unknown, revoked or expired.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        }
        return responseCache.track(createContext(db, log, viewer, { configuredWebhooks }), res);
      },
    }),
  );
  serveClient(app);
  app.use(errorHandler(log));
  return { app, apollo };
}

/**
 * Retries webhook deliveries left in the inbox for as long as the app runs: started with Apollo,
 * stopped with it (main.ts and the tests stop Apollo before closing the database).
 */
function inboxWorkerPlugin(db: Knex, log: Logger): ApolloServerPlugin<Context> {
  return {
    async serverWillStart() {
      const worker = startInboxWorker(db, log);
      return { serverWillStop: () => worker.stop() };
    },
  };
}

/** Files under /assets/ carry a content hash in their names: a new build gives new names. */
const HASHED = `${path.sep}assets${path.sep}`;

/**
 * Serves the Vite build, brotli or gzip as the browser accepts (precompressed by the build); unknown
 * non-API paths get index.html so client-side routes work. Hashed assets are cached for a year and
 * never revalidated; everything else (index.html, the favicon) is revalidated, so a new build is
 * seen at once.
 */
function serveClient(app: Express) {
  app.use(
    expressStaticGzip(CLIENT_DIST, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        setHeaders: (res, file) => {
          res.setHeader('Cache-Control', file.includes(HASHED) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      },
    }),
  );
  app.get(/^\/(?!graphql|api\/|webhooks\/|healthz|readyz|metrics).*/, (_req, res) => {
    const index = path.join(CLIENT_DIST, 'index.html');
    if (fs.existsSync(index)) res.setHeader('Cache-Control', 'no-cache').sendFile(index);
    else res.status(503).type('text').send('The dashboard is not built: run `npm run build`.');
  });
}
