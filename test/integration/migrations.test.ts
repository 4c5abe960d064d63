import { describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Knex } from 'knex';
import { createDb, migrate } from '../../server/db/index';
import { migrationSource } from '../../migrations/index';
import { DB_KINDS, type DbKind } from './harness';

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** An empty PostgreSQL database of our own: its URL and how to drop it. */
async function createPgDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A knex on an empty database of the given kind, with no migration applied. */
async function emptyDb(kind: DbKind): Promise<{ db: Knex; close(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = createDb({});
    return { db, close: () => db.destroy() };
  }
  const database = await createPgDatabase('headroom_migr');
  const db = createDb({ databaseUrl: database.url });
  return { db, async close() { await db.destroy(); await database.drop(); } };
}

// Everything a migration can create in the database, read from pg_catalog the same way on both
// databases, each object by name and definition (never by oid or column number, which a re-creation
// changes). knex's own bookkeeping tables are left out: they stay when every migration is undone.
const CATALOG: Record<string, string> = {
  schemas: `SELECT nspname AS name FROM pg_namespace
             WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1`,
  extensions: `SELECT extname AS name, extversion FROM pg_extension ORDER BY 1`,
  relations: `SELECT c.relname AS name, c.relkind::text AS kind, c.relpersistence::text AS persistence,
                     c.relispartition AS partition, array_to_string(c.reloptions, ',') AS options,
                     array_to_string(c.relacl, ',') AS privileges, c.relrowsecurity AS row_security
                FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1`,
  // In column order, without the column numbers: a column dropped and added again gets a new one.
  columns: `SELECT c.relname AS name, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default,
                   a.attidentity::text AS identity, a.attgenerated::text AS generated, co.collname AS collation
              FROM pg_class c
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
              LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
             ORDER BY c.relname, a.attnum`,
  constraints: `SELECT COALESCE(c.relname, t.typname) AS name, k.conname, k.contype::text AS type,
                       pg_get_constraintdef(k.oid) AS definition, k.condeferrable AS deferrable
                  FROM pg_constraint k
                  LEFT JOIN pg_class c ON c.oid = k.conrelid
                  LEFT JOIN pg_type t ON t.oid = k.contypid
                 WHERE k.connamespace = 'public'::regnamespace ORDER BY 1, 2`,
  indexes: `SELECT tablename AS name, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`,
  views: `SELECT c.relname AS name, c.relkind::text AS kind, pg_get_viewdef(c.oid) AS definition
            FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('v', 'm') ORDER BY 1`,
  sequences: `SELECT c.relname AS name, format_type(s.seqtypid, NULL) AS type, s.seqstart, s.seqincrement,
                     s.seqmin, s.seqmax, s.seqcache, s.seqcycle, o.relname AS owned_by_table, a.attname AS owned_by_column
                FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid
                LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                     AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                LEFT JOIN pg_class o ON o.oid = d.refobjid
                LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
               WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1`,
  functions: `SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS arguments, p.prokind::text AS kind,
                     CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END AS definition
                FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1, 2`,
  triggers: `SELECT c.relname AS name, g.tgname, g.tgenabled::text AS enabled, pg_get_triggerdef(g.oid) AS definition
               FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
              WHERE c.relnamespace = 'public'::regnamespace AND NOT g.tgisinternal ORDER BY 1, 2`,
  rules: `SELECT tablename AS name, rulename, definition FROM pg_rules WHERE schemaname = 'public' ORDER BY 1, 2`,
  policies: `SELECT tablename AS name, policyname, cmd, qual, with_check FROM pg_policies WHERE schemaname = 'public' ORDER BY 1, 2`,
  types: `SELECT t.typname AS name, t.typtype::text AS type, pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base,
                 (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) AS labels
            FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace ORDER BY 1`,
  comments: `SELECT c.relname AS name, d.objsubid AS column, d.description
               FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid
              WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1, 2`,
};

// knex_migrations and knex_migrations_lock, their sequences, keys, row types and array types.
const KNEX_OWN = /^_?knex_migrations/;

type Catalog = Record<string, Record<string, unknown>[]>;

async function catalog(db: Knex): Promise<Catalog> {
  const out: Catalog = {};
  for (const [part, sql] of Object.entries(CATALOG)) {
    const { rows } = (await db.raw(sql)) as { rows: Record<string, unknown>[] };
    out[part] = rows.filter((r) => part === 'schemas' || part === 'extensions' || !KNEX_OWN.test(String(r.name)));
  }
  return out;
}

const tables = async (db: Knex) =>
  ((await db.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)) as { rows: { tablename: string }[] })
    .rows.map((r) => r.tablename);

describe('instances starting together on one empty PostgreSQL', () => {
  it('apply each migration once; every instance starts', async () => {
    const database = await createPgDatabase('headroom_migrate');
    const instances = Array.from({ length: 4 }, () => createDb({ databaseUrl: database.url, poolMax: 2 }));
    try {
      const results = await Promise.allSettled(instances.map((db) => migrate(db)));
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
      const applied = await instances[0]('knex_migrations').select('name').orderBy('id');
      expect(applied.map((r) => r.name)).toEqual(await migrationSource.getMigrations([]));
    } finally {
      await Promise.all(instances.map((db) => db.destroy()));
      await database.drop();
    }
  });
});

// Some forty migration steps and a catalog read after each: PGlite alone takes ~15 s on an idle machine.
const SLOW = { timeout: 180_000 };

describe.each(DB_KINDS)('every migration undone and redone on %s', (kind) => {
  it('each one, in turn: down restores the schema before it, up again the schema after it', SLOW, async () => {
    const { db, close } = await emptyDb(kind);
    try {
      const names = await migrationSource.getMigrations([]);
      let before = await catalog(db);
      for (const name of names) {
        const [, applied] = await db.migrate.up({ migrationSource });
        expect(applied).toEqual([name]);
        const after = await catalog(db);
        expect(after, `${name} changes the schema`).not.toEqual(before);
        const [, undone] = await db.migrate.down({ migrationSource });
        expect(undone).toEqual([name]);
        expect(await catalog(db), `schema after ${name} down`).toEqual(before);
        await db.migrate.up({ migrationSource });
        expect(await catalog(db), `schema after ${name} up again`).toEqual(after);
        before = after;
      }
    } finally {
      await close();
    }
  });

  it('all of them: down leaves only knex\'s own tables, up again gives the same schema', SLOW, async () => {
    const { db, close } = await emptyDb(kind);
    try {
      const empty = await catalog(db);
      await db.migrate.latest({ migrationSource });
      const first = await catalog(db);
      const [, undone] = await db.migrate.rollback({ migrationSource }, true);
      expect(undone).toEqual((await migrationSource.getMigrations([])).reverse());
      expect(await tables(db)).toEqual(['knex_migrations', 'knex_migrations_lock']);
      expect(await catalog(db)).toEqual(empty);
      await db.migrate.latest({ migrationSource });
      expect(await catalog(db)).toEqual(first);
    } finally {
      await close();
    }
  });
});
