import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { PGlite } from '@electric-sql/pglite';

/**
 * A direct connection to the benchmark's database, beside the server: the "physical limit"
 * figures (raw INSERT, COPY, hand-written SQL) run through it. PostgreSQL via pg, or an
 * in-process PGlite for --embedded.
 */
export interface Sql {
  kind: 'postgres' | 'pglite';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** One COPY table (columns) FROM STDIN in CSV format, fed the parts in order. */
  copyCsv(table: string, columns: string[], parts: string[]): Promise<void>;
  close(): Promise<void>;
}

// The server's type parsers: dates stay strings, bigint and numeric are numbers.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export async function postgresSql(url: string): Promise<Sql> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    kind: 'postgres',
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows;
    },
    async copyCsv(table, columns, parts) {
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
      await pipeline(Readable.from(parts), stream);
    },
    close: () => client.end(),
  };
}

export async function pgliteSql(dirOrInstance?: string | PGlite): Promise<Sql> {
  const db = dirOrInstance instanceof PGlite ? dirOrInstance : new PGlite(dirOrInstance);
  await db.waitReady;
  Object.assign((db as unknown as { parsers: Record<number, unknown> }).parsers, {
    [DATE_OID]: (v: string) => v, 20: (v: string) => Number(v), 1700: (v: string) => Number(v),
  });
  return {
    kind: 'pglite',
    async query(text, params) {
      return (await db.query(text, params as unknown[])).rows as never[];
    },
    async copyCsv(table, columns, parts) {
      await db.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob(parts) });
    },
    close: () => db.close(),
  };
}

/** A database of the bench's own on the machine's PostgreSQL, dropped by drop(). */
export async function createPostgresDatabase(adminUrl: string, prefix = 'headroom_bench'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** One CSV field: strings always quoted (so '' stays an empty string), null as an empty field. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return `"${v.replaceAll('"', '""')}"`;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
