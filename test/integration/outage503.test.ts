import { describe, it, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { serveBehindRelay } from './relay';

const PD_SECRET = 'outage-pd-secret';

describe('every endpoint during a database outage', () => {
  it('answers 503 with the JSON error shape, and nothing of a webhook is lost silently', async () => {
    const { url, proxy, token, gql, close } = await serveBehindRelay({ poolMax: 4 }, { pagerdutyWebhookSecret: PD_SECRET });
    const auth = { authorization: `Bearer ${token}` };
    try {
      await (await gql('mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha" }]) { slug } }')).json();
      const made = await (await gql('mutation { createSnapshot(input: { label: "before", range: { from: "2026-05-01", to: "2026-05-07" } }) { id } }')).json();
      const id = made.data.createSnapshot.id;
      expect((await fetch(`${url}/api/snapshots/${id}.json`, { headers: auth })).status).toBe(200);

      await proxy.down();
      const pdBody = JSON.stringify({ event: { id: 'E1', event_type: 'incident.triggered', occurred_at: '2026-05-02T03:00:00Z', data: { id: 'QOUT1', type: 'incident', created_at: '2026-05-02T03:00:00Z' } } });
      const requests: [string, () => Promise<Response>][] = [
        ['POST /graphql', () => gql('{ teams { slug } }')],
        ['POST /api/import', () => fetch(`${url}/api/import?kind=daily`, { method: 'POST', headers: { 'content-type': 'text/csv', ...auth }, body: 'team,date,alerts\nalpha,2026-05-01,1\n' })],
        ['GET /api/export.csv', () => fetch(`${url}/api/export.csv?from=2026-05-01&to=2026-05-07`, { headers: auth })],
        ['GET /api/snapshots/:id.json', () => fetch(`${url}/api/snapshots/${id}.json`, { headers: auth })],
        ['GET /api/snapshots/:id.csv', () => fetch(`${url}/api/snapshots/${id}.csv`, { headers: auth })],
        ['POST /webhooks/pagerduty', () => fetch(`${url}/webhooks/pagerduty`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-pagerduty-signature': `v1=${createHmac('sha256', PD_SECRET).update(pdBody).digest('hex')}` }, body: pdBody })],
      ];
      const answers: Record<string, unknown> = {};
      for (const [what, send] of requests) {
        const res = await send();
        const body = await res.json();
        answers[what] = { status: res.status, code: body.error?.code ?? body.errors?.[0]?.extensions?.code, leaks: /ECONNREFUSED|127\.0\.0\.1|SELECT/.test(JSON.stringify(body)) };
      }
      const expected = { status: 503, code: 'SERVICE_UNAVAILABLE', leaks: false };
      expect(answers).toEqual(Object.fromEntries(requests.map(([what]) => [what, expected])));
      expect((await fetch(`${url}/readyz`)).status).toBe(503);
    } finally {
      await close();
    }
  }, 60_000);
});
