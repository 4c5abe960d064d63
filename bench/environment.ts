import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { PGlite } from '@electric-sql/pglite';
import { migrationSource } from '../migrations/index';
import { createDb, migrate } from '../server/db/index';
import type { Dataset } from './dataset';
import { ServerProcess } from './server';
import { createPostgresDatabase, pgliteSql, postgresSql, type Sql } from './sql';

/**
 * Where a bench run keeps its data: a database of its own on the machine's PostgreSQL, or an
 * embedded PGlite folder. The server runs on it as a child process; the bench reads it directly
 * for the hand-written SQL (PGlite is single-process, so there the server is stopped first).
 */
export interface BenchEnvironment {
  mode: 'postgres' | 'embedded';
  adminToken: string;
  logFile: string;
  startServer(): Promise<ServerProcess>;
  /** A direct connection to the server's database (embedded: only while the server is stopped). */
  openSql(): Promise<Sql>;
  /**
   * Where the raw INSERT / COPY limits are measured: a second, empty database of the same engine
   * with the real migrations (the same tables, indexes, foreign keys and triggers) and the teams.
   */
  openRawSql(data: Dataset): Promise<Sql>;
  describe(): string;
  cleanup(keep: boolean): Promise<void>;
}

export async function createEnvironment(embedded: boolean, adminUrl: string, resultsDir: string, nodeEnv?: string): Promise<BenchEnvironment> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const adminToken = randomBytes(32).toString('hex');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const logFile = path.join(resultsDir, `server-${embedded ? 'embedded' : 'postgres'}-${stamp}.log`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bench-'));
  if (!embedded) {
    const db = await createPostgresDatabase(adminUrl);
    return {
      mode: 'postgres',
      adminToken,
      logFile,
      startServer: () => ServerProcess.start({ databaseUrl: db.url, dataDir, adminToken, logFile, nodeEnv }),
      openSql: () => postgresSql(db.url),
      async openRawSql(data) {
        const raw = await createPostgresDatabase(adminUrl, 'headroom_bench_raw');
        const knex = createDb({ databaseUrl: raw.url, poolMax: 1 });
        try {
          await migrate(knex);
          await insertTeams(knex, data);
        } finally {
          await knex.destroy();
        }
        const sql = await postgresSql(raw.url);
        return { ...sql, close: async () => { await sql.close(); await raw.drop(); } };
      },
      describe: () => `PostgreSQL database ${db.name}`,
      async cleanup(keep) {
        fs.rmSync(dataDir, { recursive: true, force: true });
        if (keep) console.log(`kept database: ${db.url}`);
        else await db.drop();
      },
    };
  }
  return {
    mode: 'embedded',
    adminToken,
    logFile,
    startServer: () => ServerProcess.start({ dataDir, adminToken, logFile, nodeEnv }),
    openSql: () => pgliteSql(path.join(dataDir, 'pgdata')),
    async openRawSql(data) {
      // A second, in-memory PGlite with the real migrations: the embedded engine's own limit.
      const pglite = new PGlite();
      const knex: Knex = knexFactory({ client: ClientPgLite as unknown as typeof knexFactory.Client, dialect: 'postgres', connection: () => ({ pglite }) as object } as Knex.Config);
      await knex.migrate.latest({ migrationSource });
      await insertTeams(knex, data);
      const sql = await pgliteSql(pglite);
      return { ...sql, close: () => knex.destroy() };
    },
    describe: () => `embedded PGlite in ${dataDir}`,
    async cleanup(keep) {
      if (keep) console.log(`kept data folder: ${dataDir}`);
      else fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function insertTeams(knex: Knex, data: Dataset) {
  return knex('teams').insert(data.teams.map((t) => ({ slug: t.slug, name: t.name, timezone: t.timezone, members: t.members, focus_hours_per_day: t.focusHoursPerDay })));
}
