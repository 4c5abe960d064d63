// Who carried each page (issue 20): PageInput.responders and the pages CSV column.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

const PAGES = `mutation($input: [PageInput!]!) { recordPages(input: $input) { received inserted updated unchanged } }`;

describe.each(DB_KINDS)('page responders on %s', (kind) => {
  let s: TestServer;
  const stored = async (externalId: string, source = 'api') =>
    (await s.db('page_events').select('responders').where({ source, external_id: externalId }).first())?.responders as string[] | undefined;
  const record = async (input: Record<string, unknown>[]) => {
    const res = await s.gql(PAGES, { input });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data.recordPages;
  };
  const refused = async (input: Record<string, unknown>[]) => {
    const res = await s.gql(PAGES, { input });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    return res.errors![0].extensions!.records;
  };
  async function postCsv(body: string) {
    const res = await fetch(`${s.url}/api/import?kind=pages`, { method: 'POST', headers: { 'content-type': 'text/csv', ...s.auth }, body });
    return { status: res.status, body: await res.json() };
  }

  beforeAll(async () => {
    s = await startTestServer(kind);
    const res = await s.gql(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha" }]) { slug } }`);
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => s?.close());

  const page = { externalId: 'R-1', team: 'alpha', triggeredAt: '2026-03-02T10:00:00Z', resolvedAt: '2026-03-02T11:00:00Z' };

  it('stores them trimmed, once each; an omitted list keeps them, a changed one updates, an empty one clears', async () => {
    expect(await record([{ ...page, responders: ['  ana@acme.example ', 'Ben Ito', 'ana@acme.example'] }])).toMatchObject({ inserted: 1 });
    expect(await stored('R-1')).toEqual(['ana@acme.example', 'Ben Ito']);

    // The same page re-sent without the field (e.g. when it resolves, by a sender that does not know them).
    expect(await record([{ ...page, resolvedAt: '2026-03-02T12:00:00Z' }])).toMatchObject({ updated: 1 });
    expect(await stored('R-1')).toEqual(['ana@acme.example', 'Ben Ito']);
    expect(await record([{ ...page, resolvedAt: '2026-03-02T12:00:00Z', responders: null }])).toMatchObject({ unchanged: 1 });
    expect(await record([{ ...page, resolvedAt: '2026-03-02T12:00:00Z', responders: ['ana@acme.example', 'Ben Ito'] }])).toMatchObject({ unchanged: 1 });

    // Only the responders changed: an update, not "unchanged".
    expect(await record([{ ...page, resolvedAt: '2026-03-02T12:00:00Z', responders: ['Cleo'] }])).toEqual({ received: 1, inserted: 0, updated: 1, unchanged: 0 });
    expect(await stored('R-1')).toEqual(['Cleo']);
    expect(await record([{ ...page, resolvedAt: '2026-03-02T12:00:00Z', responders: [] }])).toMatchObject({ updated: 1 });
    expect(await stored('R-1')).toEqual([]);
  });

  it('a new page sent without them has none', async () => {
    await record([{ ...page, externalId: 'R-2' }]);
    expect(await stored('R-2')).toEqual([]);
  });

  it('refuses more than 20, an empty name and one over 200 characters, naming the field, and writes nothing', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `person${i}`);
    const records = await refused([
      { ...page, externalId: 'R-3', responders: many },
      { ...page, externalId: 'R-4', responders: ['ok', '   '] },
      { ...page, externalId: 'R-5', responders: ['x'.repeat(201)] },
    ]);
    expect(records).toEqual([
      { index: 0, field: 'responders', message: 'must list at most 20 responders' },
      { index: 1, field: 'responders.1', message: 'must not be empty' },
      { index: 2, field: 'responders.0', message: 'must be at most 200 characters' },
    ]);
    expect(await s.db('page_events').whereIn('external_id', ['R-3', 'R-4', 'R-5']).count('* as n').first()).toMatchObject({ n: 0 });
  });

  it('imports the CSV column split at semicolons; an empty cell clears, a file without the column keeps', async () => {
    const header = 'externalId,team,triggeredAt,resolvedAt,responders';
    const first = await postCsv(`${header}\nC-1,alpha,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z, ana@acme.example ; Ben Ito;\nC-2,alpha,2026-03-02T10:00:00Z,,Cleo\n`);
    expect(first).toEqual({ status: 200, body: { received: 2, inserted: 2, updated: 0, unchanged: 0, lines: 3 } });
    expect(await stored('C-1', 'csv')).toEqual(['ana@acme.example', 'Ben Ito']);
    expect(await stored('C-2', 'csv')).toEqual(['Cleo']);

    const older = await postCsv('externalId,team,triggeredAt,resolvedAt\nC-1,alpha,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z\n');
    expect(older.body).toMatchObject({ unchanged: 1 });
    expect(await stored('C-1', 'csv')).toEqual(['ana@acme.example', 'Ben Ito']);

    expect((await postCsv(`${header}\nC-2,alpha,2026-03-02T10:00:00Z,,\n`)).body).toMatchObject({ updated: 1 });
    expect(await stored('C-2', 'csv')).toEqual([]);

    const tooMany = await postCsv(`${header}\nC-3,alpha,2026-03-02T10:00:00Z,,${Array.from({ length: 21 }, (_, i) => `p${i}`).join(';')}\n`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.records).toEqual([{ index: 2, field: 'responders', message: 'must list at most 20 responders' }]);
  });
});
