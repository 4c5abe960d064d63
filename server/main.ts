import { createServer, type RequestListener, type Server } from 'node:http';
import { loadConfig, ConfigError } from './config';
import { createLogger } from './logger';
import { createDb, migrate } from './db/index';
import { initEmbeddedDir } from './db/embeddedInit';
import { createApp } from './app';
import { seedDemo, isEmpty } from './demo/seed';
import { bootstrapAdminToken } from './auth/service';
import { acquireEmbeddedLock } from './db/embeddedLock';
import { startNotifier } from './notifications/scheduler';

// config → port → database → migrations → app → first admin token; nothing else.
// Exit codes: 2 a configuration mistake, 1 any other failure to start.
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  const url = `http://${config.host}:${config.port}`;
  // The port is taken first: a busy one ends the start at once, before a database is opened or
  // migrated (which can take a while) and before any sign-in link is printed. Until the app is
  // ready, every request is answered 503 "starting".
  let handler: RequestListener = starting;
  let server: Server;
  try {
    server = await listen((req, res) => handler(req, res), config.port, config.host);
  } catch (e) {
    console.error(`Headroom failed to start: ${listenProblem(e as NodeJS.ErrnoException, config.port, config.host)}`);
    process.exit(1);
  }
  const embedded = !config.databaseUrl;
  // PGlite does not refuse a second process on the same folder; this lock does (exits with its message).
  const release = embedded ? acquireEmbeddedLock(config.dataDir) : () => {};
  if (embedded) await initEmbeddedDir(config.dataDir);
  const db = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.databasePoolMax });
  await migrate(db);
  if (embedded && config.seedDemo && (await isEmpty(db))) {
    const seeded = await seedDemo(db);
    log.info(seeded, 'empty embedded database: loaded demo data');
  }
  let stopping = false;
  const { app, apollo } = await createApp(db, log, { ...config, draining: () => stopping });
  handler = app;
  log.info({ url, database: embedded ? `embedded (${config.dataDir})` : 'postgres', pid: process.pid }, 'Headroom is listening');
  // Only now, with the port ours: a sign-in link printed earlier could point at another program.
  await bootstrapAdminToken(db, { adminToken: config.adminToken, dataDir: config.dataDir, baseUrl: url, log });
  // Outgoing notifications (README "Notifications"): evaluated and sent from every instance.
  const notifier = config.notifyIntervalSeconds > 0 ? startNotifier(db, log, config.notifyIntervalSeconds) : null;

  // While draining, /readyz answers 503 (app.ts) and each response closes its connection, so load
  // balancers and keep-alive clients move to other instances.
  server.prependListener('request', (_req, res) => {
    if (stopping) res.setHeader('Connection', 'close');
  });
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: no new connections, finishing requests');
    // Stop accepting, let in-flight requests finish, then close the database.
    server.close(async () => {
      await apollo.stop();
      await notifier?.stop();
      await db.destroy();
      release();
      log.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      log.warn('requests still running after 10 s; exiting anyway');
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** The answer while the database is opened and migrated: not ready yet, come back shortly. */
const starting: RequestListener = (_req, res) => {
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1', connection: 'close' });
  res.end(JSON.stringify({ status: 'starting' }));
};

function listen(app: RequestListener, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** Why the port could not be taken, in terms of the settings that fix it. */
function listenProblem(e: NodeJS.ErrnoException, port: number, host: string): string {
  switch (e.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use (another Headroom, or another program): stop it or set PORT to a free port.`;
    case 'EACCES':
      return `not allowed to listen on port ${port} (ports below 1024 need privileges): set PORT to 1024 or above.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `HOST ${host} is not an address of this machine: set HOST to one (127.0.0.1, or 0.0.0.0 for every interface).`;
    default:
      return `cannot listen on ${host}:${port}: ${e.message}`;
  }
}

main().catch((e) => {
  console.error('Headroom failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
