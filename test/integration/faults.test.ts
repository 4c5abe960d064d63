import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startTestServer, type TestServer } from './harness';
import { createDb, migrate } from '../../server/db/index';
import { serveBehindRelay } from './relay';

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('concurrent writers', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('postgres');
    await s.gql(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha" }, { slug: "beta", name: "Beta" }]) { slug } }`);
  });
  afterAll(() => s?.close());

  it('20 writers upserting overlapping keys in different orders end in the exact expected state', async () => {
    const days = Array.from({ length: 30 }, (_, i) => `2026-06-${String(i + 1).padStart(2, '0')}`);
    // Writer w sends every (team, day) with alerts = w, in its own shuffled order.
    const batches = Array.from({ length: 20 }, (_, w) => {
      const records = days.flatMap((date) => ['alpha', 'beta'].map((team) => ({ team, date, source: 'race', alerts: w })));
      return records.sort(() => (w % 2 ? 1 : -1) * (Math.random() - 0.3));
    });
    const results = await Promise.all(batches.map((m) => s.gql(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { received } }`, { m })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const rows = await s.db('daily_metrics').where({ source: 'race' }).select('team_id', 'date', 'alerts');
    expect(rows).toHaveLength(60); // no duplicates
    // Each key holds one writer's whole value — the last to commit — never a mix or a sum.
    expect(new Set(rows.map((r) => r.alerts)).size).toBeLessThanOrEqual(20);
    expect(rows.every((r) => Number.isInteger(r.alerts) && r.alerts >= 0 && r.alerts < 20)).toBe(true);
  });

  it('20 writers sending the same pages and deploys leave one row per key', async () => {
    const pages = Array.from({ length: 50 }, (_, i) => ({ source: 'pd', externalId: `P${i}`, team: i % 2 ? 'alpha' : 'beta', triggeredAt: '2026-06-02T03:00:00Z', resolvedAt: '2026-06-02T04:00:00Z' }));
    const results = await Promise.all(Array.from({ length: 20 }, (_, w) =>
      s.gql(`mutation($p: [PageInput!]!) { recordPages(input: $p) { received inserted updated unchanged } }`, { p: w % 2 ? [...pages].reverse() : pages })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(results.reduce((n, r) => n + r.data.recordPages.inserted, 0)).toBe(50);
    expect(Number((await s.db('page_events').where({ source: 'pd' }).count('* as n').first())!.n)).toBe(50);
  });
});

describe('PostgreSQL going away and coming back', () => {
  it('stays up, says not ready, fails fast with SERVICE_UNAVAILABLE, and recovers by itself', async () => {
    const { url, proxy, close, ...s } = await serveBehindRelay({ poolMax: 4 });
    const gql = async (query: string) => (await s.gql(query)).json();
    try {
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      expect((await gql('{ teams { slug } }')).data.teams).toEqual([]);

      await proxy.down();
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ database: 'down' });
      const started = Date.now();
      const res = await gql('{ teams { slug } }');
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(res.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(res)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);

      await proxy.up(proxy.port);
      let recovered = false;
      for (let i = 0; i < 40 && !recovered; i++) {
        recovered = (await fetch(`${url}/readyz`)).status === 200;
        if (!recovered) await new Promise((r) => setTimeout(r, 250));
      }
      expect(recovered).toBe(true);
      expect((await gql('{ teams { slug } }')).data.teams).toEqual([]);
    } finally {
      await close();
    }
  });
});


describe('a full pool', () => {
  it('answers 503 SERVER_BUSY with Retry-After, not "database unavailable", while PostgreSQL is healthy', async () => {
    const s = await serveBehindRelay({ poolMax: 1, timeouts: { acquireMs: 500 } }, { publicRead: true });
    try {
      // The one connection is held by a transaction, as by a long read.
      let finish!: () => void;
      const holding = s.db.transaction(async (trx) => {
        await trx.raw('select 1');
        await new Promise<void>((r) => (finish = r));
      });
      await new Promise((r) => setTimeout(r, 100));
      try {
        for (const res of [await s.gql('{ teams { slug } }'), await s.gql('{ teams { slug } }', null)]) {
          expect(res.status).toBe(503);
          expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
          const body = await res.json();
          expect(body.errors[0].extensions.code).toBe('SERVER_BUSY');
          expect(body.errors[0].message).toMatch(/busy/);
        }
      } finally {
        finish();
        await holding;
      }
      expect((await s.gql('{ teams { slug } }')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('PostgreSQL that stops answering (a partition: nothing refused, nothing answered)', () => {
  it('fails requests and /readyz within a bounded time, and recovers when it answers again', async () => {
    const s = await serveBehindRelay({ poolMax: 4, timeouts: { connectMs: 1_000, statementMs: 2_000, acquireMs: 3_000 } });
    try {
      expect((await s.get('/readyz')).status).toBe(200);
      expect((await s.gql('{ teams { slug } }')).status).toBe(200);

      s.proxy.blackHole();
      expect((await s.get('/healthz')).status).toBe(200);
      const ready = await s.get('/readyz');
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ database: 'down' });
      // Pooled connections (the query times out) and new ones (the connection times out) both fail.
      const results = await Promise.all(Array.from({ length: 6 }, () => s.gql('{ teams { slug } }')));
      for (const res of results) {
        const body = await res.json();
        expect({ status: res.status, body }).toMatchObject({ status: 503 });
        expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        expect(JSON.stringify(body)).not.toMatch(/timeout|127\.0\.0\.1/i);
      }

      s.proxy.heal();
      let recovered = false;
      for (let i = 0; i < 60 && !recovered; i++) {
        recovered = (await s.get('/readyz')).status === 200;
        if (!recovered) await new Promise((r) => setTimeout(r, 250));
      }
      expect(recovered).toBe(true);
      const after = await s.gql('{ teams { slug } }');
      expect(after.status).toBe(200);
      expect((await after.json()).data.teams).toEqual([]);
    } finally {
      await s.close();
    }
  }, 90_000);
});

describe('a process killed mid-batch', () => {
  it('leaves either the whole batch or none of it', async () => {
    const name = `headroom_kill_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    const db = createDb({ databaseUrl: url });
    try {
      await migrate(db);
      await db('teams').insert({ slug: 'alpha', name: 'Alpha' });
      // A child writes one committed batch of 10,000, then starts another and is killed during it.
      const script = `
        import { createDb } from './server/db/index';
        import { recordDailyMetrics } from './server/ingest/dailyMetrics';
        import { SYSTEM } from './server/core/viewer';
        const db = createDb({ databaseUrl: process.env.URL });
        const batch = (source) => Array.from({ length: 10000 }, (_, i) => ({ team: 'alpha', date: new Date(Date.UTC(2020, 0, 1) + i * 864e5).toISOString().slice(0, 10), source, alerts: 1 }));
        await recordDailyMetrics(db, batch('first'), SYSTEM);
        console.log('ACK first');
        for (let n = 0; ; n++) { await recordDailyMetrics(db, batch('loop' + n), SYSTEM); console.log('ACK loop' + n); }
      `;
      const child = spawn('npx', ['tsx', '--input-type=module', '-e', script], { env: { ...process.env, URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
      const acked: string[] = [];
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('child never acknowledged a batch')), 60_000);
        child.stdout.on('data', (d: Buffer) => {
          acked.push(...d.toString().split('\n').filter((l) => l.startsWith('ACK')).map((l) => l.slice(4)));
          // Kill right after the second acknowledgement, in the middle of the next batch.
          if (acked.length >= 2) { clearTimeout(timer); setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 150); }
        });
      });
      await new Promise((r) => child.on('exit', r));
      const rows: { source: string; n: number }[] = (await db('daily_metrics').select('source').count('* as n').groupBy('source')).map((r: any) => ({ source: r.source, n: Number(r.n) }));
      for (const source of acked) expect(rows.find((r) => r.source === source)?.n).toBe(10_000);
      for (const r of rows) expect(r.n).toBe(10_000); // no half batch of the killed one
    } finally {
      await db.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});
