import type { Server } from 'node:http';
import { loadConfig, ConfigError } from './config';
import { createLogger } from './logger';
import { createDb, migrate } from './db/index';
import { createApp } from './app';
import { seedDemo, isEmpty } from './demo/seed';
import { bootstrapAdminToken } from './auth/service';
import { acquireEmbeddedLock } from './db/embeddedLock';

// config → database → migrations → app.listen; nothing else.
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
  const embedded = !config.databaseUrl;
  // PGlite does not refuse a second process on the same folder; this lock does (exits with its message).
  const release = embedded ? acquireEmbeddedLock(config.dataDir) : () => {};
  const db = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.databasePoolMax });
  await migrate(db);
  if (embedded && config.seedDemo && (await isEmpty(db))) {
    const seeded = await seedDemo(db);
    log.info(seeded, 'empty embedded database: loaded demo data');
  }
  await bootstrapAdminToken(db, { adminToken: config.adminToken, dataDir: config.dataDir, baseUrl: `http://${config.host}:${config.port}`, log });
  const { app, apollo } = await createApp(db, log, config);
  const server: Server = app.listen(config.port, config.host, () => {
    log.info({ url: `http://${config.host}:${config.port}`, database: embedded ? `embedded (${config.dataDir})` : 'postgres' }, 'Headroom is listening');
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: no new connections, finishing requests');
    // Stop accepting, let in-flight requests finish, then close the database.
    server.close(async () => {
      await apollo.stop();
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

main().catch((e) => {
  console.error('Headroom failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
