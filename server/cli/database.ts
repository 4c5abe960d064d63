import type { Knex } from 'knex';
import { loadConfig, type Config } from '../config';
import { createDb, migrate } from '../db/index';
import { initEmbeddedDir } from '../db/embeddedInit';
import { acquireEmbeddedLock, EmbeddedDbBusyError } from '../db/embeddedLock';
import { CliError } from './command';

const ONE_PROCESS =
  'With the embedded PGlite database only one process may open the data folder at a time: stop the ' +
  'Headroom server (or the other command) using it and try again, or set DATABASE_URL to use PostgreSQL.';

/** Opens the database exactly as the server does (config, then migrations), runs `fn`, closes it. */
export async function withDatabase<T>(fn: (db: Knex, where: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const where = describeDatabase(config);
  let release = () => {};
  if (!config.databaseUrl) {
    try {
      release = acquireEmbeddedLock(config.dataDir);
    } catch (e) {
      if (e instanceof EmbeddedDbBusyError) throw new CliError(`${e.message} ${ONE_PROCESS}`);
      throw new CliError(`Could not open ${where}: ${(e as Error).message}`);
    }
    try {
      await initEmbeddedDir(config.dataDir);
    } catch (e) {
      release();
      throw new CliError((e as Error).message);
    }
  }
  const db = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 });
  try {
    try {
      await migrate(db);
    } catch (e) {
      const why = (e as Error).message;
      throw new CliError(config.databaseUrl ? `Could not open ${where}: ${why}` : `Could not open ${where}: ${why}. ${ONE_PROCESS}`);
    }
    return await fn(db, where);
  } finally {
    await db.destroy().catch(() => {});
    release();
  }
}

/** Where the data goes, for messages: never the password of a DATABASE_URL. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `the embedded database in ${config.dataDir}`;
  try {
    const u = new URL(config.databaseUrl);
    return `PostgreSQL database "${decodeURIComponent(u.pathname.slice(1)) || 'postgres'}" on ${u.host}`;
  } catch {
    return 'the PostgreSQL database of DATABASE_URL';
  }
}
