import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

// Hand-computed expectations. Team "odds": 5 members × 10 working days × 6 focus hours = 300 h a
// sprint; its guardrail (version 1, in force when the sprints were planned) looks back 1 sprint, so
// every projection is the previous sprint's share. Toil per sprint, oldest first: 60, 75, 60, 90, 75,
// 105 h → shares 20, 25, 20, 30, 25, 35%.
// Misses of the projection made before each sprint, newest first: +10, −5, +10, −5, +5 points;
// sorted −5, −5, +5, +10, +10: p50 the 3rd (+5), p80 the 4th (+10). Projection 35% → 40% and 45%.
// Backtest (floor 20%, ceiling 50%): S6 35% vs 25% ✗, S5 25% vs 30% ✓, S4 30% vs 20% ✗,
// S3 20% vs 25% ✓, S2 25% vs 20% ✗ → held 2 of 5. Only S6 had 4 misses before it: its p80 was
// 25% + the 4th of (−5, −5, +5, +10) = 35%, and 35% is not above it → exceeded 0 of 1.
const SHARES = [0.2, 0.25, 0.2, 0.3, 0.25, 0.35];
const MONDAY = Date.UTC(2025, 8, 1); // 2025-09-01
const day = (n: number) => new Date(MONDAY + n * 86_400_000).toISOString().slice(0, 10);
const SPRINTS = SHARES.map((_, i) => ({ team: 'odds', name: `S${i + 1}`, startDate: day(14 * i), endDate: day(14 * i + 13), reservedOpsShare: 0.25 }));
const METRICS = SHARES.map((share, i) => ({ team: 'odds', date: day(14 * i + 2), toilHours: share * 300 }));
const ODDS = `query($slug: String!) { team(slug: $slug) { plan { projectedOpsShare recommendedOpsShare explanation
  odds { p50Share p80Share basedOnSprints sentence }
  trackRecord { sprints held p80Sprints p80Exceeded sentence backtest { name opsShare recommendedOpsShare held p80Share p80Exceeded } } } } }`;

describe.each(DB_KINDS)('the odds and track record of a plan on %s', (kind) => {
  let s: TestServer;
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(`mutation($t: [TeamInput!]!) { upsertTeams(input: $t) { slug } }`, {
      t: [{ slug: 'odds', name: 'Odds', members: 5 }, { slug: 'short', name: 'Short', members: 5 }, { slug: 'none', name: 'None', members: 5 }],
    });
    await ok(`mutation { setGuardrail(team: "odds", input: { lookbackSprints: 1 }, reason: "react to the last sprint") { version } }`);
    await ok(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }`, { m: [...METRICS, ...METRICS.slice(0, 3).map((m) => ({ ...m, team: 'short' }))] });
    await ok(`mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }`, { s: [...SPRINTS, ...SPRINTS.slice(0, 3).map((x) => ({ ...x, team: 'short' }))] });
  });
  afterAll(() => s?.close());

  it('gives the range beside an unchanged recommendation, and says it in the explanation', async () => {
    const { team } = await ok(ODDS, { slug: 'odds' });
    expect(team.plan).toMatchObject({ projectedOpsShare: 0.35, recommendedOpsShare: 0.35 });
    const sentence = '4 sprints in 5 like the last ones need at most 45% for ops, half of them at most 40%: the 35% projection plus how far each of the last 5 sprints landed from the projection made before it.';
    expect(team.plan.odds).toEqual({ p50Share: 0.4, p80Share: 0.45, basedOnSprints: 5, sentence });
    expect(team.plan.explanation).toContain(sentence);
  });

  it('replays the recommendation before each sprint: held 2 of 5, p80 exceeded 0 of 1', async () => {
    const { team } = await ok(ODDS, { slug: 'odds' });
    expect(team.plan.trackRecord).toMatchObject({
      sprints: 5, held: 2, p80Sprints: 1, p80Exceeded: 0,
      sentence: 'The recommendation held in 2 of the last 5 sprints; the 80th percentile was exceeded in 0 of the last 1 (about 1 in 5 when the range is calibrated).',
    });
    expect(team.plan.trackRecord.backtest.map((b: any) => [b.name, b.opsShare, b.recommendedOpsShare, b.held, b.p80Share, b.p80Exceeded])).toEqual([
      ['S6', 0.35, 0.25, false, 0.35, false],
      ['S5', 0.25, 0.3, true, null, null],
      ['S4', 0.3, 0.2, false, null, null],
      ['S3', 0.2, 0.25, true, null, null],
      ['S2', 0.25, 0.2, false, null, null],
    ]);
  });

  it('replays each sprint under the guardrail version it was planned under, and freezes the odds in snapshots', async () => {
    // A 30% floor from now on would have held S2–S5; the sprints were planned under a 20% floor.
    await ok(`mutation { setGuardrail(team: "odds", input: { reserveFloor: 0.3 }, reason: "more slack") { version } }`);
    const { team } = await ok(ODDS, { slug: 'odds' });
    expect(team.plan.trackRecord).toMatchObject({ sprints: 5, held: 2 });
    expect(team.plan.odds).toMatchObject({ p50Share: 0.4, p80Share: 0.45 });

    const { createSnapshot } = await ok(`mutation { createSnapshot(input: { label: "odds", range: { from: "2025-09-01", to: "2025-11-23" }, teams: ["odds"] }) {
      data { plan { odds { p80Share } trackRecord { held sprints } } } } }`);
    expect(createSnapshot.data[0].plan).toEqual({ odds: { p80Share: 0.45 }, trackRecord: { held: 2, sprints: 5 } });
  });

  it('says why there is no range with too few sprints, and none without recorded sprints', async () => {
    const short = (await ok(ODDS, { slug: 'short' })).team.plan;
    expect(short.odds).toMatchObject({ p50Share: null, p80Share: null, basedOnSprints: 2 });
    expect(short.explanation).toContain('There is no range yet: it needs at least 4 finished sprints with one before them to compare with the projection made then, and the team has 2.');
    // Default lookback 3: S3 after 25%, 20% → 0.2333 → 25% ✓; S2 after 20% → 20% ✗.
    expect(short.trackRecord).toMatchObject({ sprints: 2, held: 1, p80Sprints: 0, p80Exceeded: 0 });

    const none = (await ok(ODDS, { slug: 'none' })).team.plan;
    expect(none.odds).toMatchObject({ p50Share: null, basedOnSprints: 0 });
    expect(none.odds.sentence).toContain('the team records no sprints');
    expect(none.trackRecord).toMatchObject({ sprints: 0, backtest: [] });
  });
});
