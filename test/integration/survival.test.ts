import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startArgs } from '../../scripts/start-args';
import { freePort } from '../../scripts/free-port';

// The bundle `npm start` runs, with its heap flags (256 MB old space), on a database of its own:
// requests that once made the process run out of memory must be refused while it keeps answering.
const BUNDLE = path.resolve(import.meta.dirname, '../../dist/server.mjs');
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('the bundled server under hostile requests', () => {
  let child: ChildProcess;
  let output = '';
  let url: string;
  let dataDir: string;
  const dbName = `headroom_survive_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    expect(fs.existsSync(BUNDLE), 'dist/server.mjs is built by npm run build').toBe(true);
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-survive-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env = {
      PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HEADROOM_DATA_DIR: dataDir, LOG_LEVEL: 'warn',
      NODE_ENV: 'production', DATABASE_URL: ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`),
    };
    child = spawn(process.execPath, startArgs(), { cwd: path.dirname(path.dirname(BUNDLE)), env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
      const poll = async () => {
        try {
          if ((await fetch(`${url}/healthz`)).ok) return resolve();
        } catch { /* not listening yet */ }
        setTimeout(poll, 200);
      };
      void poll();
    });
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  const post = (body: unknown) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('refuses a 2 MB query of 700,000 fields, sent without a token, with a 4xx naming the limit', async () => {
    const query = `{ ${'a '.repeat(700_000)}}`;
    const res = await post({ query });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = await res.json();
    expect(body.errors[0].message).toMatch(/at most [\d,]+/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(child.exitCode).toBeNull();
  });

  it('answers ten 5 MB variable payloads at once and keeps answering /healthz', async () => {
    const m = Array.from({ length: 30_000 }, (_, i) => ({ team: 'alpha', date: '2026-06-01', source: 'x'.repeat(100), alerts: i }));
    const body = { query: 'mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { received } }', variables: { m } };
    expect(JSON.stringify(body).length).toBeGreaterThan(4_500_000);
    const floods = Promise.all(Array.from({ length: 10 }, () => post(body).then(async (r) => ({ status: r.status, code: (await r.json()).errors?.[0]?.extensions?.code }))));
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    for (const r of await floods) expect(r).toEqual({ status: 413, code: 'BAD_USER_INPUT' });
    expect(child.exitCode).toBeNull();
  });

  it('publishes none of 30,000 made-up operation names on /metrics, and lives through the scrape', async () => {
    // 30,000 requests, each naming its own operation, over 20 keep-alive connections.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    const send = (name: string) => new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ query: `query ${name} { __typename }`, operationName: name });
      const req = http.request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume().on('end', resolve);
      });
      req.on('error', reject).end(body);
    });
    let next = 0;
    await Promise.all(Array.from({ length: 20 }, async () => {
      while (next < 30_000) await send(`Flood${next++}_${'x'.repeat(40)}`);
    }));
    agent.destroy();
    const scrape = await fetch(`${url}/metrics`);
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    expect(text).not.toContain('Flood');
    expect(text).toContain('operation="other"');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(child.exitCode).toBeNull();
  }, 600_000);
});
