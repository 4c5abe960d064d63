import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { parse } from 'csv-parse/sync';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

// Issue 15: verdicts a manager can defend — exact boundaries, published figures without float
// noise, NO_DATA, a plan that hears every guardrail, and two contract fixes (lead time, members 0).

const WEEK = { from: '2026-11-02', to: '2026-11-08' }; // Monday to Sunday
// Three finished two-week sprints of team "sleepy" (5 × 10 × 6 = 300 h each).
const SPRINTS = [
  { team: 'sleepy', name: 'Z1', startDate: '2026-10-05', endDate: '2026-10-18', reservedOpsShare: 0.25 },
  { team: 'sleepy', name: 'Z2', startDate: '2026-10-19', endDate: '2026-11-01', reservedOpsShare: 0.25 },
  { team: 'sleepy', name: 'Z3', startDate: '2026-11-02', endDate: '2026-11-15', reservedOpsShare: 0.25 },
];
const LOOKBACK = { from: '2026-10-05', to: '2026-11-15' };
const PLAN = `query($slug: String!, $reserved: Float) { team(slug: $slug) { plan(reservedOpsShare: $reserved) {
  capacityHours projectedOpsShare recommendedOpsShare reservedOpsShare status explanation rules { rule status value limit message } } } }`;

describe.each(DB_KINDS)('verdicts on %s', (kind) => {
  let s: TestServer;
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const get = (path: string) => fetch(`${s.url}${path}`, { headers: s.auth });

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(`mutation($t: [TeamInput!]!) { upsertTeams(input: $t) { slug } }`, {
      t: [
        { slug: 'edge', name: 'Edge', members: 4 },
        { slug: 'sleepy', name: 'Sleepy', members: 5 },
        { slug: 'silent', name: 'Silent', members: 3 },
        { slug: 'nobody', name: 'Nobody', members: 0 },
        { slug: 'ship', name: 'Ship', members: 3 },
        { slug: 'uncounted', name: 'Uncounted' },
      ],
    });
    // Edge: 3.2 + 3.2 + 3.2 page hours in a week (9.600000000000001 in floats) and 0.1 + 0.2 toil hours.
    // Sleepy: 26 sleep interruptions over its three sprints (42 days) = 4.33 a week against 2; ops 10% a sprint.
    await ok(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }`, {
      m: [
        { team: 'edge', date: '2026-11-02', pages: 1, pageHours: 3.2, toilHours: 0.1 },
        { team: 'edge', date: '2026-11-03', pages: 1, pageHours: 3.2, toilHours: 0.2 },
        { team: 'edge', date: '2026-11-04', pages: 1, pageHours: 3.2 },
        { team: 'sleepy', date: '2026-10-06', toilHours: 25.5, pages: 9, pageHours: 4.5, sleepPageHours: 4.5, sleepInterruptions: 9 },
        { team: 'sleepy', date: '2026-10-20', toilHours: 25.5, pages: 9, pageHours: 4.5, sleepPageHours: 4.5, sleepInterruptions: 9 },
        { team: 'sleepy', date: '2026-11-03', toilHours: 26, pages: 8, pageHours: 4, sleepPageHours: 4, sleepInterruptions: 8 },
      ],
    });
    await ok(`mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }`, { s: SPRINTS });
  });
  afterAll(() => s?.close());

  describe('boundaries and published figures', () => {
    it('9.6 page hours a week against 12 is a WARN, and every figure is published without float noise', async () => {
      const { team } = await ok(`query($r: DateRange!) { team(slug: "edge") { kpis(range: $r) { pageHours toilHours opsHours opsShare status
        rules { rule status value } } series(range: $r, bucket: WEEK) { pageHours toilHours opsHours } } }`, { r: WEEK });
      expect(team.kpis).toMatchObject({ pageHours: 9.6, toilHours: 0.3, opsHours: 9.9, status: 'WARN' });
      expect(team.kpis.rules.find((r: any) => r.rule === 'pageHoursPerWeek')).toEqual({ rule: 'pageHoursPerWeek', status: 'WARN', value: 9.6 });
      expect(team.series).toEqual([{ pageHours: 9.6, toilHours: 0.3, opsHours: 9.9 }]);
    });

    it('CSV exports and new snapshots carry the published figures', async () => {
      const csv = parse(await (await get(`/api/export.csv?from=${WEEK.from}&to=${WEEK.to}&teams=edge`)).text(), { bom: true, columns: true }) as Record<string, string>[];
      expect(csv[0]).toMatchObject({ pageHours: '9.6', toilHours: '0.3', opsHours: '9.9', status: 'WARN' });
      const { createSnapshot } = await ok(`mutation($r: DateRange!) { createSnapshot(input: { label: "edge", range: $r, teams: ["edge"] }) { id document } }`, { r: WEEK });
      expect(createSnapshot.document).toContain('"pageHours":9.6,');
      expect(createSnapshot.document).not.toMatch(/\d\.\d*0000000\d|\d\.\d*9999999\d/);
      // The JSON export is the document in its documented shape (no internal team row or id), with the same figures.
      const json = await (await get(`/api/snapshots/${createSnapshot.id}.json`)).text();
      expect(json).toContain('"pageHours":9.6,');
      expect(json).not.toMatch(/\d\.\d*0000000\d|\d\.\d*9999999\d/);
      expect(JSON.parse(json).teams[0].kpis).toMatchObject({ pageHours: 9.6, toilHours: 0.3, opsHours: 9.9, opsShare: 0.0825, status: 'WARN' });
    });

    it('"per week" over a range shorter than a week is judged as that week: value × 7 / max(d, 7)', async () => {
      // 3.2 page hours on one day is 3.2 a week, not 22.4.
      const { team } = await ok(`{ team(slug: "edge") { kpis(range: { from: "2026-11-02", to: "2026-11-02" }) { rules { rule status value } } } }`);
      expect(team.kpis.rules.find((r: any) => r.rule === 'pageHoursPerWeek')).toEqual({ rule: 'pageHoursPerWeek', status: 'OK', value: 3.2 });
    });
  });

  describe('the plan hears every guardrail', () => {
    it('a team whose page shows a sleep BREACH gets a BREACH plan that names the rule and what it means', async () => {
      const { team } = await ok(`query($r: DateRange!) { team(slug: "sleepy") { kpis(range: $r) { status rules { rule status value } } } }`, { r: LOOKBACK });
      expect(team.kpis.status).toBe('BREACH');
      expect(team.kpis.rules.find((r: any) => r.rule === 'sleepInterruptionsPerWeek')).toEqual({ rule: 'sleepInterruptionsPerWeek', status: 'BREACH', value: 4.33 });

      const { team: { plan } } = await ok(PLAN, { slug: 'sleepy' });
      // The reservation rule itself is unchanged: 10% a sprint → the 20% floor.
      expect(plan).toMatchObject({ projectedOpsShare: 0.1, recommendedOpsShare: 0.2, reservedOpsShare: 0.2, status: 'BREACH' });
      expect(plan.rules.map((r: any) => [r.rule, r.status])).toEqual([
        ['projectedOpsShare', 'OK'], ['reservedOpsShare', 'OK'],
        ['opsCeiling', 'OK'], ['pageHoursPerWeek', 'OK'], ['sleepInterruptionsPerWeek', 'BREACH'],
        // Its sleep interruptions came as daily aggregates, which name no responder: not judged per person.
        ['sleepInterruptionsPerPersonWeek', 'OK'], ['changeFailureRate', 'OK'],
      ]);
      expect(plan.rules[4]).toMatchObject({ value: 4.33, limit: 2 });
      const text = plan.explanation.join('\n');
      expect(text).toContain('Sleep was interrupted 4.3 times per week, above the limit of 2 per week. For this sprint:');
      expect(text).not.toMatch(/within the guardrails/i);
      expect(text).toContain("The recommended 20% is lower than last sprint's 25% (Z3) because ops is projected to take only 10%, below the 20% floor, so the floor applies.");
    });

    it('what-ifs get verdicts of their own, without the overload action', async () => {
      const under = (await ok(PLAN, { slug: 'sleepy', reserved: 0.15 })).team.plan;
      expect(under.rules[1]).toMatchObject({ rule: 'reservedOpsShare', status: 'BREACH', value: 0.15, limit: 0.2 });
      expect(under.explanation.join(' ')).toContain('below the 20% floor');
      const over = (await ok(PLAN, { slug: 'sleepy', reserved: 0.6 })).team.plan;
      expect(over.rules[1]).toMatchObject({ rule: 'reservedOpsShare', status: 'WARN', value: 0.6, limit: 0.5 });
      expect(over.explanation.join(' ')).toContain('above the 50% ops ceiling');
      for (const p of [under, over]) expect(p.explanation.join(' ')).not.toContain('pause feature commitments');
    });
  });

  describe('no data is not OK', () => {
    it('a team without any signal is NO_DATA in the overview, on its page, in its plan and in snapshots', async () => {
      const { overview } = await ok(`query($r: DateRange!) { overview(range: $r) { team { slug } status kpis { status rules { rule status } } } }`, { r: WEEK });
      const silent = overview.find((o: any) => o.team.slug === 'silent');
      expect(silent.status).toBe('NO_DATA');
      expect(silent.kpis.rules.map((r: any) => r.status)).toEqual(['NO_DATA', 'OK', 'NO_DATA', 'NO_DATA', 'NO_DATA', 'NO_DATA']);
      expect(overview.find((o: any) => o.team.slug === 'edge').status).toBe('WARN');

      const { team } = await ok(`{ team(slug: "silent") { sprints(last: 1) { status } plan { status explanation rules { rule status } } } }`);
      expect(team.sprints[0].status).toBe('NO_DATA');
      expect(team.plan.status).toBe('NO_DATA');
      expect(team.plan.explanation.join(' ')).toMatch(/hold no alerts, pages, deploys or toil/);

      const { createSnapshot } = await ok(`mutation($r: DateRange!) { createSnapshot(input: { label: "silent", range: $r, teams: ["silent"] }) {
        id data { kpis { status } plan { status rules { rule status } } } } }`, { r: WEEK });
      expect(createSnapshot.data[0].kpis.status).toBe('NO_DATA');
      expect(createSnapshot.data[0].plan.status).toBe('NO_DATA');
      expect(createSnapshot.data[0].plan.rules[0]).toEqual({ rule: 'projectedOpsShare', status: 'NO_DATA' });
      const csv = parse(await (await get(`/api/snapshots/${createSnapshot.id}.csv`)).text(), { bom: true, columns: true }) as Record<string, string>[];
      expect(csv[0].status).toBe('NO_DATA');
    });

    it('snapshots stored before plans had rules stay readable, byte for byte', async () => {
      const { createSnapshot } = await ok(`mutation($r: DateRange!) { createSnapshot(input: { label: "old", range: $r, teams: ["edge"] }) { id } }`, { r: WEEK });
      // Rewrite it into the shape of an older document: no plan rules, only OK/WARN/BREACH.
      const row = await s.db('snapshots').where('id', createSnapshot.id).first();
      const doc = JSON.parse(row.document);
      delete doc.teams[0].plan.rules;
      const old = JSON.stringify(doc);
      await s.db('snapshots').where('id', createSnapshot.id).update({ document: old });
      const { snapshot } = await ok(`query($id: ID!) { snapshot(id: $id) { document data { kpis { status } plan { status rules { rule } } } } }`, { id: createSnapshot.id });
      expect(snapshot.document).toBe(old);
      expect(snapshot.data[0].plan.rules).toEqual([]);
    });
  });

  describe('smaller contract fixes', () => {
    it('median lead time leaves out FAILED and ROLLED_BACK deploys', async () => {
      const deploy = (id: string, status: string, leadTimeSeconds: number) => ({
        source: 'ci', externalId: id, team: 'ship', environment: 'production', deployedAt: '2026-11-03T10:00:00Z', status, leadTimeSeconds,
      });
      await ok(`mutation($d: [DeployInput!]!) { recordDeploys(input: $d) { inserted } }`, {
        d: [deploy('a', 'SUCCEEDED', 3600), deploy('b', 'SUCCEEDED', 7200), deploy('c', 'ROLLED_BACK', 864000), deploy('d', 'ROLLED_BACK', 864000), deploy('e', 'FAILED', 864000)],
      });
      const { team } = await ok(`query($r: DateRange!) { team(slug: "ship") { dora(range: $r) { leadTime { value band } } } }`, { r: WEEK });
      expect(team.dora.leadTime).toEqual({ value: 5400, band: 'ELITE' });
    });

    it('members: 0 is zero capacity: its sprint is accepted with capacity 0 and the plan says so', async () => {
      const { upsertSprints } = await ok(`mutation { upsertSprints(input: [{ team: "nobody", name: "N1", startDate: "2026-11-02", endDate: "2026-11-15" }]) {
        name capacityHours opsShare } }`);
      expect(upsertSprints).toEqual([{ name: 'N1', capacityHours: 0, opsShare: null }]);
      const { team } = await ok(`{ team(slug: "nobody") { plan { capacityHours reservedOpsHours featureHours explanation } } }`);
      expect(team.plan).toMatchObject({ capacityHours: 0, reservedOpsHours: 0, featureHours: 0 });
      expect(team.plan.explanation.join(' ')).toContain('The team has 0 members, so its capacity is 0 h');

      // Only a missing members count is unknown: then the capacity must be given.
      const res = await s.gql(`mutation { upsertSprints(input: [{ team: "uncounted", name: "U1", startDate: "2026-11-02", endDate: "2026-11-15" }]) { name } }`);
      expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors[0].extensions.records).toEqual([{ index: 0, field: 'capacityHours', message: 'is required: team "uncounted" has no members count to compute it from' }]);
    });
  });
});
