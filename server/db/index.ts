import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import ClientPgLite from 'knex-pglite';
import fs from 'node:fs';
import { migrationSource } from '../../migrations/index';
import { ensureDataDir } from '../dataDir';
import { embeddedPgDir } from './embeddedInit';

export type Db = Knex;

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Both drivers hand back the same JS shapes: calendar dates stay 'YYYY-MM-DD' strings
// (a Date would shift them through the server's time zone), counts and sums are numbers.
const asString = (v: string) => v;
const asNumber = (v: string) => Number(v);
pg.types.setTypeParser(DATE_OID, asString);
pg.types.setTypeParser(INT8_OID, asNumber);
pg.types.setTypeParser(NUMERIC_OID, asNumber);

export interface DbOptions {
  /** postgres://… ; when absent, an embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder for the embedded database; undefined with no databaseUrl means in-memory. */
  dataDir?: string;
  poolMax?: number;
  /** Overrides of DB_TIMEOUTS (tests use short ones). */
  timeouts?: Partial<DbTimeouts>;
}

export interface DbTimeouts {
  /** Opening a connection: a database that accepts TCP but never answers fails here. */
  connectMs: number;
  /** A statement: PostgreSQL cancels it (statement_timeout); pg gives up 1 s later if no answer comes at all. */
  statementMs: number;
  /** Waiting for a free pooled connection: past it the request is answered 503 SERVER_BUSY. */
  acquireMs: number;
}

// A partitioned database (packets dropped, nothing refused) would otherwise leave requests and
// /readyz waiting for ever on connections that never answer. The dashboard's reads take well
// under a second; migrations run without the statement limit (migrate() below).
export const DB_TIMEOUTS: DbTimeouts = { connectMs: 5_000, statementMs: 30_000, acquireMs: 10_000 };

/**
 * The embedded database's shared buffers. PGlite keeps them in its WebAssembly memory, resident
 * from the start and never given back: initdb's default of 128 MB was ~160 MB of a ~390 MB
 * first start, at issue 19's 400 MB limit. 64 MB still holds the demo's whole database (~40 MB on
 * disk); a page not in them is read from the folder through the OS page cache
 * (docs/performance.md, "the embedded first start").
 */
export const EMBEDDED_SHARED_BUFFERS = '64MB';

export function createDb(opts: DbOptions): Db {
  if (opts.databaseUrl) {
    const t = { ...DB_TIMEOUTS, ...opts.timeouts };
    return knexFactory({
      client: 'pg',
      connection: {
        connectionString: opts.databaseUrl,
        connectionTimeoutMillis: t.connectMs,
        statement_timeout: t.statementMs,
        query_timeout: t.statementMs + 1_000,
      },
      pool: { min: 0, max: opts.poolMax ?? 10 },
      acquireConnectionTimeout: t.acquireMs,
    });
  }
  let dir: string | undefined;
  if (opts.dataDir) {
    ensureDataDir(opts.dataDir);
    dir = embeddedPgDir(opts.dataDir);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  // startParams replaces PGlite's own server options (single-user mode, no parallel workers, …):
  // they are kept and one more added.
  const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  const pglite = new PGlite(dir, { startParams: [...defaults, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`] });
  // PGlite's constructor option for parsers is not honoured by every release; set them directly.
  Object.assign((pglite as unknown as { parsers: Record<number, unknown> }).parsers, {
    [DATE_OID]: asString,
    [INT8_OID]: asNumber,
    [NUMERIC_OID]: asNumber,
  });
  return knexFactory({
    client: ClientPgLite as unknown as typeof knexFactory.Client,
    dialect: 'postgres',
    connection: () => ({ pglite }) as object,
  } as Knex.Config);
}

/**
 * Applies every pending migration. Instances starting together are safe: one migrates while the
 * others wait and retry, then find nothing to do. knex's lock row turns them away while another
 * instance migrates (MigrationLocked), and on an empty database they also race to create knex's
 * own two tables; both are retried for up to 10 minutes, long enough for a rollup rebuild.
 * (No session-level advisory lock: that would not survive PgBouncer's transaction mode.)
 */
export async function migrate(db: Db, waitMs = 10 * 60_000): Promise<void> {
  const giveUpAt = Date.now() + waitMs;
  // A migration may rebuild a rollup for minutes: on PostgreSQL it runs on a connection of its own
  // without the statement limit of request traffic.
  const config = db.client.config as Knex.Config;
  const migrator = config.client === 'pg'
    ? knexFactory({ ...config, connection: { ...(config.connection as object), statement_timeout: 0, query_timeout: undefined } })
    : db;
  try {
    await migrateWith(migrator, giveUpAt);
  } finally {
    if (migrator !== db) await migrator.destroy();
  }
}

async function migrateWith(db: Db, giveUpAt: number): Promise<void> {
  for (;;) {
    try {
      await db.migrate.latest({ migrationSource });
      return;
    } catch (e) {
      const text = String(e);
      const otherInstance = /Migration table is already locked/.test(text)
        || (/create table "knex_migrations(_lock)?"/.test(text) && /already exists|duplicate key/.test(text));
      if (!otherInstance || Date.now() > giveUpAt) throw e;
      await new Promise((resolve) => setTimeout(resolve, 250 + Math.random() * 250));
    }
  }
}

/** True when no migration is pending: used by /readyz. */
export async function migrationsCurrent(db: Db): Promise<boolean> {
  const [, pending] = (await db.migrate.list({ migrationSource })) as [unknown[], unknown[]];
  return pending.length === 0;
}
