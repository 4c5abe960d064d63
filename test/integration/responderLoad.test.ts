// Team.responderLoad: who carried a team's pages, and how much (issue 20).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { createToken } from '../../server/auth/service';

const PAGES = `mutation($input: [PageInput!]!) { recordPages(input: $input) { received } }`;
const LOAD = `query($slug: String!, $range: DateRange!) { team(slug: $slug) {
  responderLoad(range: $range) { person pages pageHours offHoursPageHours sleepPageHours sleepInterruptions }
  kpis(range: $range) { pages pageHours } } }`;

describe.each(DB_KINDS)('responder load on %s', (kind) => {
  let s: TestServer;
  const ok = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = token ? await s.gqlAs(token, query, variables) : await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const load = async (from: string, to: string, token?: string) => (await ok(LOAD, { slug: 'night', range: { from, to } }, token)).team;

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(`mutation { upsertTeams(input: [{ slug: "night", name: "Night", timezone: "Europe/Berlin" }, { slug: "day", name: "Day" }]) { slug } }`);
    // Europe/Berlin is UTC+1 in March 2026.
    await ok(PAGES, { input: [
      // Monday 22:30–00:30: 1.5 sleep hours on the 9th, 0.5 on the 10th; it woke both.
      { externalId: 'N-1', team: 'night', triggeredAt: '2026-03-09T21:30:00Z', resolvedAt: '2026-03-09T23:30:00Z', responders: ['ana@acme.example', 'Ben'] },
      // Tuesday 18:00–19:00: one off hour.
      { externalId: 'N-2', team: 'night', triggeredAt: '2026-03-10T17:00:00Z', resolvedAt: '2026-03-10T18:00:00Z', responders: ['ana@acme.example'] },
      // Nobody named: in the team's KPIs, in no one's row.
      { externalId: 'N-3', team: 'night', triggeredAt: '2026-03-11T10:00:00Z', resolvedAt: '2026-03-11T11:00:00Z' },
      // Thursday 10:00, still open: capped at 8 business hours.
      { externalId: 'N-4', team: 'night', triggeredAt: '2026-03-12T09:00:00Z', responders: ['Ben'] },
      // Another team's page: not this team's load, whoever carried it.
      { externalId: 'D-1', team: 'day', triggeredAt: '2026-03-10T02:00:00Z', resolvedAt: '2026-03-10T04:00:00Z', responders: ['ana@acme.example'] },
    ] });
  });
  afterAll(() => s?.close());

  it('sums each person’s pages and hours by class, a page counting in full for each of its responders', async () => {
    const team = await load('2026-03-09', '2026-03-12');
    expect(team.responderLoad).toEqual([
      { person: 'Ben', pages: 2, pageHours: 10, offHoursPageHours: 0, sleepPageHours: 2, sleepInterruptions: 1 },
      { person: 'ana@acme.example', pages: 2, pageHours: 3, offHoursPageHours: 1, sleepPageHours: 2, sleepInterruptions: 1 },
    ]);
    // The team's own figures: the shared page once, the unnamed one too.
    expect(team.kpis).toEqual({ pages: 4, pageHours: 12 });
  });

  it('counts pages by their trigger day and hours by the days they fell on', async () => {
    expect((await load('2026-03-10', '2026-03-10')).responderLoad).toEqual([
      { person: 'ana@acme.example', pages: 1, pageHours: 1.5, offHoursPageHours: 1, sleepPageHours: 0.5, sleepInterruptions: 0 },
      { person: 'Ben', pages: 0, pageHours: 0.5, offHoursPageHours: 0, sleepPageHours: 0.5, sleepInterruptions: 0 },
    ]);
    expect((await load('2026-03-11', '2026-03-11')).responderLoad).toEqual([]);
  });

  it('follows a page’s responders when they change', async () => {
    await ok(PAGES, { input: [{ externalId: 'N-2', team: 'night', triggeredAt: '2026-03-10T17:00:00Z', resolvedAt: '2026-03-10T18:00:00Z', responders: ['Cleo'] }] });
    expect((await load('2026-03-10', '2026-03-10')).responderLoad.map((r: { person: string; pageHours: number }) => [r.person, r.pageHours])).toEqual([
      ['Cleo', 1], ['Ben', 0.5], ['ana@acme.example', 0.5],
    ]);
  });

  it('is read as Team.kpis is: a token limited to another team does not see the team; a bad range is refused', async () => {
    const dayReader = await createToken(s.db, { name: 'day reader', scopes: ['read'], teams: ['day'] });
    const nightReader = await createToken(s.db, { name: 'night reader', scopes: ['read'], teams: ['night'] });
    expect(await load('2026-03-09', '2026-03-12', dayReader.token)).toBeNull();
    expect((await load('2026-03-09', '2026-03-12', nightReader.token)).responderLoad).toHaveLength(3);
    const bad = await s.gql(LOAD, { slug: 'night', range: { from: '2026-03-12', to: '2026-03-09' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
