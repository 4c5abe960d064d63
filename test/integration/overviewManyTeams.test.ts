import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

// An organisation of many teams: the overview sums them in two statements of half the teams each
// (signals/queries.ts). Every team gets figures of its own, so a team summed in the wrong half, or
// twice, or not at all, shows.
const TEAMS = 61;
const slug = (i: number) => `team-${String(i).padStart(2, '0')}`;

describe.each(DB_KINDS)('the overview of %i teams on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    const teams = await s.gql('mutation($t: [TeamInput!]!) { upsertTeams(input: $t) { slug } }', {
      t: Array.from({ length: TEAMS }, (_, i) => ({ slug: slug(i), name: `Team ${i}`, members: 1 + (i % 7) })),
    });
    expect(teams.errors).toBeUndefined();
    const metrics = await s.gql('mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }', {
      m: Array.from({ length: TEAMS }, (_, i) => [
        { team: slug(i), date: '2026-04-03', alerts: i + 1, pageHours: i / 4 },
        { team: slug(i), date: '2026-04-07', alerts: 100, toilHours: 1 },
        // The previous 7-day period, for deltas.
        { team: slug(i), date: '2026-03-30', alerts: 2 * i },
      ]).flat(),
    });
    expect(metrics.errors).toBeUndefined();
    // A team's reserved share is its newest sprint's that overlaps the period: for the range the
    // second sprint's, for the previous period the first's. One team in each half.
    const sprints = await s.gql('mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }', {
      s: [0, TEAMS - 1].flatMap((i) => [
        { team: slug(i), name: 'S1', startDate: '2026-03-23', endDate: '2026-04-05', reservedOpsShare: 0.1 },
        { team: slug(i), name: 'S2', startDate: '2026-04-06', endDate: '2026-04-19', reservedOpsShare: 0.3 },
      ]),
    });
    expect(sprints.errors).toBeUndefined();
  }, 60_000);
  afterAll(() => s?.close());

  it('gives every team its own sums and reserved share, for the range and for the previous period', async () => {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', ...s.auth },
      body: JSON.stringify({ query: '{ overview(range: { from: "2026-04-01", to: "2026-04-07" }) { team { slug } kpis { alerts pageHours toilHours capacityHours reservedOpsShare previous { alerts reservedOpsShare } } } }' }),
    });
    const { data, errors } = await res.json();
    expect(errors).toBeUndefined();
    expect(data.overview).toEqual(
      Array.from({ length: TEAMS }, (_, i) => ({
        team: { slug: slug(i) },
        // 5 working days × 6 focus hours a member.
        kpis: {
          alerts: i + 101, pageHours: i / 4, toilHours: 1, capacityHours: 30 * (1 + (i % 7)),
          reservedOpsShare: i === 0 || i === TEAMS - 1 ? 0.3 : null,
          previous: { alerts: 2 * i, reservedOpsShare: i === 0 || i === TEAMS - 1 ? 0.1 : null },
        },
      })),
    );
  });
});
