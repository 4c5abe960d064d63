// The busiest responder's sleep interruptions as read since issue 19 (server/signals/responderQueries.ts):
// only the pages that woke someone and name who, and a probe for whether a window names anyone at
// all. What the rule must still tell apart, through GraphQL on both databases: pages that name
// people but woke nobody (0), pages that name nobody (cannot be judged), and people summed across
// the sprints a plan looks back on.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { responderSleepByWindow } from '../../server/signals/responderQueries';

// UTC teams, default hours: 22:00–08:00 is sleep, so a page at 23:00 wakes its responders and one at 12:00 does not.
const night = (date: string) => `${date}T23:00:00Z`;
const noon = (date: string) => `${date}T12:00:00Z`;
const page = (externalId: string, team: string, triggeredAt: string, responders?: string[]) =>
  ({ externalId, team, triggeredAt, resolvedAt: triggeredAt.replace(':00:00Z', ':30:00Z'), ...(responders ? { responders } : {}) });

const S1 = { startDate: '2026-03-02', endDate: '2026-03-08' };
const S2 = { startDate: '2026-03-09', endDate: '2026-03-15' };
const PAGES = [
  // "named": the pages name people, none of them at night.
  page('N-1', 'named', noon('2026-03-10'), ['Ana']),
  page('N-2', 'named', noon('2026-03-11'), ['Ana', 'Ben']),
  // "nameless": night pages, no one named.
  page('L-1', 'nameless', night('2026-03-10')),
  page('L-2', 'nameless', night('2026-03-11')),
  // "rota", sprint 1: Ana woken twice, Ben once; sprint 2: Ben woken twice, Ana named only by day.
  page('R-1', 'rota', night('2026-03-02'), ['Ana']),
  page('R-2', 'rota', night('2026-03-03'), ['Ana', 'Ben']),
  page('R-3', 'rota', night('2026-03-09'), ['Ben']),
  page('R-4', 'rota', night('2026-03-10'), ['Ben']),
  page('R-5', 'rota', noon('2026-03-11'), ['Ana']),
];
const RULES = `query($slug: String!, $range: DateRange!) { team(slug: $slug) { kpis(range: $range) {
  sleepInterruptions rules { rule status value limit message } previous { rules { rule status value } } } } }`;
const SPRINTS_AND_PLAN = `query($slug: String!) { team(slug: $slug) { sprints(last: 2) { name rules { rule status value } }
  plan { rules { rule status value message } } } }`;
const personRule = (rules: { rule: string }[]) => rules.find((r) => r.rule === 'sleepInterruptionsPerPersonWeek');

describe.each(DB_KINDS)('the busiest responder’s sleep interruptions on %s', (kind) => {
  let s: TestServer;
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const kpis = async (slug: string, range: { startDate: string; endDate: string }) =>
    (await ok(RULES, { slug, range: { from: range.startDate, to: range.endDate } })).team.kpis;

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(`mutation($t: [TeamInput!]!) { upsertTeams(input: $t) { slug } }`, {
      t: ['named', 'nameless', 'rota'].map((slug) => ({ slug, name: slug, members: 5 })),
    });
    await ok(`mutation { setGuardrail(team: "rota", input: { lookbackSprints: 2 }, reason: "two sprints tell the rota") { version } }`);
    await ok(`mutation($p: [PageInput!]!) { recordPages(input: $p) { received } }`, { p: PAGES });
    await ok(`mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }`, {
      s: ['named', 'nameless', 'rota'].flatMap((team) => [{ team, name: 'S1', ...S1, reservedOpsShare: 0.2 }, { team, name: 'S2', ...S2, reservedOpsShare: 0.2 }]),
    });
  });
  afterAll(() => s?.close());

  it('reads a team whose pages name people but woke no one as 0, not as unknown', async () => {
    const k = await kpis('named', S2);
    expect(k.sleepInterruptions).toBe(0);
    expect(personRule(k.rules)).toEqual({
      rule: 'sleepInterruptionsPerPersonWeek', status: 'OK', value: 0, limit: 2,
      message: 'The busiest responder had 0 sleep interruptions a week, within the limit of 2 per person.',
    });
    const { team } = await ok(SPRINTS_AND_PLAN, { slug: 'named' });
    expect(team.sprints.map((sp: any) => [sp.name, personRule(sp.rules)!])).toEqual([
      ['S2', { rule: 'sleepInterruptionsPerPersonWeek', status: 'OK', value: 0 }],
      // Sprint 1 holds no signal at all.
      ['S1', { rule: 'sleepInterruptionsPerPersonWeek', status: 'NO_DATA', value: null }],
    ]);
    expect(personRule(team.plan.rules)).toMatchObject({ status: 'OK', value: 0 });
  });

  it('cannot judge a team whose pages name no one, and says so', async () => {
    const k = await kpis('nameless', S2);
    expect(k.sleepInterruptions).toBe(2);
    expect(personRule(k.rules)).toEqual({
      rule: 'sleepInterruptionsPerPersonWeek', status: 'OK', value: null, limit: 2,
      message: 'No page in this window names its responders, so sleep interruptions per person cannot be judged against the limit of 2 per person per week.',
    });
    const { team } = await ok(SPRINTS_AND_PLAN, { slug: 'nameless' });
    expect(personRule(team.sprints[0].rules)).toEqual({ rule: 'sleepInterruptionsPerPersonWeek', status: 'OK', value: null });
    expect(personRule(team.plan.rules)).toMatchObject({ status: 'OK', value: null });
  });

  it('sums each person across the sprints a plan looks back on before taking the busiest', async () => {
    // Each sprint's busiest had 2 (Ana, then Ben); over both, Ben had 3 and Ana 2: 3 in 14 days is 1.5 a week
    // (the sum of each sprint's busiest would say 2).
    const { team } = await ok(SPRINTS_AND_PLAN, { slug: 'rota' });
    expect(team.sprints.map((sp: any) => [sp.name, personRule(sp.rules)])).toEqual([
      ['S2', { rule: 'sleepInterruptionsPerPersonWeek', status: 'WARN', value: 2 }],
      ['S1', { rule: 'sleepInterruptionsPerPersonWeek', status: 'WARN', value: 2 }],
    ]);
    expect(personRule(team.plan.rules)).toEqual({
      rule: 'sleepInterruptionsPerPersonWeek', status: 'OK', value: 1.5,
      message: 'The busiest responder had 1.5 sleep interruptions a week, within the limit of 2 per person.',
    });
    // The same range as one window gives the same figure; the week before it names no one and holds no signal.
    const whole = await kpis('rota', { startDate: S1.startDate, endDate: S2.endDate });
    expect(personRule(whole.rules)).toMatchObject({ status: 'OK', value: 1.5 });
    expect(personRule(whole.previous.rules)).toEqual({ rule: 'sleepInterruptionsPerPersonWeek', status: 'NO_DATA', value: null });
    // Within one week, the overview's previous period (read in the same statement) is the sprint before;
    // 2 a week is at the limit: a warning.
    const second = await kpis('rota', S2);
    expect(personRule(second.rules)).toMatchObject({ status: 'WARN', value: 2 });
    expect(personRule(second.previous.rules)).toEqual({ rule: 'sleepInterruptionsPerPersonWeek', status: 'WARN', value: 2 });
  });

  it('returns, per window, a map for a team iff its pages name someone, listing only the people woken', async () => {
    const ids = Object.fromEntries((await s.db('teams').select('id', 'slug')).map((t: { id: number; slug: string }) => [t.slug, t.id]));
    const windows = await responderSleepByWindow(s.db, [ids.named, ids.nameless, ids.rota], [S1, S2, { startDate: '2026-03-16', endDate: '2026-03-15' }]);
    expect(windows.map((byTeam) => Object.fromEntries([...byTeam].map(([id, people]) => [id, Object.fromEntries(people)])))).toEqual([
      { [ids.rota]: { Ana: 2, Ben: 1 } },
      { [ids.named]: {}, [ids.rota]: { Ben: 2 } },
      {},
    ]);
  });
});
