import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Knex } from 'knex';
import { createDb, migrate } from '../../server/db/index';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { FAKE_KEY, rateLimited, startFakePagerDuty, type FakeAnswer } from './fakePagerDuty';
import { backfillPagerDuty } from '../../server/backfill/pagerduty';
import { PagerDutyApiError, PagerDutyAuthError, PagerDutyClient } from '../../server/backfill/pagerdutyClient';
import { createToken } from '../../server/auth/service';

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PD_SECRET = 'pd-test-secret';
const WEBHOOKS = path.resolve(import.meta.dirname, '../fixtures/pagerduty');
const MARCH = { since: '2026-03-01', until: '2026-03-31' };
const MAP = `mutation($input: SourceMappingInput!) { setSourceMapping(input: $input) { attributed } }`;
const KPIS = `query($slug: String!) { team(slug: $slug) { kpis(range: { from: "2026-03-01", to: "2026-03-31" }) { pages pageHours } } }`;

describe.each(DB_KINDS)('PagerDuty backfill on %s', (kind) => {
  let s: TestServer;
  let fake: Awaited<ReturnType<typeof startFakePagerDuty>>;
  let intercept: ((url: URL) => FakeAnswer | undefined) | undefined;
  const waits: number[] = [];
  const client = (apiKey = FAKE_KEY) => new PagerDutyClient({ apiKey, baseUrl: fake.url, sleep: async (ms) => void waits.push(ms) });
  const run = (opts: { limit?: number; apiKey?: string } = {}) =>
    backfillPagerDuty(s.db, MARCH, { client: client(opts.apiKey), limit: opts.limit ?? 2, now: () => new Date('2026-04-15T00:00:00Z') });
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const pages = () => s.db('page_events').orderBy('external_id').select('external_id', 'source', 'service', 'urgency', 'routing_key', 'alt_routing_keys', 'triggered_at', 'acknowledged_at', 'resolved_at');
  const teamOf = async (id: string) => (await s.db('page_events as p').leftJoin('teams as t', 't.id', 'p.team_id').where('p.external_id', id).first('t.slug'))?.slug ?? null;
  const count = async (table: string) => Number((await s.db(table).count('* as n').first())!.n);

  beforeAll(async () => {
    s = await startTestServer(kind, { pagerdutyWebhookSecret: PD_SECRET });
    await ok(`mutation { upsertTeams(input: [{ slug: "payments", name: "Payments", timezone: "Europe/Berlin" }, { slug: "search", name: "Search" }]) { slug } }`);
    fake = await startFakePagerDuty((url) => intercept?.(url));
  });
  afterAll(async () => {
    await fake?.close();
    await s?.close();
  });
  beforeEach(async () => {
    await s.db.raw('TRUNCATE page_events, backfill_runs, source_mappings CASCADE');
    intercept = undefined;
    waits.length = 0;
    fake.requests.length = 0;
  });

  it('reads every page of incidents with their log entries, and writes them as the webhook would', async () => {
    await ok(MAP, { input: { source: 'pagerduty', key: 'PSVCPAY', team: 'payments' } });
    const r = await run();
    expect(r).toMatchObject({ resumed: false, counts: { incidents: 5, inserted: 5, updated: 0, unchanged: 0, unrouted: 1, skipped: 0 } });
    // Classic pagination: offsets 0, 2, 4 of the first 30-day window, then the last day of the range.
    const listed = fake.requests.filter((q) => q.startsWith('/incidents?')).map((q) => new URL(q, 'http://x').searchParams);
    expect(listed.map((p) => [p.get('since'), p.get('offset'), p.get('limit'), p.get('time_zone')])).toEqual([
      ['2026-03-01T00:00:00.000Z', '0', '2', 'UTC'],
      ['2026-03-01T00:00:00.000Z', '2', '2', 'UTC'],
      ['2026-03-01T00:00:00.000Z', '4', '2', 'UTC'],
      ['2026-03-31T00:00:00.000Z', '0', '2', 'UTC'],
    ]);
    // A triggered incident whose status never changed has no acknowledge or resolve to look up.
    expect(fake.requests.filter((q) => q.includes('/log_entries')).map((q) => q.split('/')[2]).sort()).toEqual(['Q1PAYLOW', 'Q2SRCH03', 'Q3HDRM7', 'Q4PAYACK']);
    expect(await pages()).toEqual([
      { external_id: 'Q1PAYLOW', source: 'pagerduty', service: 'Payments API', urgency: 'LOW', routing_key: 'PSVCPAY', alt_routing_keys: ['PTEAMPY'],
        triggered_at: new Date('2026-03-02T10:00:00Z'), acknowledged_at: new Date('2026-03-02T10:05:00Z'), resolved_at: new Date('2026-03-02T10:45:00Z') },
      { external_id: 'Q2SRCH03', source: 'pagerduty', service: 'Search API', urgency: 'HIGH', routing_key: 'PSVCSRCH', alt_routing_keys: ['PTEAMSR'],
        triggered_at: new Date('2026-03-04T03:10:00Z'), acknowledged_at: new Date('2026-03-04T03:20:00Z'), resolved_at: new Date('2026-03-04T04:00:00Z') },
      { external_id: 'Q3HDRM7', source: 'pagerduty', service: 'Payments API', urgency: 'HIGH', routing_key: 'PSVCPAY', alt_routing_keys: ['PTEAMPY'],
        triggered_at: new Date('2026-03-09T21:30:00Z'), acknowledged_at: new Date('2026-03-09T21:42:00Z'), resolved_at: new Date('2026-03-09T23:30:00Z') },
      { external_id: 'Q4PAYACK', source: 'pagerduty', service: 'Payments API', urgency: 'HIGH', routing_key: 'PSVCPAY', alt_routing_keys: ['PTEAMPY'],
        triggered_at: new Date('2026-03-12T14:00:00Z'), acknowledged_at: new Date('2026-03-12T14:03:00Z'), resolved_at: null },
      { external_id: 'Q5PAYTRG', source: 'pagerduty', service: 'Payments API', urgency: 'HIGH', routing_key: 'PSVCPAY', alt_routing_keys: ['PTEAMPY'],
        triggered_at: new Date('2026-03-20T08:00:00Z'), acknowledged_at: null, resolved_at: null },
    ]);
    expect(await teamOf('Q3HDRM7')).toBe('payments');
    expect(await teamOf('Q2SRCH03')).toBeNull();
    const [row] = await s.db('backfill_runs').select('source', 'params', 'cursor', 'counts', 'finished_at');
    expect(row).toMatchObject({ source: 'pagerduty', params: { since: '2026-03-01', until: '2026-03-31', untilAt: '2026-04-01T00:00:00.000Z' }, cursor: null, counts: { incidents: 5, inserted: 5 } });
    expect(row.finished_at).toBeInstanceOf(Date);

    // Run again: a finished run is not resumed but read afresh, and nothing changes.
    expect((await run({ limit: 100 })).counts).toMatchObject({ incidents: 5, inserted: 0, updated: 0, unchanged: 5 });
    expect(await count('backfill_runs')).toBe(2);
  });

  it('waits as long as a 429 says (ratelimit-reset), then goes on', async () => {
    let limited = 0;
    intercept = (url) => (url.pathname === '/incidents' && url.searchParams.get('offset') === '2' && limited++ < 2 ? rateLimited : undefined);
    const r = await run();
    expect(r.counts).toMatchObject({ incidents: 5, inserted: 5 });
    expect(waits).toEqual([3000, 3000]);
    expect(fake.requests.filter((q) => q.startsWith('/incidents?') && q.includes('offset=2&'))).toHaveLength(3);
  });

  it('keeps what an interrupted run wrote, and the next run continues after it', async () => {
    intercept = (url) => (url.pathname === '/incidents' && url.searchParams.get('offset') === '2' ? { status: 503, body: { error: { message: 'Service Unavailable' } } } : undefined);
    await expect(run()).rejects.toThrow(PagerDutyApiError);
    expect((await pages()).map((p) => p.external_id)).toEqual(['Q1PAYLOW', 'Q2SRCH03']);
    const [stopped] = await s.db('backfill_runs').select('cursor', 'counts', 'finished_at');
    expect(stopped).toMatchObject({ cursor: { window: '2026-03-01T00:00:00.000Z', offset: 2 }, counts: { incidents: 2, inserted: 2 }, finished_at: null });

    intercept = undefined;
    fake.requests.length = 0;
    const r = await run();
    expect(r).toMatchObject({ resumed: true, counts: { incidents: 5, inserted: 5, unchanged: 0 } });
    // Nothing read twice: the first request asks for offset 2.
    expect(fake.requests.find((q) => q.startsWith('/incidents?'))).toContain('offset=2&');
    expect((await pages()).map((p) => p.external_id)).toEqual(['Q1PAYLOW', 'Q2SRCH03', 'Q3HDRM7', 'Q4PAYACK', 'Q5PAYTRG']);
    expect(await count('backfill_runs')).toBe(1);
  });

  it('makes one page of an incident that came by webhook and by backfill (and by CSV export)', async () => {
    const webhook = (name: string) => {
      const body = fs.readFileSync(path.join(WEBHOOKS, `${name}.json`), 'utf8');
      return fetch(`${s.url}/webhooks/pagerduty`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-id': randomUUID(), 'x-pagerduty-signature': `v1=${createHmac('sha256', PD_SECRET).update(body).digest('hex')}` },
        body,
      });
    };
    expect((await webhook('incident.triggered')).status).toBe(202);
    expect((await webhook('incident.acknowledged')).status).toBe(202);
    const r = await run({ limit: 100 });
    // Q3HDRM7 was stored by the webhook: the backfill resolves it, the other four are new.
    expect(r.counts).toMatchObject({ incidents: 5, inserted: 4, updated: 1 });
    expect(await s.db('page_events').where({ external_id: 'Q3HDRM7' }).select('source', 'acknowledged_at', 'resolved_at')).toEqual([
      { source: 'pagerduty', acknowledged_at: new Date('2026-03-09T21:42:00Z'), resolved_at: new Date('2026-03-09T23:30:00Z') },
    ]);
    // The webhook's own resolve, delivered late, changes nothing.
    expect(await (await webhook('incident.resolved')).json()).toMatchObject({ externalId: 'Q3HDRM7', result: 'unchanged' });
    // A later reopen by webhook is newer than what the backfill read: a re-run keeps it open.
    expect(await (await webhook('incident.reopened')).json()).toMatchObject({ result: 'updated' });
    expect((await run({ limit: 100 })).counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    expect((await s.db('page_events').where({ external_id: 'Q3HDRM7' }).first()).resolved_at).toBeNull();

    // PagerDuty's incident export of the same incident, imported as CSV: still that one page.
    const csv = fs.readFileSync(path.join(WEBHOOKS, 'incidents-export.csv'));
    const res = await fetch(`${s.url}/api/import?kind=pagerduty-incidents`, { method: 'POST', headers: { ...s.auth, 'content-type': 'text/csv' }, body: csv });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ received: 3 });
    expect(await s.db('page_events').where({ external_id: 'Q3HDRM7' }).select('resolved_at')).toEqual([{ resolved_at: null }]);
    expect(await count('page_events')).toBe(6);
  });

  it('brings who carried each incident: its assignees while open, the users who acknowledged or resolved it once resolved (issue 20)', async () => {
    const responders = async () => Object.fromEntries((await s.db('page_events').orderBy('external_id').select('external_id', 'responders')).map((r) => [r.external_id, r.responders]));
    await run({ limit: 100 });
    // Open ones from `assignments`; resolved ones (PagerDuty empties assignments) from their log entries' user agents.
    expect(await responders()).toEqual({
      Q1PAYLOW: ['On-call Engineer'], Q2SRCH03: ['Second Responder'], Q3HDRM7: ['On-call Engineer'], Q4PAYACK: ['On-call Engineer'], Q5PAYTRG: ['On-call Engineer'],
    });

    // Q3HDRM7 escalated: resolved by someone else than who acknowledged it; Q1PAYLOW resolved by its service (nobody's pager).
    const entries = (id: string) => JSON.parse(fs.readFileSync(path.join(WEBHOOKS, 'rest/log_entries', `${id}.json`), 'utf8'));
    const q3 = entries('Q3HDRM7');
    q3.find((e: any) => e.type === 'resolve_log_entry').agent = { id: 'PUSRDANA', type: 'user_reference', summary: 'Dana Ops' };
    const q1 = entries('Q1PAYLOW');
    q1.find((e: any) => e.type === 'resolve_log_entry').agent = { id: 'PSVCPAY', type: 'service_reference', summary: 'Payments API' };
    q1.find((e: any) => e.type === 'acknowledge_log_entry').agent = { id: 'PSVCPAY', type: 'service_reference', summary: 'Payments API' };
    const logs: Record<string, unknown[]> = { Q3HDRM7: q3, Q1PAYLOW: q1 };
    intercept = (url) => {
      const id = /^\/incidents\/(Q3HDRM7|Q1PAYLOW)\/log_entries$/.exec(url.pathname)?.[1];
      return id ? { status: 200, body: { log_entries: logs[id], limit: 100, offset: 0, total: null, more: false } } : undefined;
    };
    // A re-run adds to what was stored (the first backfill, or a webhook), never takes anyone away.
    expect((await run({ limit: 100 })).counts).toMatchObject({ updated: 1, unchanged: 4 });
    expect(await responders()).toMatchObject({ Q1PAYLOW: ['On-call Engineer'], Q3HDRM7: ['On-call Engineer', 'Dana Ops'] });

    // On an empty table the same answers: a service's auto-resolve names nobody.
    await s.db.raw('TRUNCATE page_events CASCADE');
    await run({ limit: 100 });
    expect(await responders()).toMatchObject({ Q1PAYLOW: [], Q3HDRM7: ['On-call Engineer', 'Dana Ops'] });
  });

  it('keeps unknown services unrouted, and attributes them when they are mapped', async () => {
    const r = await run({ limit: 100 });
    expect(r.counts).toMatchObject({ inserted: 5, unrouted: 5 });
    const { unrouted } = await ok('{ unrouted { source key label kind count } }');
    expect(unrouted).toEqual(expect.arrayContaining([
      { source: 'pagerduty', key: 'PSVCPAY', label: 'Payments API', kind: 'PAGE', count: 4 },
      { source: 'pagerduty', key: 'PSVCSRCH', label: 'Search API', kind: 'PAGE', count: 1 },
    ]));
    expect((await ok(MAP, { input: { source: 'pagerduty', key: 'PSVCSRCH', team: 'search' } })).setSourceMapping.attributed).toBe(1);
    // Routed by PagerDuty team id too, as the webhook routes: PTEAMPY takes the payments pages.
    expect((await ok(MAP, { input: { source: 'pagerduty', key: 'PTEAMPY', team: 'payments' } })).setSourceMapping.attributed).toBe(4);
    expect((await ok('{ unrouted { key } }')).unrouted).toEqual([]);
    expect((await ok(KPIS, { slug: 'search' })).team.kpis).toEqual({ pages: 1, pageHours: 0.83 });
    // A re-run keeps them with their teams.
    await run({ limit: 100 });
    expect(await teamOf('Q2SRCH03')).toBe('search');
    expect(await teamOf('Q1PAYLOW')).toBe('payments');
  });

  it('refuses a bad key with a clear error that does not show it, and writes nothing', async () => {
    const key = 'wrong-key-that-must-not-be-printed';
    const e = await run({ apiKey: key }).catch((x) => x);
    expect(e).toBeInstanceOf(PagerDutyAuthError);
    expect(e.message).toContain('PagerDuty refused the API key (401: Authentication failed)');
    expect(e.message).toContain('PAGERDUTY_API_KEY');
    expect(e.message).not.toContain(key);
    expect([await count('page_events'), await count('backfill_runs')]).toEqual([0, 0]);
    expect(fake.requests).toHaveLength(1);
  });

  it('imports PagerDuty’s incident export as pages, skipping its other columns, all or nothing', async () => {
    const post = (csv: string, auth = s.auth) =>
      fetch(`${s.url}/api/import?kind=pagerduty-incidents`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv });
    const bad = await post('id,incident_number,created_on,seconds_to_first_ack,urgency\nQ7,1,2026-03-02 10:00,,high\nQ8,2,,60,low\nQ9,3,2026-03-02T10:00:00Z,-5,low\n');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.records).toEqual([
      { index: 2, field: 'created_on', message: 'must be ISO-8601 with an offset, e.g. 2026-03-01T09:30:00Z' },
      { index: 3, field: 'created_on', message: 'is required (or created_at): when the incident was triggered' },
      { index: 4, field: 'seconds_to_first_ack', message: 'must be a number of seconds ≥ 0' },
    ]);
    expect(await count('page_events')).toBe(0);

    const good = await post(fs.readFileSync(path.join(WEBHOOKS, 'incidents-export.csv'), 'utf8'));
    expect(await good.json()).toMatchObject({ received: 3, inserted: 3, updated: 0 });
    expect(await s.db('page_events').where({ external_id: 'Q6LEDGER' }).first('service', 'routing_key', 'alt_routing_keys', 'acknowledged_at', 'resolved_at')).toEqual({
      service: 'Ledger', routing_key: 'PSVCLDG', alt_routing_keys: ['PTEAMPY'], acknowledged_at: new Date('2026-03-25T01:25:00Z'), resolved_at: new Date('2026-03-25T02:45:00Z'),
    });

    // Pages go to teams by mapping: a token limited to teams may not import them.
    const { token } = await createToken(s.db, { name: 'payments ci', scopes: ['ingest'], teams: ['payments'] });
    const limited = await post('id,created_on\nQ7,2026-03-02T10:00:00Z\n', { authorization: `Bearer ${token}` });
    expect(limited.status).toBe(403);
    expect(await count('page_events')).toBe(3);
  });

  it('refuses a range that is not one, naming the option', async () => {
    await expect(backfillPagerDuty(s.db, { since: '2026-02-30', until: null }, { client: client() })).rejects.toThrow('--since must be a real date written YYYY-MM-DD');
    await expect(backfillPagerDuty(s.db, { since: '2026-03-10', until: '2026-03-01' }, { client: client() })).rejects.toThrow('--until must not be before since (2026-03-10)');
    expect(fake.requests).toHaveLength(0);
  });
});

/** Runs the command line as a user would, in a child process; never throws on a non-zero exit. */
function headroom(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'server/cli/main.ts', ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('headroom backfill pagerduty (command line, PostgreSQL)', () => {
  const name = `headroom_test_pdcli_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-pdcli-'));
  let db: Knex;
  let fake: Awaited<ReturnType<typeof startFakePagerDuty>>;
  const env = (key: string) => ({ DATABASE_URL: url, HEADROOM_DATA_DIR: tmp, PAGERDUTY_API_KEY: key, PAGERDUTY_API_URL: fake.url });

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    db = createDb({ databaseUrl: url });
    await migrate(db);
    fake = await startFakePagerDuty();
  });
  afterAll(async () => {
    await fake?.close();
    await db?.destroy();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses a bad key without printing it (exit 1, nothing written), then backfills with a good one', { timeout: 240_000 }, async () => {
    const bad = await headroom(['backfill', 'pagerduty', '--since', '2026-03-01', '--until', '2026-03-31'], env('bad-key-never-printed'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('PagerDuty refused the API key (401: Authentication failed)');
    expect(bad.stderr + bad.stdout).not.toContain('bad-key-never-printed');
    expect(await db('backfill_runs').select('id')).toEqual([]);

    const missing = await headroom(['backfill', 'pagerduty', '--since', '2026-03-01'], { ...env(''), PAGERDUTY_API_KEY: '' });
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('PAGERDUTY_API_KEY is not set') });
    // Other sources' backfills are commands of their own: the message lists every one.
    const unknown = await headroom(['backfill', 'nosuch', '--since', '2026-03-01'], env(FAKE_KEY));
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/backfill needs a source: pagerduty, github, or jira; got "nosuch"/) });

    const ok = await headroom(['backfill', 'pagerduty', '--since', '2026-03-01', '--until', '2026-03-31'], env(FAKE_KEY));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Finished the PagerDuty backfill of 2026-03-01 to 2026-04-01T00:00:00.000Z into PostgreSQL database');
    expect(ok.stdout).toContain('5 incidents read; pages 5 inserted, 0 updated, 0 unchanged.');
    expect(ok.stdout).toContain('5 pages are unrouted: see `headroom mapping unrouted`');
    expect(ok.stdout + ok.stderr).not.toContain(FAKE_KEY);
  });
});
