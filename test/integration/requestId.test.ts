import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import type { Knex } from 'knex';
import type { ApolloServer } from '@apollo/server';
import { createDb, migrate } from '../../server/db/index';
import { createApp } from '../../server/app';
import { createLogger } from '../../server/logger';
import { createToken } from '../../server/auth/service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// The app with the server's own logger (server/logger.ts), its lines collected here, on a real
// embedded database; the harness logs nothing, and these tests are about the log lines.
describe('request ids', () => {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  let db: Knex;
  let apollo: ApolloServer<any>;
  let server: Server;
  let url: string;
  let token: string;

  beforeAll(async () => {
    db = createDb({});
    await migrate(db);
    const created = await createApp(db, createLogger('info', sink));
    apollo = created.apollo;
    server = await new Promise((resolve) => {
      const s = created.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ({ token } = await createToken(db, { name: 'admin', scopes: ['admin'] }));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await apollo.stop();
    await db.destroy();
  });

  const linesOf = (id: string) => lines.filter((l) => l.reqId === id);

  it('gives every request a random id, echoed in X-Request-Id, or keeps a well-formed one it was given', async () => {
    const ids = await Promise.all([1, 2].map(async () => (await fetch(`${url}/healthz`)).headers.get('x-request-id')));
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);

    const given = 'lb-7f3a9c:1700000000.123';
    expect((await fetch(`${url}/healthz`, { headers: { 'x-request-id': given } })).headers.get('x-request-id')).toBe(given);
    for (const bad of ['x'.repeat(129), 'two words', '{"json":1}', '']) {
      expect((await fetch(`${url}/healthz`, { headers: { 'x-request-id': bad } })).headers.get('x-request-id'), bad).toMatch(UUID);
    }
  });

  it('puts the id in a JSON error body and in the log line of the request', async () => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query": ' });
    const id = res.headers.get('x-request-id')!;
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.any(String), requestId: id } });
    expect(linesOf(id).map((l) => l.msg)).toEqual(['request completed']);
  });

  it('puts the id in an internal GraphQL error and in every log line of that request', async () => {
    await db.raw('ALTER TABLE teams RENAME TO teams_away');
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'trace-42' },
        body: JSON.stringify({ query: '{ teams { slug } }' }),
      });
      expect(res.headers.get('x-request-id')).toBe('trace-42');
      const { errors } = await res.json();
      expect(errors).toEqual([{ message: 'Internal server error', path: ['teams'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'trace-42' } }]);
    } finally {
      await db.raw('ALTER TABLE teams_away RENAME TO teams');
    }
    const mine = linesOf('trace-42');
    expect(mine.map((l) => l.msg)).toEqual(['internal error in GraphQL operation', 'request completed']);
    expect(mine[0].err.message).toContain('teams');
  });
});
