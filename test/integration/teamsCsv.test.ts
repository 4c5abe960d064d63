import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { createToken } from '../../server/auth/service';

describe.each(DB_KINDS)('CSV import of teams on %s', (kind) => {
  let s: TestServer;
  const post = async (body: string, headers: Record<string, string> = s.auth) => {
    const res = await fetch(`${s.url}/api/import?kind=teams`, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body });
    return { status: res.status, body: await res.json() };
  };
  const teams = () => s.db('teams').orderBy('slug').select('slug', 'name', 'timezone', 'members', 'focus_hours_per_day');

  beforeAll(async () => {
    s = await startTestServer(kind);
    expect((await s.gql(`mutation { upsertTeams(input: [{ slug: "core", name: "Core", timezone: "Europe/Berlin", members: 5 }]) { slug } }`)).errors).toBeUndefined();
  });
  afterAll(() => s?.close());

  it('creates new teams and updates stored ones; an empty cell keeps the stored value', async () => {
    const res = await post('slug,name,timezone,members,focusHoursPerDay\r\npayments,Payments,America/New_York,4,5.5\r\ncore,Core platform,,,\r\n');
    expect(res).toEqual({ status: 200, body: { received: 2, inserted: 1, updated: 1, unchanged: 0, lines: 3 } });
    expect(await teams()).toEqual([
      { slug: 'core', name: 'Core platform', timezone: 'Europe/Berlin', members: 5, focus_hours_per_day: 6 },
      { slug: 'payments', name: 'Payments', timezone: 'America/New_York', members: 4, focus_hours_per_day: 5.5 },
    ]);
  });

  it('lists every bad line by number and column, and writes nothing', async () => {
    const before = await teams();
    const res = await post('slug,name,timezone,focusHoursPerDay\nsearch,Search,UTC,6\nBad Slug,X,,\nmars,Mars,Mars/Base,30\nsearch,Search again,,\n');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
    expect(res.body.error.records.map((r: { index: number; field: string }) => [r.index, r.field])).toEqual([
      [3, 'slug'], [4, 'focusHoursPerDay'], [4, 'timezone'], [5, '(key)'],
    ]);
    expect(res.body.error.records[3].message).toBe('duplicates the key of line 2');
    expect(await teams()).toEqual(before);
  });

  it('takes the admin scope, and a token not limited to teams', async () => {
    const { token } = await createToken(s.db, { name: 'ingest only', scopes: ['ingest'] });
    const res = await post('slug,name\nnew,New\n', { authorization: `Bearer ${token}` });
    expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await s.db('teams').where({ slug: 'new' }).first()).toBeUndefined();
  });
});
