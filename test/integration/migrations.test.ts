import { describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, migrate } from '../../server/db/index';
import { migrationSource } from '../../migrations/index';

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('instances starting together on one empty PostgreSQL', () => {
  it('apply each migration once; every instance starts', async () => {
    const name = `headroom_migrate_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const instances = Array.from({ length: 4 }, () => createDb({ databaseUrl: ADMIN_URL.replace(/\/[^/]*$/, `/${name}`), poolMax: 2 }));
    try {
      const results = await Promise.allSettled(instances.map((db) => migrate(db)));
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
      const applied = await instances[0]('knex_migrations').select('name').orderBy('id');
      expect(applied.map((r) => r.name)).toEqual(await migrationSource.getMigrations([]));
    } finally {
      await Promise.all(instances.map((db) => db.destroy()));
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
