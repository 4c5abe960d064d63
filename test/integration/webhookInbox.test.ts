import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { pino } from 'pino';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { drainInbox, KEEP_DONE_DAYS, pruneInbox } from '../../server/webhooks/inbox';

const PD_SECRET = 'pd-inbox-secret';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/pagerduty');
const log = pino({ level: 'silent' });

/** A documented PagerDuty delivery (test/fixtures/pagerduty), for incident `id`, optionally at another instant. */
function pagerDuty(name: string, id: string, occurredAt?: string): string {
  const body = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
  body.event.data.id = id;
  if (occurredAt) body.event.occurred_at = occurredAt;
  return JSON.stringify(body);
}

describe.each(DB_KINDS)('webhook inbox and event order on %s', (kind) => {
  let s: TestServer;
  const pd = async (body: string) => {
    const res = await fetch(`${s.url}/webhooks/pagerduty`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pagerduty-signature': `v1=${createHmac('sha256', PD_SECRET).update(body).digest('hex')}` },
      body,
    });
    return { status: res.status, body: await res.json() };
  };
  const page = (id: string) => s.db('page_events').where({ source: 'pagerduty', external_id: id }).first();

  beforeAll(async () => {
    s = await startTestServer(kind, { pagerdutyWebhookSecret: PD_SECRET });
  });
  afterAll(() => s?.close());

  it('applies resolves and reopens in the order they occurred, whatever the order they arrive in', async () => {
    // The incident's life: resolved 23:30, reopened 23:45, resolved for good at 00:00.
    for (const [name, at] of [['incident.triggered'], ['incident.acknowledged'], ['incident.resolved'], ['incident.reopened'], ['incident.resolved', '2026-03-10T00:00:00.000Z']]) {
      expect((await pd(pagerDuty(name!, 'QORDER1', at))).status).toBe(202);
    }
    expect((await page('QORDER1')).resolved_at.toISOString()).toBe('2026-03-10T00:00:00.000Z');
    // PagerDuty retries: the old reopen and the old resolve arrive again, late.
    expect((await pd(pagerDuty('incident.reopened', 'QORDER1'))).body.result).toBe('unchanged');
    expect((await pd(pagerDuty('incident.resolved', 'QORDER1'))).body.result).toBe('unchanged');
    expect((await page('QORDER1')).resolved_at.toISOString()).toBe('2026-03-10T00:00:00.000Z');

    // Backwards from the start: the final resolve first, then the older reopen and resolve.
    await pd(pagerDuty('incident.resolved', 'QORDER2', '2026-03-10T00:00:00.000Z'));
    await pd(pagerDuty('incident.reopened', 'QORDER2'));
    await pd(pagerDuty('incident.resolved', 'QORDER2'));
    await pd(pagerDuty('incident.triggered', 'QORDER2'));
    expect((await page('QORDER2')).resolved_at.toISOString()).toBe('2026-03-10T00:00:00.000Z');
    // A later reopen still reopens.
    await pd(pagerDuty('incident.reopened', 'QORDER2', '2026-03-10T01:00:00.000Z'));
    expect((await page('QORDER2')).resolved_at).toBeNull();
  });

  it('keeps a delivery that fails while being applied, answers 202, and applies it once the fault is gone', async () => {
    // A fault the code cannot foresee (a bug, a broken trigger, a lost connection) while writing the page.
    await s.db.raw(`CREATE FUNCTION test_fault() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$ LANGUAGE plpgsql`);
    await s.db.raw('CREATE TRIGGER test_fault BEFORE INSERT OR UPDATE ON page_events FOR EACH ROW EXECUTE FUNCTION test_fault()');
    let delivery: number;
    try {
      const res = await pd(pagerDuty('incident.triggered', 'QFAULT1'));
      expect(res).toEqual({ status: 202, body: { status: 'queued', delivery: expect.any(Number), message: expect.stringContaining('retried') } });
      delivery = res.body.delivery;
      const row = await s.db('webhook_inbox').where({ id: delivery }).first();
      expect(row).toMatchObject({ sender: 'pagerduty', event: 'incident.triggered', state: 'pending', attempts: 1, last_error: expect.any(String) });
      expect(row.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
      expect(await page('QFAULT1')).toBeUndefined();
      // Not due yet: the worker's round leaves it for later.
      expect(await drainInbox(s.db, log)).toEqual({ done: 0, rejected: 0, pending: 0, busy: 0 });
    } finally {
      await s.db.raw('DROP TRIGGER test_fault ON page_events');
      await s.db.raw('DROP FUNCTION test_fault()');
    }
    // A replay applies it now; a second replay finds nothing left to do.
    expect(await drainInbox(s.db, log, { dueOnly: false })).toEqual({ done: 1, rejected: 0, pending: 0, busy: 0 });
    expect(await drainInbox(s.db, log, { dueOnly: false })).toEqual({ done: 0, rejected: 0, pending: 0, busy: 0 });
    expect(await page('QFAULT1')).toMatchObject({ triggered_at: new Date('2026-03-09T21:30:00Z'), team_id: null });
    expect(await s.db('webhook_inbox').where({ id: delivery! }).first()).toMatchObject({ state: 'done', attempts: 2, last_error: null, outcome: expect.objectContaining({ result: 'inserted' }) });
  });

  it(`removes deliveries applied more than ${KEEP_DONE_DAYS} days ago, and keeps rejected ones`, async () => {
    const old = new Date(Date.now() - (KEEP_DONE_DAYS + 1) * 86_400_000);
    const rows = await s.db('webhook_inbox')
      .insert([
        { sender: 'pagerduty', event: 'incident.triggered', payload: '{}', state: 'done', processed_at: old },
        { sender: 'pagerduty', event: 'incident.triggered', payload: '{}', state: 'rejected', processed_at: old },
        { sender: 'pagerduty', event: 'incident.triggered', payload: '{}', state: 'done', processed_at: new Date() },
      ])
      .returning('id');
    const ids = rows.map((r: { id: number }) => Number(r.id));
    expect(await pruneInbox(s.db)).toBe(1);
    expect((await s.db('webhook_inbox').whereIn('id', ids).orderBy('id').pluck('id')).map(Number)).toEqual(ids.slice(1));
  });

  it.runIf(kind === 'postgres')('the command line lists the inbox and replays a pending delivery', async () => {
    const [{ id }] = await s.db('webhook_inbox')
      .insert({ sender: 'pagerduty', event: 'incident.triggered', payload: pagerDuty('incident.triggered', 'QCLI1'), next_attempt_at: new Date(Date.now() + 3_600_000) })
      .returning('id');
    const { database } = (await s.db.raw('SELECT current_database() AS database')).rows[0];
    const admin = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const env = { ...process.env, DATABASE_URL: admin.replace(/\/[^/]*$/, `/${database}`) };
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile('npx', ['tsx', 'server/cli/main.ts', ...args], { env, timeout: 60_000 }, (e, stdout, stderr) => resolve({ code: e ? Number(e.code ?? 1) : 0, stdout: stdout + stderr })),
      );
    const list = await run(['inbox', 'list', '--state', 'pending']);
    expect(list.code, list.stdout).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^\\s*${id} pagerduty\\s+incident.triggered\\s+pending`, 'm'));
    const replay = await run(['inbox', 'replay']);
    expect(replay).toEqual({ code: 0, stdout: '1 applied, 0 rejected (see inbox list --state rejected), 0 still waiting (failing, or being applied by a running server).\n' });
    expect(await page('QCLI1')).toBeDefined();
  });
});
