import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { pinoHttp } from 'pino-http';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema } from './graphql/schema';
import { createContext, type Context } from './graphql/context';
import { formatError } from './graphql/formatError';
import { healthRoutes } from './http/health';

export const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client');

export interface App {
  app: Express;
  apollo: ApolloServer<Context>;
}

/** The Express app: middleware, GraphQL, health, the built client. Started by main.ts or tests. */
export async function createApp(db: Knex, log: Logger): Promise<App> {
  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(pinoHttp({ logger: log, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(healthRoutes(db));
  app.use(
    '/graphql',
    express.json({ limit: '5mb' }),
    expressMiddleware(apollo, { context: async () => createContext(db, log) }),
  );
  serveClient(app);
  return { app, apollo };
}

/** Serves the Vite build; unknown non-API paths get index.html so client-side routes work. */
function serveClient(app: Express) {
  app.use(express.static(CLIENT_DIST, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|api\/|webhooks\/|healthz|readyz|metrics).*/, (_req, res) => {
    const index = path.join(CLIENT_DIST, 'index.html');
    if (fs.existsSync(index)) res.sendFile(index);
    else res.status(503).type('text').send('The dashboard is not built: run `npm run build`.');
  });
}
