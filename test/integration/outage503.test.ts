import { describe, it, expect } from 'vitest';
import net from 'node:net';
import { createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { createDb, migrate } from '../../server/db/index';
import { createApp } from '../../server/app';
import { createToken } from '../../server/auth/service';
import { relay } from './relay';

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PD_SECRET = 'outage-pd-secret';

describe('every endpoint during a database outage', () => {
  it('answers 503 with the JSON error shape, and nothing of a webhook is lost silently', async () => {
    const name = `headroom_outage_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const proxy = relay(5432);
    await proxy.up();
    const db = createDb({ databaseUrl: `postgres://postgres@127.0.0.1:${proxy.port}/${name}`, poolMax: 4 });
    try {
      await migrate(db);
      const { token } = await createToken(db, { name: 'outage test', scopes: ['admin'] });
      const { app, apollo } = await createApp(db, pino({ level: 'silent' }), { pagerdutyWebhookSecret: PD_SECRET });
      const server = await new Promise<import('node:http').Server>((r) => { const x = app.listen(0, '127.0.0.1', () => r(x)); });
      const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
      const auth = { authorization: `Bearer ${token}` };
      const gql = (query: string) => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query }) });
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
        await new Promise((r) => server.close(r));
        await apollo.stop();
      }
    } finally {
      await db.destroy();
      await proxy.down();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);
});
