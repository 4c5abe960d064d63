import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHmac } from 'node:crypto';
import { startTestServer, type TestServer } from './harness';
import { createToken } from '../../server/auth/service';
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { applyDelivery, storeDelivery } from '../../server/webhooks/inbox';

const PD_SECRET = 'pd-sources-secret-0123456789abcdef0123';
const QUERY = `{ webhookSources { source name signals path envVar secretConfigured lastDeliveryAt pending failing rejected } }`;

const TRIGGERED = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/pagerduty/incident.triggered.json'), 'utf8');

describe('webhookSources on postgres: a server with the PagerDuty secret set and the GitHub one not', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('postgres', { pagerdutyWebhookSecret: PD_SECRET });
  });
  afterAll(() => s?.close());

  it('lists every sender with its path and variable, which secret is set (never the secret), and empty inboxes', async () => {
    const res = await s.gql(QUERY);
    expect(res.errors).toBeUndefined();
    expect(res.data.webhookSources).toEqual([
      { source: 'pagerduty', name: 'PagerDuty', signals: 'incidents, as pages', path: '/webhooks/pagerduty', envVar: 'PAGERDUTY_WEBHOOK_SECRET', secretConfigured: true, lastDeliveryAt: null, pending: 0, failing: 0, rejected: 0 },
      { source: 'github', name: 'GitHub', signals: 'deployment status events, as deploys', path: '/webhooks/github', envVar: 'GITHUB_WEBHOOK_SECRET', secretConfigured: false, lastDeliveryAt: null, pending: 0, failing: 0, rejected: 0 },
    ]);
    expect(JSON.stringify(res)).not.toContain(PD_SECRET);
  });

  it('counts what the inbox holds per sender: the latest delivery, pending, failing and rejected', async () => {
    // One applied (done: no longer counted), one refused for its content when applied (rejected)…
    const signature = `v1=${createHmac('sha256', PD_SECRET).update(TRIGGERED).digest('hex')}`;
    const posted = await fetch(`${s.url}/webhooks/pagerduty`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-pagerduty-signature': signature }, body: TRIGGERED });
    expect(posted.status).toBe(202);
    const refused = await storeDelivery(s.db, { sender: 'pagerduty', event: 'incident.triggered', payload: '{}' });
    expect(await applyDelivery(s.db, pino({ level: 'silent' }), refused)).toMatchObject({ state: 'rejected' });
    // …and two waiting, one of them after a failed attempt; not due for an hour, so the app's worker leaves them be.
    const waiting = await storeDelivery(s.db, { sender: 'pagerduty', event: 'incident.triggered', payload: '{}' });
    const failing = await storeDelivery(s.db, { sender: 'pagerduty', event: 'incident.resolved', payload: '{}' });
    await s.db('webhook_inbox').whereIn('id', [waiting, failing]).update({ next_attempt_at: new Date(Date.now() + 3_600_000) });
    await s.db('webhook_inbox').where({ id: failing }).update({ attempts: 2, last_error: 'injected', received_at: new Date('2030-01-02T03:04:05Z') });

    const { data } = await s.gql(QUERY);
    const [pagerduty, github] = data.webhookSources;
    expect(pagerduty).toMatchObject({ source: 'pagerduty', lastDeliveryAt: '2030-01-02T03:04:05.000Z', pending: 2, failing: 1, rejected: 1 });
    expect(github).toMatchObject({ source: 'github', lastDeliveryAt: null, pending: 0, failing: 0, rejected: 0 });
  });

  it('answers org-wide ingest and admin tokens; refuses read and plan tokens and tokens limited to teams', async () => {
    await s.gql(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha" }]) { slug } }`);
    const token = async (scopes: ('read' | 'ingest' | 'plan')[], teams?: string[]) => (await createToken(s.db, { name: `${scopes.join('+')} ${teams ?? 'org'}`, scopes, teams })).token;
    const codes = (res: { errors?: { extensions?: { code?: string } }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);
    expect((await s.gqlAs(await token(['ingest']), QUERY)).data.webhookSources).toHaveLength(2);
    expect(codes(await s.gqlAs(await token(['read']), QUERY))).toEqual(['FORBIDDEN']);
    expect(codes(await s.gqlAs(await token(['plan']), QUERY))).toEqual(['FORBIDDEN']);
    const limited = await s.gqlAs(await token(['ingest'], ['alpha']), QUERY);
    expect(codes(limited)).toEqual(['FORBIDDEN']);
    expect(limited.errors[0].message).toContain('only an org-wide token');
    expect(codes(await s.gqlAs(null, QUERY))).toEqual(['UNAUTHENTICATED']);
  });
});
