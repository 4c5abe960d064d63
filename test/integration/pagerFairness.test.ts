// Who carries the pager (issue 20): evenness figures, the org's privacy setting, team limits and
// exports of per-person figures.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { createToken } from '../../server/auth/service';

const RANGE = { from: '2026-03-09', to: '2026-03-12' };
const FIGURES = `query($slug: String!, $range: DateRange!) { team(slug: $slug) { responderFigures(range: $range) {
  people { person pages pageHours offHoursPageHours sleepPageHours sleepInterruptions }
  peopleHiddenReason pagesWithoutResponders evenness { people personPageHours busiestShare gini } } } }`;
const LOAD = `query($slug: String!, $range: DateRange!) { team(slug: $slug) { responderLoad(range: $range) { person } } }`;
const SET_PRIVACY = `mutation($hide: Boolean!) { setOrgPrivacy(input: { hidePeople: $hide }) { hidePeople changedBy changedAt } }`;

const NIGHT_PEOPLE = [
  { person: 'Ana', pages: 2, pageHours: 6, offHoursPageHours: 0, sleepPageHours: 3, sleepInterruptions: 1 },
  { person: 'Ben', pages: 1, pageHours: 3, offHoursPageHours: 3, sleepPageHours: 0, sleepInterruptions: 0 },
  { person: 'Cleo', pages: 1, pageHours: 1, offHoursPageHours: 0, sleepPageHours: 0, sleepInterruptions: 0 },
];
// 6 + 3 + 1 = 10 person-hours: Ana carried 60%; Gini = (|6−3| + |6−1| + |3−1|) × 2 / (2 × 3 × 10) = 1/3.
const NIGHT_EVENNESS = { people: 3, personPageHours: 10, busiestShare: 0.6, gini: 0.3333 };

describe.each(DB_KINDS)('who carries the pager on %s', (kind) => {
  let s: TestServer;
  let dayReader: string;
  let planner: string;
  const ok = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = token ? await s.gqlAs(token, query, variables) : await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const figures = async (slug = 'night', token?: string) => (await ok(FIGURES, { slug, range: RANGE }, token)).team?.responderFigures;
  const download = (path: string, token = s.adminToken) => fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const hide = (on: boolean) => ok(SET_PRIVACY, { hide: on });

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(`mutation { upsertTeams(input: [{ slug: "night", name: "Night" }, { slug: "day", name: "Day" }, { slug: "quiet", name: "Quiet" }]) { slug } }`);
    await ok(`mutation($input: [PageInput!]!) { recordPages(input: $input) { received } }`, { input: [
      // UTC team: Monday 10–13 business hours; Tuesday 23:00 to Wednesday 02:00 asleep; Wednesday 18–21 off hours.
      { externalId: 'N-1', team: 'night', triggeredAt: '2026-03-09T10:00:00Z', resolvedAt: '2026-03-09T13:00:00Z', responders: ['Ana'] },
      { externalId: 'N-2', team: 'night', triggeredAt: '2026-03-10T23:00:00Z', resolvedAt: '2026-03-11T02:00:00Z', responders: ['Ana'] },
      { externalId: 'N-3', team: 'night', triggeredAt: '2026-03-11T18:00:00Z', resolvedAt: '2026-03-11T21:00:00Z', responders: ['Ben'] },
      { externalId: 'N-4', team: 'night', triggeredAt: '2026-03-12T10:00:00Z', resolvedAt: '2026-03-12T11:00:00Z', responders: ['Cleo'] },
      // Nobody named: counted as a page without responders, in no one's figures.
      { externalId: 'N-5', team: 'night', triggeredAt: '2026-03-12T12:00:00Z', resolvedAt: '2026-03-12T13:00:00Z' },
      { externalId: 'D-1', team: 'day', triggeredAt: '2026-03-10T09:00:00Z', resolvedAt: '2026-03-10T11:00:00Z', responders: ['Dev'] },
    ] });
    dayReader = (await createToken(s.db, { name: 'day reader', scopes: ['read'], teams: ['day'] })).token;
    planner = (await createToken(s.db, { name: 'planner', scopes: ['plan'] })).token;
  });
  afterAll(() => s?.close());

  it('gives per-person figures and how evenly the page hours fell', async () => {
    expect(await figures()).toEqual({ people: NIGHT_PEOPLE, peopleHiddenReason: null, pagesWithoutResponders: 1, evenness: NIGHT_EVENNESS });
  });

  it('says what it cannot compute: one person, and a team whose pages name nobody', async () => {
    expect((await figures('day')).evenness).toEqual({ people: 1, personPageHours: 2, busiestShare: 1, gini: null });
    expect(await figures('quiet')).toEqual({ people: [], peopleHiddenReason: null, pagesWithoutResponders: 0, evenness: { people: 0, personPageHours: 0, busiestShare: null, gini: null } });
  });

  it('shows the org setting to readers and lets only an admin change it', async () => {
    expect((await ok(`{ orgPrivacy { hidePeople changedBy changedAt } }`, undefined, dayReader)).orgPrivacy).toEqual({ hidePeople: false, changedBy: null, changedAt: null });
    for (const token of [planner, dayReader]) {
      const refused = await s.gqlAs(token, SET_PRIVACY, { hide: true });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toContain('"admin" scope');
    }
    expect((await ok(`{ orgPrivacy { hidePeople } }`)).orgPrivacy.hidePeople).toBe(false);
  });

  it('hides per-person figures everywhere while the org says so, keeps the anonymous evenness, and shows them again', async () => {
    expect((await figures()).people).toHaveLength(3); // answered, so a cached answer exists
    const set = (await hide(true)).setOrgPrivacy;
    expect(set).toMatchObject({ hidePeople: true, changedBy: 'test admin' });
    expect(new Date(set.changedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    try {
      // The cached answer died with the change (the org-wide data version moved).
      const hidden = await figures();
      expect(hidden.people).toBeNull();
      expect(hidden.peopleHiddenReason).toMatch(/hidden by the org/);
      expect(hidden.evenness).toEqual(NIGHT_EVENNESS);
      // The old list cannot answer null: it refuses, with the same reason.
      const load = await s.gql(LOAD, { slug: 'night', range: RANGE });
      expect(load.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(load.errors?.[0].message).toMatch(/hidden by the org/);
      // Exports: asking for people is refused before a byte is sent; the team rows name nobody anyway.
      const people = await download(`/api/export.csv?from=${RANGE.from}&to=${RANGE.to}&kind=people`);
      expect(people.status).toBe(403);
      expect((await people.json()).error.message).toMatch(/hidden by the org/);
      const teams = await download(`/api/export.csv?from=${RANGE.from}&to=${RANGE.to}`);
      expect(teams.status).toBe(200);
      expect(await teams.text()).not.toMatch(/Ana|Ben|Cleo/);
    } finally {
      await hide(false);
    }
    expect((await figures()).people).toEqual(NIGHT_PEOPLE);
  });

  it('exports per-person figures only when asked for by name (kind=people)', async () => {
    const teams = await (await download(`/api/export.csv?from=${RANGE.from}&to=${RANGE.to}`)).text();
    expect(teams).not.toMatch(/Ana|Ben|Cleo|Dev|person/);
    const res = await download(`/api/export.csv?from=${RANGE.from}&to=${RANGE.to}&kind=people&teams=night,day`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('headroom-2026-03-09-2026-03-12-people.csv');
    expect((await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual([
      'team,person,from,to,pages,pageHours,offHoursPageHours,sleepPageHours,sleepInterruptions',
      'night,Ana,2026-03-09,2026-03-12,2,6,0,3,1',
      'night,Ben,2026-03-09,2026-03-12,1,3,3,0,0',
      'night,Cleo,2026-03-09,2026-03-12,1,1,0,0,0',
      'day,Dev,2026-03-09,2026-03-12,1,2,0,0,0',
    ]);
    // Snapshots freeze no per-person figures, so a snapshot cannot be asked for them.
    const id = (await ok(`mutation($range: DateRange!) { createSnapshot(input: { label: "review", range: $range }) { id } }`, { range: RANGE })).createSnapshot.id;
    const json = await (await download(`/api/snapshots/${id}.json`)).text();
    expect(json).not.toMatch(/"Ana"|"Ben"|"Cleo"|"Dev"/);
    const asked = await download(`/api/snapshots/${id}.csv?kind=people`);
    expect(asked.status).toBe(400);
    expect((await asked.json()).error.message).toContain('snapshots hold no per-person figures');
  });

  it('follows the token’s team limits: another team’s people are neither read nor exported', async () => {
    expect(await figures('night', dayReader)).toBeUndefined(); // team(slug: "night") is null for this token
    expect((await ok(FIGURES, { slug: 'night', range: RANGE }, dayReader)).team).toBeNull();
    expect((await figures('day', dayReader)).people).toEqual([{ person: 'Dev', pages: 1, pageHours: 2, offHoursPageHours: 0, sleepPageHours: 0, sleepInterruptions: 0 }]);
    const own = await download(`/api/export.csv?from=${RANGE.from}&to=${RANGE.to}&kind=people`, dayReader);
    expect((await own.text()).replace(/^\uFEFF/, '').trim().split('\r\n').slice(1)).toEqual(['day,Dev,2026-03-09,2026-03-12,1,2,0,0,0']);
    const other = await download(`/api/export.csv?from=${RANGE.from}&to=${RANGE.to}&kind=people&teams=night`, dayReader);
    expect(other.status).toBe(400);
    expect(await other.text()).not.toContain('Ana');
  });
});
