import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

// Hand-computed expectations. Team "ops": 5 members × 10 working days × 6 focus hours = 300 h a sprint.
// Ops hours per sprint: S1 30 h (toil) → 10%; S2 60 h (toil) → 20%;
// S3 90 h = 10 page h + 120 alerts × 5 min (10 h) + 5 failed deploys × 2 h (10 h) + 60 h toil → 30%.
// Projection = 4/7 × 30% + 2/7 × 20% + 1/7 × 10% = 1.7/7 ≈ 24.29% → rounded up to 25%, inside 20%–50%.
const SPRINTS = [
  { team: 'ops', name: 'S1', startDate: '2026-01-05', endDate: '2026-01-18', reservedOpsShare: 0.2 },
  { team: 'ops', name: 'S2', startDate: '2026-01-19', endDate: '2026-02-01', reservedOpsShare: 0.2 },
  { team: 'ops', name: 'S3', startDate: '2026-02-02', endDate: '2026-02-15', reservedOpsShare: 0.2 },
];
const METRICS = [
  { team: 'ops', date: '2026-01-07', toilHours: 30 },
  { team: 'ops', date: '2026-01-21', toilHours: 60 },
  { team: 'ops', date: '2026-02-04', toilHours: 60, alerts: 120, pages: 3, pageHours: 10, deploys: 10, failedDeploys: 5 },
];
const PLAN = `query($slug: String!, $members: Int, $reserved: Float) { team(slug: $slug) { plan(members: $members, reservedOpsShare: $reserved) {
  startDate endDate capacityHours projectedOpsShare recommendedOpsShare reservedOpsShare reservedOpsHours featureHours status explanation basedOn guardrailVersion } } }`;

describe.each(DB_KINDS)('planning on %s', (kind) => {
  let s: TestServer;
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(`mutation($t: [TeamInput!]!) { upsertTeams(input: $t) { slug } }`, {
      t: [
        { slug: 'ops', name: 'Ops', members: 5 },
        { slug: 'hot', name: 'Hot', members: 1, timezone: 'Pacific/Kiritimati' },
        { slug: 'quiet', name: 'Quiet', members: 2 },
      ],
    });
    await ok(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }`, { m: METRICS });
    await ok(`mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }`, { s: SPRINTS });
  });
  afterAll(() => s?.close());

  it('reports each sprint’s actual load, breakdown and under-reservation', async () => {
    const data = await ok(`{ team(slug: "ops") { sprints(last: 3) { name capacityHours opsHours opsShare featureHours underReserved status guardrailVersion
      opsBreakdown { pages alerts failedDeploys toil } } } }`);
    expect(data.team.sprints.map((x: any) => [x.name, x.capacityHours, x.opsHours, x.opsShare, x.featureHours, x.underReserved])).toEqual([
      ['S3', 300, 90, 0.3, 210, true],
      ['S2', 300, 60, 0.2, 240, false],
      ['S1', 300, 30, 0.1, 270, false],
    ]);
    expect(data.team.sprints[0].opsBreakdown).toEqual({ pages: 10, alerts: 10, failedDeploys: 10, toil: 60 });
    // S3: 5 of 10 deploys failed (50% > 15%) → BREACH; built-in policy is version 0.
    expect(data.team.sprints[0].status).toBe('BREACH');
    expect(data.team.sprints[0].guardrailVersion).toBe(0);
  });

  it('recommends 25% for the next sprint and explains every step', async () => {
    const { team } = await ok(PLAN, { slug: 'ops' });
    expect(team.plan).toMatchObject({
      startDate: '2026-02-16', endDate: '2026-03-01', capacityHours: 300, recommendedOpsShare: 0.25,
      reservedOpsShare: 0.25, reservedOpsHours: 75, featureHours: 225, basedOn: ['S3', 'S2', 'S1'], guardrailVersion: 0,
      // The reservation is fine, but the plan hears every guardrail: 5 of the 10 deploys over the
      // three sprints failed (50% against 15%).
      status: 'BREACH',
    });
    expect(team.plan.projectedOpsShare).toBe(0.2429); // 1.7 / 7, published to 4 decimals
    expect(team.plan.explanation).toEqual(expect.arrayContaining([
      'S3 used 30% of capacity for ops (weight 4/7).',
      'S1 used 10% of capacity for ops (weight 1/7).',
      'Capacity is 5 members × 10 working days × 6 focus hours = 300 h.',
    ]));
    expect(team.plan.explanation.join(' ')).toContain('rounded up to 25%');
    expect(team.plan.explanation).toContain("The recommended 25% is higher than last sprint's 20% (S3) because ops is projected to take 24.3%, rounded up to 25%.");
    expect(team.plan.explanation.join(' ')).toContain('Change failure rate over the sprints looked back on: 50% of deploys failed (5 of 10), above the 15% limit. For this sprint:');
  });

  it('answers what-ifs without writing anything', async () => {
    const before = await s.db('sprints').count('* as n').first();
    const { team } = await ok(PLAN, { slug: 'ops', members: 4, reserved: 0.15 });
    expect(team.plan).toMatchObject({ capacityHours: 240, recommendedOpsShare: 0.25, reservedOpsShare: 0.15, status: 'BREACH' });
    expect(team.plan.reservedOpsHours).toBeCloseTo(36, 9);
    expect(team.plan.featureHours).toBeCloseTo(204, 9);
    expect(team.plan.explanation.join(' ')).toContain('Reserving 15% (your choice) is below the 20% floor');
    expect(await s.db('sprints').count('* as n').first()).toEqual(before);
  });

  it('flags a projection over the ceiling as an ops overload', async () => {
    await ok(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }`, {
      m: [{ team: 'hot', date: '2026-03-03', toilHours: 42 }],
    });
    // 1 member × 10 days × 6 h = 60 h; 42 h of toil = 70% > 50% ceiling.
    await ok(`mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }`, {
      s: [{ team: 'hot', name: 'H1', startDate: '2026-03-02', endDate: '2026-03-15' }],
    });
    const { team } = await ok(PLAN, { slug: 'hot' });
    expect(team.plan).toMatchObject({ projectedOpsShare: 0.7, recommendedOpsShare: 0.5, status: 'BREACH', reservedOpsHours: 30 });
    expect(team.plan.explanation.join(' ')).toContain('ops overload — reserve the ceiling, escalate, pause feature commitments');
  });

  it('starts a team without sprints at the reserve floor with 14-day windows', async () => {
    const { team } = await ok(`{ team(slug: "quiet") { plan { capacityHours projectedOpsShare recommendedOpsShare status explanation } sprints(last: 2) { synthetic opsHours } } }`);
    expect(team.sprints).toEqual([{ synthetic: true, opsHours: 0 }, { synthetic: true, opsHours: 0 }]);
    expect(team.plan.projectedOpsShare).toBe(0);
    expect(team.plan.recommendedOpsShare).toBe(0.2);
    expect(team.plan.explanation[0]).toContain('records no sprints');
  });

  it('versions guardrails with who and why, and judges new sprints by the new version', async () => {
    const bad = await s.gql(`mutation { setGuardrail(team: "ops", input: { reserveFloor: 0.6 }, reason: "too much") { version } }`);
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors[0].extensions.records).toEqual([{ index: 0, field: 'reserveFloor', message: expect.stringContaining('ceiling') }]);
    const noReason = await s.gql(`mutation { setGuardrail(team: "ops", input: { reserveFloor: 0.3 }, reason: "") { version } }`);
    expect(noReason.errors[0].extensions.records[0].field).toBe('reason');

    const v1 = await ok(`mutation { setGuardrail(team: "ops", input: { reserveFloor: 0.3 }, reason: "Post-incident review: more slack") {
      version team reserveFloor opsCeiling reason author } }`);
    expect(v1.setGuardrail).toEqual({ version: 1, team: 'ops', reserveFloor: 0.3, opsCeiling: 0.5, reason: 'Post-incident review: more slack', author: 'test admin' });
    await ok(`mutation { setGuardrail(team: "ops", input: { opsCeiling: 0.6 }, reason: "Migration quarter") { version } }`);
    const data = await ok(`{ team(slug: "ops") { guardrail { version reserveFloor opsCeiling } guardrailHistory { version reason }
      plan { recommendedOpsShare guardrailVersion } } guardrailDefaults { version reserveFloor } }`);
    expect(data.team.guardrail).toEqual({ version: 2, reserveFloor: 0.3, opsCeiling: 0.6 });
    expect(data.team.guardrailHistory.map((v: any) => v.version)).toEqual([2, 1]);
    expect(data.team.plan).toEqual({ recommendedOpsShare: 0.3, guardrailVersion: 2 });
    expect(data.guardrailDefaults).toEqual({ version: 0, reserveFloor: 0.2 });

    const [s4] = (await ok(`mutation { upsertSprints(input: [{ team: "ops", name: "S4", startDate: "2026-02-16", endDate: "2026-03-01", reservedOpsShare: 0.3 }]) { name guardrailVersion } }`)).upsertSprints;
    expect(s4).toEqual({ name: 'S4', guardrailVersion: 2 });
  });

  it('applies the load model to ops hours, and the breakdown always sums to the total', async () => {
    const set = await ok(`mutation { setLoadModel(team: "ops", input: { minutesPerAlert: 10 }) { minutesPerAlert hoursPerFailedDeploy maxHoursPerPage } }`);
    expect(set.setLoadModel).toEqual({ minutesPerAlert: 10, hoursPerFailedDeploy: 2, maxHoursPerPage: 8 });
    const data = await ok(`{ team(slug: "ops") { kpis(range: { from: "2026-02-02", to: "2026-02-15" }) { opsHours capacityHours opsShare
      opsBreakdown { pages alerts failedDeploys toil } rules { rule status } } } loadModelDefaults { minutesPerAlert } }`);
    const k = data.team.kpis;
    expect(k.opsBreakdown).toEqual({ pages: 10, alerts: 20, failedDeploys: 10, toil: 60 });
    expect(k.opsHours).toBe(100);
    expect(k.opsBreakdown.pages + k.opsBreakdown.alerts + k.opsBreakdown.failedDeploys + k.opsBreakdown.toil).toBe(k.opsHours);
    expect(k.capacityHours).toBe(300);
    expect(k.opsShare).toBe(0.3333); // 1/3, published to 4 decimals
    expect(k.rules.map((r: any) => r.rule)).toEqual(['opsCeiling', 'reserveFloor', 'pageHoursPerWeek', 'sleepInterruptionsPerWeek', 'sleepInterruptionsPerPersonWeek', 'changeFailureRate']);
    expect(data.loadModelDefaults.minutesPerAlert).toBe(5);
    const bad = await s.gql(`mutation { setLoadModel(team: "ops", input: { maxHoursPerPage: 0 }) { maxHoursPerPage } }`);
    expect(bad.errors[0].extensions.records).toEqual([{ index: 0, field: 'maxHoursPerPage', message: 'must be more than 0' }]);
  });

  it('refuses sprints with bad fields, listing each, and writes none', async () => {
    const before = await s.db('sprints').count('* as n').first();
    const res = await s.gql(`mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }`, {
      s: [
        { team: 'ops', name: 'S9', startDate: '2026-05-10', endDate: '2026-05-01' },
        { team: 'ops', name: 'S10', startDate: '2026-05-01', endDate: '2026-05-14', reservedOpsShare: 1.5 },
      ],
    });
    expect(res.errors[0].extensions.records).toEqual([
      { index: 0, field: 'endDate', message: 'must not be before startDate' },
      { index: 1, field: 'reservedOpsShare', message: 'must be between 0 and 1' },
    ]);
    expect(await s.db('sprints').count('* as n').first()).toEqual(before);
  });
});

describe('sprint-bucketed series', () => {
  it('gives one point per sprint overlapping the range, clipped to it', async () => {
    const s = await startTestServer('pglite');
    try {
      await s.gql(`mutation { upsertTeams(input: [{ slug: "ops", name: "Ops", members: 5 }]) { slug } }`);
      await s.gql(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }`, { m: METRICS });
      await s.gql(`mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }`, { s: SPRINTS });
      const res = await s.gql(`{ team(slug: "ops") { series(range: { from: "2026-01-10", to: "2026-02-10" }, bucket: SPRINT) { start end toilHours opsHours } } }`);
      expect(res.data.team.series).toEqual([
        { start: '2026-01-10', end: '2026-01-18', toilHours: 0, opsHours: 0 },
        { start: '2026-01-19', end: '2026-02-01', toilHours: 60, opsHours: 60 },
        { start: '2026-02-02', end: '2026-02-10', toilHours: 60, opsHours: 90 },
      ]);
    } finally {
      await s.close();
    }
  });
});

describe.each(DB_KINDS)('load model page cap on %s', (kind) => {
  it('re-splits stored pages when maxHoursPerPage changes', async () => {
    const s = await startTestServer(kind);
    try {
      await s.gql(`mutation { upsertTeams(input: [{ slug: "cap", name: "Cap", timezone: "UTC" }]) { slug } }`);
      // A 10-hour page on a Wednesday, 09:00–19:00 UTC: capped at the default 8 h → 09:00–17:00, all business hours.
      const rec = await s.gql(`mutation { recordPages(input: [{ source: "pd", externalId: "P1", team: "cap", urgency: HIGH,
        triggeredAt: "2026-06-03T09:00:00Z", resolvedAt: "2026-06-03T19:00:00Z" }]) { inserted } }`);
      expect(rec.errors).toBeUndefined();
      const kpis = async () => (await s.gql(`{ team(slug: "cap") { kpis(range: { from: "2026-06-03", to: "2026-06-03" }) { pages pageHours businessPageHours } } }`)).data.team.kpis;
      expect(await kpis()).toEqual({ pages: 1, pageHours: 8, businessPageHours: 8 });
      const set = await s.gql(`mutation { setLoadModel(team: "cap", input: { maxHoursPerPage: 4 }) { maxHoursPerPage } }`);
      expect(set.errors).toBeUndefined();
      expect(await kpis()).toEqual({ pages: 1, pageHours: 4, businessPageHours: 4 });
    } finally {
      await s.close();
    }
  });
});
