import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pg from 'pg';
import { pino } from 'pino';
import { createDb } from '../../server/db/index';
import { createApp } from '../../server/app';
import { createToken } from '../../server/auth/service';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

const OVERVIEW = `query($range: DateRange!) { overview(range: $range) { team { slug } kpis { alerts } } }`;
const RANGE = { range: { from: '2026-04-01', to: '2026-04-07' } };

async function overviewAt(url: string, token: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify({ query: OVERVIEW, variables: RANGE }) });
  const body = await res.json();
  if (body.errors) return { status: res.status, code: body.errors[0].extensions?.code as string };
  return { status: res.status, age: res.headers.get('age'), alerts: Object.fromEntries(body.data.overview.map((r: any) => [r.team.slug, r.kpis.alerts])) };
}

/** Asks until `ok` holds, for at most 3 s (a notification crosses between connections). */
async function eventually<T>(ask: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await ask();
  for (let i = 0; i < 60 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 50));
    v = await ask();
  }
  return v;
}

describe.each(DB_KINDS)('data versions kept in memory, on %s', (kind) => {
  let s: TestServer;
  const record = async (team: string, alerts: number) => {
    const res = await s.gql(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted updated } }`, { m: [{ team, date: '2026-04-02', alerts }] });
    expect(res.errors).toBeUndefined();
  };
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.gql(`mutation { upsertTeams(input: [{ slug: "web", name: "Web", members: 3 }, { slug: "data", name: "Data", members: 2 }]) { slug } }`);
    await record('web', 1);
    await record('data', 1);
  });
  afterAll(() => s?.close());

  it('answers the writer with its own write at once, and keeps the other team’s cached answer', async () => {
    const { token: dataOnly } = await createToken(s.db, { name: 'data reader', scopes: ['read'], teams: ['data'] });
    expect((await overviewAt(s.url, dataOnly)).alerts).toEqual({ data: 1 });
    expect((await overviewAt(s.url, s.adminToken)).alerts).toEqual({ web: 1, data: 1 });
    for (let n = 2; n <= 4; n++) {
      await record('web', n);
      expect((await overviewAt(s.url, s.adminToken)).alerts).toEqual({ web: n, data: 1 });
      const dataView = await overviewAt(s.url, dataOnly);
      expect(dataView).toMatchObject({ alerts: { data: 1 } });
      expect(dataView.age).not.toBeNull(); // served from the cache: the write was for "web"
    }
    // A hit of a known token sends no statement at all: the token and the counters are in memory.
    const sent: string[] = [];
    const note = (q: { sql: string }) => void sent.push(q.sql);
    s.db.on('query', note);
    try {
      expect((await overviewAt(s.url, dataOnly)).age).not.toBeNull();
      expect((await overviewAt(s.url, dataOnly)).age).not.toBeNull();
    } finally {
      s.db.removeListener('query', note);
    }
    expect(sent).toEqual([]);
  });

  it('sees a write made outside the app (the CLI, plain SQL) without a request of its own', async () => {
    await overviewAt(s.url, s.adminToken);
    if (kind === 'postgres') {
      const other = new pg.Client({ connectionString: (s.db.client.config.connection as { connectionString: string }).connectionString });
      await other.connect();
      try {
        await other.query(`UPDATE daily_metrics SET alerts = 40 WHERE team_id = (SELECT id FROM teams WHERE slug = 'web')`);
      } finally {
        await other.end();
      }
    } else {
      // PGlite has one connection: another statement on it, as the CLI would send in this process.
      await s.db.raw(`UPDATE daily_metrics SET alerts = 40 WHERE team_id = (SELECT id FROM teams WHERE slug = 'web')`);
    }
    const seen = await eventually(() => overviewAt(s.url, s.adminToken), (v) => v.alerts?.web === 40);
    expect(seen.alerts).toEqual({ web: 40, data: 1 });
  });

  it('rereads nothing after a computed query: reads change no counter', async () => {
    await record('data', 9);
    // The write's NOTIFY reaches the listening connection in its own time, and may make a later
    // request reread: wait until an answer comes from the cache (the feed has heard it).
    expect((await eventually(() => overviewAt(s.url, s.adminToken), (v) => v.age !== null)).age).not.toBeNull();
    // Computed without any write before it: only its reads went out.
    expect((await overviewAt(s.url, s.adminToken, { 'cache-control': 'no-cache' })).age).toBeNull();
    const sent: string[] = [];
    const note = (q: { sql: string }) => void sent.push(q.sql);
    s.db.on('query', note);
    try {
      expect((await overviewAt(s.url, s.adminToken)).age).not.toBeNull();
    } finally {
      s.db.removeListener('query', note);
    }
    expect(sent).toEqual([]);
  });
});

describe('two app instances on one PostgreSQL', () => {
  let s: TestServer;
  let second: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    s = await startTestServer('postgres');
    await s.gql(`mutation { upsertTeams(input: [{ slug: "web", name: "Web", members: 3 }]) { slug } }`);
    const db = createDb({ databaseUrl: (s.db.client.config.connection as { connectionString: string }).connectionString });
    const { app, apollo } = await createApp(db, pino({ level: 'silent' }));
    const server: Server = await new Promise((resolve) => {
      const h = app.listen(0, '127.0.0.1', () => resolve(h));
    });
    second = {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      async close() {
        await new Promise((r) => server.close(r));
        await apollo.stop();
        await db.destroy();
      },
    };
  });
  afterAll(async () => {
    await second?.close();
    await s?.close();
  });

  it('each serves the other’s writes, not a stale cached answer', async () => {
    for (let n = 1; n <= 3; n++) {
      const res = await s.gql(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted updated } }`, { m: [{ team: 'web', date: '2026-04-02', alerts: n }] });
      expect(res.errors).toBeUndefined();
      const seen = await eventually(() => overviewAt(second.url, s.adminToken), (v) => v.alerts?.web === n);
      expect(seen.alerts).toEqual({ web: n });
      // And the first instance, which wrote, at once.
      expect((await overviewAt(s.url, s.adminToken)).alerts).toEqual({ web: n });
    }
  });

  it('refuses a token revoked on the other instance as soon as it hears of it, well before the token cache’s 10 s', async () => {
    const { id, token } = await createToken(s.db, { name: 'revoked elsewhere', scopes: ['read'] });
    expect((await overviewAt(second.url, token)).status).toBe(200);
    expect((await overviewAt(second.url, token)).status).toBe(200);
    const started = Date.now();
    expect((await s.gql('mutation($id: ID!) { revokeToken(id: $id) }', { id })).data.revokeToken).toBe(true);
    const refused = await eventually(() => overviewAt(second.url, token), (v) => v.status === 401);
    expect(refused).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
