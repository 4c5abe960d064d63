import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import webhookExamples from '@octokit/webhooks-examples';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { webhookRoutes } from '../../server/webhooks/routes';
import { medianTimeToAcknowledge } from '../../server/signals/eventQueries';

const PD_SECRET = 'pd-test-secret';
const GH_SECRET = 'gh-test-secret';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/pagerduty');

/** A PagerDuty delivery exactly as the fixture file holds it, or changed by `edit`. */
function pagerDuty(name: string, edit?: (e: any) => void): string {
  const raw = fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8');
  if (!edit) return raw;
  const body = JSON.parse(raw);
  edit(body.event);
  return JSON.stringify(body);
}

/** GitHub's published example payloads for an event (npm @octokit/webhooks-examples). */
function github(event: string): any[] {
  const def = webhookExamples.find((d) => d.name === event);
  if (!def) throw new Error(`no examples for ${event}`);
  return structuredClone(def.examples);
}

const hmac = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');

const KPIS = `query($slug: String!, $range: DateRange!) { team(slug: $slug) { kpis(range: $range) {
  pages pageHours sleepPageHours sleepInterruptions deploys failedDeploys } } }`;
const MAP = `mutation($input: SourceMappingInput!) { setSourceMapping(input: $input) { source key team { slug } attributed } }`;
const UNROUTED = `{ unrouted { source key label kind count firstSeen lastSeen } }`;

describe.each(DB_KINDS)('webhooks on %s', (kind) => {
  let s: TestServer;
  const rows = async (table: string) => Number((await s.db(table).count('* as n').first())!.n);
  const counts = async () => [await rows('page_events'), await rows('deploy_events'), await rows('page_event_days'), await rows('webhook_inbox')];
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const kpis = async (slug: string, from: string, to: string) => (await ok(KPIS, { slug, range: { from, to } })).team.kpis;

  // The inbox's delivery id is left out of `body` (it counts up), kept as `delivery`.
  async function post(url: string, body: string, headers: Record<string, string>) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const { delivery, ...rest } = await res.json();
    return { status: res.status, body: rest, delivery: delivery as number | undefined };
  }
  const pd = (body: string, signature = `v1=${hmac(PD_SECRET, body)}`) =>
    post(`${s.url}/webhooks/pagerduty`, body, { 'x-pagerduty-signature': signature, 'x-webhook-id': randomUUID() });
  const gh = (event: string, payload: unknown, secret = GH_SECRET) => {
    const body = JSON.stringify(payload);
    return post(`${s.url}/webhooks/github`, body, { 'x-github-event': event, 'x-github-delivery': randomUUID(), 'x-hub-signature-256': `sha256=${hmac(secret, body)}` });
  };

  beforeAll(async () => {
    s = await startTestServer(kind, { pagerdutyWebhookSecret: PD_SECRET, githubWebhookSecret: GH_SECRET });
    await ok(`mutation { upsertTeams(input: [
      { slug: "payments", name: "Payments", timezone: "Europe/Berlin" },
      { slug: "core", name: "Core", timezone: "UTC" }]) { slug } }`);
  });
  afterAll(() => s?.close());

  it('answers 503 with the variable to set when a secret is not configured', async () => {
    const app = express().use(webhookRoutes(s.db, pino({ level: 'silent' }), {}));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const body = pagerDuty('incident.triggered');
      const res = await post(`${base}/webhooks/pagerduty`, body, { 'x-pagerduty-signature': `v1=${hmac(PD_SECRET, body)}` });
      expect(res).toMatchObject({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('PAGERDUTY_WEBHOOK_SECRET') } } });
      const gres = await post(`${base}/webhooks/github`, '{}', { 'x-github-event': 'ping' });
      expect(gres).toMatchObject({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('GITHUB_WEBHOOK_SECRET') } } });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses a missing or bad signature with 401 and stores nothing', async () => {
    const before = await counts();
    const body = pagerDuty('incident.triggered');
    const tampered = body.replace('"urgency": "high"', '"urgency": "low"');
    for (const signature of ['', `v1=${hmac('wrong secret', body)}`, `v1=${hmac(PD_SECRET, body)}`.slice(0, 40), `sha256=${hmac(PD_SECRET, body)}`]) {
      expect((await pd(body, signature)).status, signature).toBe(401);
    }
    expect((await pd(tampered, `v1=${hmac(PD_SECRET, body)}`)).status).toBe(401);
    const deployment = github('deployment_status')[0];
    expect((await gh('deployment_status', deployment, 'wrong secret')).status).toBe(401);
    const unsigned = await post(`${s.url}/webhooks/github`, JSON.stringify(deployment), { 'x-github-event': 'deployment_status' });
    expect(unsigned.status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('answers a signed delivery that is not JSON, or not an incident, with 400 and stores nothing', async () => {
    const before = await counts();
    expect((await pd('not json')).status).toBe(400);
    const broken = await pd(pagerDuty('incident.triggered', (e) => delete e.data.created_at));
    expect(broken).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('event.data.created_at') } } });
    const backwards = await pd(pagerDuty('incident.resolved', (e) => (e.occurred_at = '2026-03-09T20:00:00Z')));
    expect(backwards).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('resolvedAt must not be before triggeredAt') } } });
    // A PagerDuty service id of 300 characters cannot route anything: refused, naming the field.
    const longKey = await pd(pagerDuty('incident.triggered', (e) => (e.data.service.id = 'P'.repeat(300))));
    expect(longKey).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('event.data.service.id: must be at most 200 characters') } } });
    expect(await counts()).toEqual(before);
  });

  it('keeps an unrouted PagerDuty incident through its life, and attributes it when its service is mapped', async () => {
    const stored = (result: string) => ({ status: 202, body: { status: 'stored', kind: 'page', externalId: 'Q3HDRM7', team: null, routed: false, result }, delivery: expect.any(Number) });
    expect(await pd(pagerDuty('incident.triggered'))).toEqual(stored('inserted'));
    expect(await pd(pagerDuty('incident.acknowledged'))).toEqual(stored('updated'));
    expect(await pd(pagerDuty('incident.resolved'))).toEqual(stored('updated'));
    // Replays change nothing.
    expect(await pd(pagerDuty('incident.resolved'))).toEqual(stored('unchanged'));
    expect(await pd(pagerDuty('incident.triggered'))).toEqual(stored('unchanged'));
    expect(await pd(pagerDuty('incident.acknowledged', (e) => (e.occurred_at = '2026-03-09T21:50:00Z')))).toEqual(stored('unchanged'));
    // Other event types are acknowledged and ignored.
    expect(await pd(pagerDuty('incident.annotated'))).toEqual({ status: 202, body: { status: 'ignored', reason: 'event type incident.annotated does not change a page' }, delivery: undefined });

    expect((await ok(UNROUTED)).unrouted).toEqual([
      { source: 'pagerduty', key: 'PSVCPAY', label: 'Payments API', kind: 'PAGE', count: 1, firstSeen: '2026-03-09T21:30:00.000Z', lastSeen: '2026-03-09T21:30:00.000Z' },
    ]);
    expect(await kpis('payments', '2026-03-09', '2026-03-10')).toMatchObject({ pages: 0, pageHours: 0 });

    expect((await ok(MAP, { input: { source: 'pagerduty', key: 'PSVCPAY', team: 'payments' } })).setSourceMapping)
      .toEqual({ source: 'pagerduty', key: 'PSVCPAY', team: { slug: 'payments' }, attributed: 1 });
    expect((await ok(UNROUTED)).unrouted).toEqual([]);
    // 22:30 to 00:30 in Berlin: 1.5 sleep hours on the 9th, 0.5 on the 10th; it woke someone.
    expect(await kpis('payments', '2026-03-09', '2026-03-10')).toEqual({ pages: 1, pageHours: 2, sleepPageHours: 2, sleepInterruptions: 1, deploys: 0, failedDeploys: 0 });
    expect(await kpis('payments', '2026-03-09', '2026-03-09')).toMatchObject({ pages: 1, pageHours: 1.5 });
    const id = (await s.db('teams').select('id').where({ slug: 'payments' }).first()).id;
    // Acknowledged 12 minutes after it was created; the later acknowledgement replayed above did not move it.
    expect((await medianTimeToAcknowledge(s.db, [id], { from: '2026-03-09', to: '2026-03-09' })).get(id)).toEqual({ seconds: 720, count: 1 });

    // Mapped now: the next delivery goes straight to the team.
    expect(await pd(pagerDuty('incident.resolved'))).toEqual({ status: 202, body: { ...stored('unchanged').body, team: 'payments', routed: true }, delivery: expect.any(Number) });
  });

  it('reopens an incident (open pages count up to now, capped) until it resolves again', async () => {
    expect((await pd(pagerDuty('incident.reopened'))).body.result).toBe('updated');
    // Open since 22:30 on the 9th: the first 8 hours count, all of them sleep hours.
    expect(await kpis('payments', '2026-03-09', '2026-03-10')).toMatchObject({ pages: 1, pageHours: 8, sleepPageHours: 8 });
    expect((await pd(pagerDuty('incident.resolved', (e) => (e.occurred_at = '2026-03-10T00:00:00.000Z')))).body.result).toBe('updated');
    expect(await kpis('payments', '2026-03-09', '2026-03-10')).toMatchObject({ pages: 1, pageHours: 2.5, sleepPageHours: 2.5 });
  });

  it('routes by PagerDuty team id when the service has no mapping, a service mapping first', async () => {
    expect((await ok(MAP, { input: { source: 'pagerduty', key: 'PTEAMPY', team: 'core' } })).setSourceMapping.attributed).toBe(0);
    const other = await pd(pagerDuty('incident.triggered', (e) => {
      e.data.id = 'Q9OTHER';
      e.data.service.id = 'PSVCOTHER';
      e.data.service.summary = 'Ledger';
      e.data.urgency = 'low';
    }));
    expect(other.body).toMatchObject({ externalId: 'Q9OTHER', team: 'core', routed: true, result: 'inserted' });
    const page = await s.db('page_events').where({ external_id: 'Q9OTHER' }).first();
    expect(page).toMatchObject({ service: 'Ledger', urgency: 'LOW', routing_key: 'PSVCOTHER', resolved_at: null });
    // The incident on the mapped service stays with its service's team.
    expect((await pd(pagerDuty('incident.resolved', (e) => (e.occurred_at = '2026-03-10T00:00:00.000Z')))).body.team).toBe('payments');
  });

  it('keeps every PagerDuty assignee of an incident as its responders, an escalation adding to them (issue 20)', async () => {
    const responders = async () => (await s.db('page_events').where({ source: 'pagerduty', external_id: 'Q8RESP' }).first()).responders;
    const incident = (name: string, assignees: string[], occurredAt?: string) => pagerDuty(name, (e) => {
      e.data.id = 'Q8RESP';
      if (occurredAt) e.occurred_at = occurredAt;
      e.data.assignees = assignees.map((summary, i) => ({ id: `PUSR${i}`, type: 'user_reference', summary }));
    });
    // The fixture's own assignee: "On-call Engineer".
    expect((await pd(pagerDuty('incident.triggered', (e) => (e.data.id = 'Q8RESP')))).body.result).toBe('inserted');
    expect(await responders()).toEqual(['On-call Engineer']);
    // Escalated to the next level (PagerDuty unassigns the first): both carried the pager.
    expect((await pd(incident('incident.acknowledged', ['  Dana Ops ']))).body.result).toBe('updated');
    expect(await responders()).toEqual(['On-call Engineer', 'Dana Ops']);
    // A resolve that names nobody, or the same people again, keeps them; replays change nothing.
    expect((await pd(incident('incident.resolved', []))).body.result).toBe('updated');
    expect((await pd(incident('incident.resolved', ['Dana Ops', 'On-call Engineer']))).body.result).toBe('unchanged');
    expect(await responders()).toEqual(['On-call Engineer', 'Dana Ops']);
    // A payload without assignees at all, or with ones we cannot read, is still a page.
    expect((await pd(pagerDuty('incident.triggered', (e) => { e.data.id = 'Q8NOBODY'; delete e.data.assignees; }))).body.result).toBe('inserted');
    expect((await s.db('page_events').where({ external_id: 'Q8NOBODY' }).first()).responders).toEqual([]);
    const odd = await pd(pagerDuty('incident.triggered', (e) => {
      e.data.id = 'Q8ODD';
      e.data.assignees = [{ id: 'PUSR1', summary: 42 }, null, { id: 'PUSR2', summary: 'Half \ud800 name' }, { summary: ' Eve ' }];
    }));
    expect(odd.body.result).toBe('inserted');
    expect((await s.db('page_events').where({ external_id: 'Q8ODD' }).first()).responders).toEqual(['Eve']);
  });

  it('answers GitHub pings, stores deployment outcomes from the published examples, and attributes them by repository', async () => {
    const [ping] = github('ping');
    expect(await gh('ping', ping)).toEqual({ status: 200, body: { status: 'pong' }, delivery: undefined });
    expect((await gh('push', github('push')[0])).status).toBe(202);

    const [success, inProgress] = github('deployment_status');
    expect(success.deployment_status.state).toBe('success');
    expect(await gh('deployment_status', inProgress)).toEqual({ status: 202, body: { status: 'ignored', reason: 'deployment state in_progress is not final' }, delivery: undefined });
    const stored = { status: 'stored', kind: 'deploy', externalId: String(success.deployment.id), team: null, routed: false };
    expect(await gh('deployment_status', success)).toEqual({ status: 202, body: { ...stored, result: 'inserted' }, delivery: expect.any(Number) });
    expect(await gh('deployment_status', success)).toEqual({ status: 202, body: { ...stored, result: 'unchanged' }, delivery: expect.any(Number) });
    const staging = structuredClone(success);
    staging.deployment.id = 99;
    staging.deployment.environment = 'staging';
    expect((await gh('deployment_status', staging)).body.result).toBe('inserted');

    expect((await ok(UNROUTED)).unrouted).toEqual([
      { source: 'github', key: 'Codertocat/Hello-World', label: 'Hello-World', kind: 'DEPLOY', count: 2, firstSeen: '2019-05-15T15:20:55.000Z', lastSeen: '2019-05-15T15:20:55.000Z' },
    ]);
    expect((await ok(MAP, { input: { source: 'github', key: 'Codertocat/Hello-World', team: 'payments' } })).setSourceMapping.attributed).toBe(2);
    expect((await ok(UNROUTED)).unrouted).toEqual([]);
    // Only the production deploy counts, on its day in Berlin.
    expect(await kpis('payments', '2019-05-15', '2019-05-15')).toMatchObject({ deploys: 1, failedDeploys: 0 });

    const failure = structuredClone(success);
    failure.deployment_status.state = 'failure';
    failure.deployment_status.updated_at = '2019-05-15T15:40:00Z';
    expect((await gh('deployment_status', failure)).body).toMatchObject({ team: 'payments', routed: true, result: 'updated' });
    expect(await kpis('payments', '2019-05-15', '2019-05-15')).toMatchObject({ deploys: 1, failedDeploys: 1 });
    // A late delivery of the earlier success does not overwrite the newer failure.
    expect((await gh('deployment_status', success)).body.result).toBe('unchanged');
    expect(await kpis('payments', '2019-05-15', '2019-05-15')).toMatchObject({ deploys: 1, failedDeploys: 1 });
  });

  it('lists source mappings and refuses bad ones', async () => {
    const list = await ok(`{ sourceMappings { source key team { slug } } }`);
    expect(list.sourceMappings).toEqual([
      { source: 'github', key: 'Codertocat/Hello-World', team: { slug: 'payments' } },
      { source: 'pagerduty', key: 'PSVCPAY', team: { slug: 'payments' } },
      { source: 'pagerduty', key: 'PTEAMPY', team: { slug: 'core' } },
    ]);
    const bad = await s.gql(MAP, { input: { source: 'opsgenie', key: '', team: 'nobody' } });
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors[0].extensions.records.map((r: { field: string }) => r.field)).toEqual(['source', 'key']);
    const unknown = await s.gql(MAP, { input: { source: 'github', key: 'acme/x', team: 'nobody' } });
    expect(unknown.errors[0].extensions.records).toEqual([{ index: 0, field: 'team', message: 'no team with slug "nobody"' }]);
  });
});
