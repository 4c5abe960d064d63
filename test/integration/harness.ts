import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import type { Knex } from 'knex';
import { createDb, migrate } from '../../server/db/index';
import { createApp, type AppOptions } from '../../server/app';
import { createToken } from '../../server/auth/service';

export type DbKind = 'postgres' | 'pglite';
export const DB_KINDS: DbKind[] = ['postgres', 'pglite'];

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestServer {
  url: string;
  db: Knex;
  /** An admin token; gql() sends it. */
  adminToken: string;
  /** Authorization header value for fetches of HTTP endpoints. */
  auth: { authorization: string };
  /** POSTs a GraphQL operation as admin and returns the parsed body (data and errors). */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; errors: any }>;
  /** Like gql, with another token (null: no token at all). */
  gqlAs<T = any>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<{ data: T; errors: any }>;
  close(): Promise<void>;
}

/** A fresh database of the given kind with the real migrations applied, served on a loopback port. */
export async function startTestServer(kind: DbKind, opts: AppOptions = {}): Promise<TestServer> {
  let dropDatabase = async () => {};
  let db: Knex;
  if (kind === 'postgres') {
    // One database of our own per test file, created and dropped here.
    const name = `headroom_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    db = createDb({ databaseUrl: ADMIN_URL.replace(/\/[^/]*$/, `/${name}`) });
    dropDatabase = async () => {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    db = createDb({});
  }
  await migrate(db);
  const { app, apollo } = await createApp(db, pino({ level: 'silent' }), opts);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  // Tests may pause longer than Node's 5 s keep-alive (seeding, a slow CI machine): a socket the
  // server closes just as fetch reuses it would fail the next request with ECONNRESET.
  server.keepAliveTimeout = 120_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { token: adminToken } = await createToken(db, { name: 'test admin', scopes: ['admin'] });
  const gqlAs = async (token: string | null, query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json();
  };
  return {
    url,
    db,
    adminToken,
    auth: { authorization: `Bearer ${adminToken}` },
    gql: (query, variables) => gqlAs(adminToken, query, variables),
    gqlAs,
    async close() {
      await new Promise((r) => server.close(r));
      await apollo.stop();
      await db.destroy();
      await dropDatabase();
    },
  };
}
