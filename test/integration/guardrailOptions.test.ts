// The guardrail options of issue 20: reserving at the range's 80th percentile (reserveAt) and the
// "sleep interruptions per person per week" rule, through GraphQL on both databases.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

// The sprints of planOdds.test.ts: 300 h sprints, shares 20, 25, 20, 30, 25, 35% (oldest first),
// looked back on 1 sprint at a time. The projection is 35% and the range's 80th percentile 45%.
const SHARES = [0.2, 0.25, 0.2, 0.3, 0.25, 0.35];
const MONDAY = Date.UTC(2025, 8, 1); // 2025-09-01
const day = (n: number) => new Date(MONDAY + n * 86_400_000).toISOString().slice(0, 10);
const sprintsOf = (team: string, n = SHARES.length) =>
  SHARES.slice(0, n).map((_, i) => ({ team, name: `S${i + 1}`, startDate: day(14 * i), endDate: day(14 * i + 13), reservedOpsShare: 0.25 }));
const metricsOf = (team: string, n = SHARES.length) => SHARES.slice(0, n).map((share, i) => ({ team, date: day(14 * i + 2), toilHours: share * 300 }));

const POLICY = 'reserveAt maxSleepInterruptionsPerPersonWeek maxSleepInterruptionsPerWeek lookbackSprints version reason';
const PLAN = `query($slug: String!) { team(slug: $slug) { plan { projectedOpsShare recommendedOpsShare recommendationBasis explanation
  odds { p80Share } trackRecord { held sprints backtest { name recommendedOpsShare basis held } } } } }`;
const P80_SENTENCE = 'The policy reserves at the 80th percentile of the range: 4 sprints in 5 like the last ones needed at most 45%, so the reservation starts from 45% instead of the 35% projection.';

// Team "night" (UTC): a week of pages, 2026-03-09 (Mon) to 2026-03-15. Ana is woken 3 times, Ben
// once; a fifth night page names nobody. The team's own count is 4, under its raised limit of 10.
const NIGHT_PAGES = [
  { externalId: 'P-1', team: 'night', triggeredAt: '2026-03-09T23:00:00Z', resolvedAt: '2026-03-09T23:30:00Z', responders: ['Ana', 'Ben'] },
  { externalId: 'P-2', team: 'night', triggeredAt: '2026-03-10T23:00:00Z', resolvedAt: '2026-03-10T23:30:00Z', responders: ['Ana'] },
  { externalId: 'P-3', team: 'night', triggeredAt: '2026-03-12T02:00:00Z', resolvedAt: '2026-03-12T02:30:00Z', responders: ['Ana'] },
  { externalId: 'P-4', team: 'night', triggeredAt: '2026-03-12T12:00:00Z', resolvedAt: '2026-03-12T12:30:00Z', responders: ['Ben'] },
  { externalId: 'P-5', team: 'night', triggeredAt: '2026-03-13T23:00:00Z', resolvedAt: '2026-03-13T23:30:00Z' },
];
const RULES = `query($slug: String!, $range: DateRange!) { team(slug: $slug) { kpis(range: $range) {
  sleepInterruptions status rules { rule status value limit message } previous { rules { rule status } } } } }`;
const personRule = (rules: { rule: string }[]) => rules.find((r) => r.rule === 'sleepInterruptionsPerPersonWeek');

describe.each(DB_KINDS)('guardrail options on %s', (kind) => {
  let s: TestServer;
  const gql = (query: string, variables?: Record<string, unknown>) => s.gql(query, variables);
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(`mutation($t: [TeamInput!]!) { upsertTeams(input: $t) { slug } }`, {
      t: ['p80', 'later', 'short', 'night', 'quiet'].map((slug) => ({ slug, name: slug, members: 5 })),
    });
    // "p80" plans every sprint under a version that reserves at the 80th percentile; "later" switches after.
    await ok(`mutation { setGuardrail(team: "p80", input: { lookbackSprints: 1, reserveAt: P80 }, reason: "plan for 4 sprints in 5") { version } }`);
    await ok(`mutation { setGuardrail(team: "later", input: { lookbackSprints: 1 }, reason: "react to the last sprint") { version } }`);
    await ok(`mutation { setGuardrail(team: "short", input: { reserveAt: P80 }, reason: "plan for 4 sprints in 5") { version } }`);
    await ok(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }`, { m: [...metricsOf('p80'), ...metricsOf('later'), ...metricsOf('short', 3)] });
    await ok(`mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }`, { s: [...sprintsOf('p80'), ...sprintsOf('later'), ...sprintsOf('short', 3)] });
    await ok(`mutation { setGuardrail(team: "night", input: { maxSleepInterruptionsPerWeek: 10 }, reason: "a rotation of five shares the nights") { version } }`);
    await ok(`mutation($p: [PageInput!]!) { recordPages(input: $p) { received } }`, {
      p: [...NIGHT_PAGES, { externalId: 'Q-1', team: 'quiet', triggeredAt: '2026-03-10T23:00:00Z', resolvedAt: '2026-03-10T23:30:00Z' }],
    });
    await ok(`mutation { upsertSprints(input: [{ team: "night", name: "Night 1", startDate: "2026-03-09", endDate: "2026-03-15", reservedOpsShare: 0.2 }]) { name } }`);
  });
  afterAll(() => s?.close());

  describe('setting them', () => {
    it('defaults to the projection and 2 a person, and keeps every other field when one changes', async () => {
      expect((await ok(`{ guardrailDefaults { ${POLICY} } }`)).guardrailDefaults).toMatchObject({ reserveAt: 'PROJECTION', maxSleepInterruptionsPerPersonWeek: 2, version: 0 });
      const { setGuardrail } = await ok(`mutation { setGuardrail(team: "quiet", input: { maxSleepInterruptionsPerPersonWeek: 1.5 }, reason: "one bad night a week at most") { ${POLICY} } }`);
      expect(setGuardrail).toEqual({ reserveAt: 'PROJECTION', maxSleepInterruptionsPerPersonWeek: 1.5, maxSleepInterruptionsPerWeek: 2, lookbackSprints: 3, version: 1, reason: 'one bad night a week at most' });
      const { setGuardrail: v2 } = await ok(`mutation { setGuardrail(team: "quiet", input: { reserveAt: P80 }, reason: "plan for 4 sprints in 5") { ${POLICY} } }`);
      expect(v2).toMatchObject({ reserveAt: 'P80', maxSleepInterruptionsPerPersonWeek: 1.5, version: 2 });
      const { team } = await ok(`{ team(slug: "quiet") { guardrail { reserveAt } guardrailHistory { version reserveAt maxSleepInterruptionsPerPersonWeek } } }`);
      expect(team.guardrail.reserveAt).toBe('P80');
      expect(team.guardrailHistory).toEqual([
        { version: 2, reserveAt: 'P80', maxSleepInterruptionsPerPersonWeek: 1.5 },
        { version: 1, reserveAt: 'PROJECTION', maxSleepInterruptionsPerPersonWeek: 1.5 },
      ]);
    });

    it('refuses a bad limit or basis, naming it, and writes nothing', async () => {
      const bad = await gql(`mutation { setGuardrail(team: "quiet", input: { maxSleepInterruptionsPerPersonWeek: -1 }, reason: "typo") { version } }`);
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.extensions?.records).toEqual([
        { index: 0, field: 'maxSleepInterruptionsPerPersonWeek', message: 'maxSleepInterruptionsPerPersonWeek must be a non-negative number, got -1.' },
      ]);
      const unknown = await gql(`mutation { setGuardrail(team: "quiet", input: { reserveAt: P95 }, reason: "typo") { version } }`);
      expect(unknown.errors?.[0]?.message).toMatch(/P95/);
      expect((await ok(`{ team(slug: "quiet") { guardrailHistory { version } } }`)).team.guardrailHistory).toHaveLength(2);
    });
  });

  describe('reserving at the 80th percentile', () => {
    it('reserves the 45% the range puts its 80th percentile at instead of the 35% projection, and says so', async () => {
      const { plan } = (await ok(PLAN, { slug: 'p80' })).team;
      expect(plan).toMatchObject({ projectedOpsShare: 0.35, recommendedOpsShare: 0.45, recommendationBasis: 'P80', odds: { p80Share: 0.45 } });
      expect(plan.explanation).toContain(P80_SENTENCE);
      expect(plan.explanation).toContain('Reservations are planned in 5% steps and 45% is already on a step.');
    });

    it('replays each sprint on the basis of the version it was planned under', async () => {
      // S6 was planned under P80: before it the range's 80th percentile was 35%, so it would have
      // reserved 35% and held (35% used). The others had no range yet and fell back to the projection.
      const p80 = (await ok(PLAN, { slug: 'p80' })).team.plan.trackRecord;
      expect(p80.backtest.map((b: any) => [b.name, b.recommendedOpsShare, b.basis, b.held])).toEqual([
        ['S6', 0.35, 'P80', true], ['S5', 0.3, 'PROJECTION', true], ['S4', 0.2, 'PROJECTION', false], ['S3', 0.25, 'PROJECTION', true], ['S2', 0.2, 'PROJECTION', false],
      ]);
      expect(p80).toMatchObject({ held: 3, sprints: 5 });

      // "later" planned its sprints at the projection: switching now changes the plan, not the record.
      await ok(`mutation { setGuardrail(team: "later", input: { reserveAt: P80 }, reason: "plan for 4 sprints in 5") { version } }`);
      const later = (await ok(PLAN, { slug: 'later' })).team.plan;
      expect(later).toMatchObject({ recommendedOpsShare: 0.45, recommendationBasis: 'P80', trackRecord: { held: 2, sprints: 5 } });
      expect(later.trackRecord.backtest.every((b: any) => b.basis === 'PROJECTION')).toBe(true);
    });

    it('falls back to the projection with too few past sprints for a range, and says so', async () => {
      // Default lookback 3 over 20, 25, 20% (newest last): (4 × 20 + 2 × 25 + 20) / 7 = 21.4% → 25%.
      const { plan } = (await ok(PLAN, { slug: 'short' })).team;
      expect(plan).toMatchObject({ projectedOpsShare: 0.2143, recommendedOpsShare: 0.25, recommendationBasis: 'PROJECTION', odds: { p80Share: null } });
      expect(plan.explanation).toContain('The policy reserves at the 80th percentile of the range, but there are too few past sprints for a range (2 with a projection before them), so the reservation starts from the 21.4% projection.');
    });

    it('freezes the option and the basis in a snapshot', async () => {
      const { createSnapshot } = await ok(`mutation { createSnapshot(input: { label: "p80", range: { from: "2025-09-01", to: "2025-11-23" }, teams: ["p80"] }) {
        id data { guardrail { reserveAt maxSleepInterruptionsPerPersonWeek } plan { recommendedOpsShare recommendationBasis trackRecord { backtest { basis } } } } } }`);
      expect(createSnapshot.data[0].guardrail).toEqual({ reserveAt: 'P80', maxSleepInterruptionsPerPersonWeek: 2 });
      expect(createSnapshot.data[0].plan).toMatchObject({ recommendedOpsShare: 0.45, recommendationBasis: 'P80' });
      expect(createSnapshot.data[0].plan.trackRecord.backtest[0].basis).toBe('P80');
      // Later changes never move it.
      await ok(`mutation { setGuardrail(team: "p80", input: { reserveAt: PROJECTION }, reason: "back to the rule") { version } }`);
      const { snapshot } = await ok(`query($id: ID!) { snapshot(id: $id) { data { guardrail { reserveAt } plan { recommendedOpsShare recommendationBasis } } } }`, { id: createSnapshot.id });
      expect(snapshot.data[0]).toEqual({ guardrail: { reserveAt: 'P80' }, plan: { recommendedOpsShare: 0.45, recommendationBasis: 'P80' } });
      expect((await ok(PLAN, { slug: 'p80' })).team.plan).toMatchObject({ recommendedOpsShare: 0.35, recommendationBasis: 'PROJECTION' });
    });
  });

  describe('sleep interruptions per person per week', () => {
    const week = { from: '2026-03-09', to: '2026-03-15' };

    it('judges the busiest responder’s week without naming them', async () => {
      const { kpis } = (await ok(RULES, { slug: 'night', range: week })).team;
      expect(kpis.sleepInterruptions).toBe(4);
      expect(kpis.rules.find((r: any) => r.rule === 'sleepInterruptionsPerWeek')).toMatchObject({ status: 'OK', value: 4, limit: 10 });
      expect(personRule(kpis.rules)).toEqual({
        rule: 'sleepInterruptionsPerPersonWeek', status: 'BREACH', value: 3, limit: 2,
        message: 'The busiest responder had 3 sleep interruptions a week, above the limit of 2 per person.',
      });
      expect(JSON.stringify(kpis)).not.toMatch(/Ana|Ben/);
      expect(kpis.status).toBe('BREACH');
      // The week before had no signal at all: nothing to judge.
      expect(personRule(kpis.previous.rules)).toMatchObject({ status: 'NO_DATA' });
    });

    it('normalises per week like the team rule: 3 in 14 days is 1.5 a week', async () => {
      const { kpis } = (await ok(RULES, { slug: 'night', range: { from: '2026-03-09', to: '2026-03-22' } })).team;
      expect(personRule(kpis.rules)).toMatchObject({ status: 'OK', value: 1.5, message: 'The busiest responder had 1.5 sleep interruptions a week, within the limit of 2 per person.' });
    });

    it('cannot judge a window whose pages name nobody, and says so', async () => {
      const { kpis } = (await ok(RULES, { slug: 'night', range: { from: '2026-03-13', to: '2026-03-13' } })).team;
      expect(kpis.sleepInterruptions).toBe(1);
      expect(personRule(kpis.rules)).toEqual({
        rule: 'sleepInterruptionsPerPersonWeek', status: 'OK', value: null, limit: 2,
        message: 'No page in this window names its responders, so sleep interruptions per person cannot be judged against the limit of 2 per person per week.',
      });
      const quiet = (await ok(RULES, { slug: 'quiet', range: week })).team.kpis;
      expect(personRule(quiet.rules)).toMatchObject({ status: 'OK', value: null, limit: 1.5 });
    });

    it('shows in the overview status, the sprint rows, the plan and snapshots', async () => {
      const { overview } = await ok(`query($r: DateRange!) { overview(range: $r) { team { slug } status kpis { rules { rule status } } } }`, { r: week });
      const night = overview.find((o: any) => o.team.slug === 'night');
      expect(night.status).toBe('BREACH');
      expect(personRule(night.kpis.rules)).toMatchObject({ status: 'BREACH' });
      expect(personRule(overview.find((o: any) => o.team.slug === 'quiet').kpis.rules)).toMatchObject({ status: 'OK' });

      const { team } = await ok(`{ team(slug: "night") { sprints(last: 1) { name rules { rule status value } }
        plan { status rules { rule status value } explanation } } }`);
      expect(personRule(team.sprints[0].rules)).toEqual({ rule: 'sleepInterruptionsPerPersonWeek', status: 'BREACH', value: 3 });
      expect(personRule(team.plan.rules)).toEqual({ rule: 'sleepInterruptionsPerPersonWeek', status: 'BREACH', value: 3 });
      expect(team.plan.explanation).toContain('Sleep interruptions per person per week over the sprints looked back on: The busiest responder had 3 sleep interruptions a week, above the limit of 2 per person. For this sprint: the nights fall on too few people, so share the on-call more evenly and fix the night pages before adding feature work.');

      const { createSnapshot } = await ok(`mutation($r: DateRange!) { createSnapshot(input: { label: "nights", range: $r, teams: ["night"] }) {
        data { kpis { status rules { rule status value } } sprints { rules { rule status } } } } }`, { r: week });
      expect(personRule(createSnapshot.data[0].kpis.rules)).toEqual({ rule: 'sleepInterruptionsPerPersonWeek', status: 'BREACH', value: 3 });
      expect(personRule(createSnapshot.data[0].sprints[0].rules)).toMatchObject({ status: 'BREACH' });
    });
  });
});
