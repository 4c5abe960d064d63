import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DateTime } from 'luxon';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

// "Today" is the server's today in the team's zone: the cases are built around it. Kiritimati is
// UTC+14, so its today is often the UTC tomorrow: a date taken from the wrong zone shows.
const ZONE = 'Pacific/Kiritimati';
const today = () => DateTime.now().setZone(ZONE).startOf('day');
const d = (days: number) => today().plus({ days }).toISODate()!;

const SPRINT = `name state guardrailVersion status underReserved replannedAt replannedBy opsHours`;
const UPSERT = `mutation($s: [SprintInput!]!, $replan: Boolean) { upsertSprints(input: $s, replan: $replan) { ${SPRINT} } }`;

describe.each(DB_KINDS)('history on %s', (kind) => {
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
        { slug: 'pinned', name: 'Pinned', members: 5, timezone: ZONE },
        { slug: 'states', name: 'States', members: 5, timezone: ZONE },
        { slug: 'nosprints', name: 'No sprints', members: 3, timezone: ZONE },
      ],
    });
  });
  afterAll(() => s?.close());

  it('keeps the guardrail version a sprint was first planned under; re-planning is explicit and recorded', async () => {
    const sprint = { team: 'pinned', name: 'P1', startDate: d(-30), endDate: d(-17), capacityHours: 300, reservedOpsShare: 0.2 };
    await ok(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }`, {
      m: [{ team: 'pinned', date: d(-25), pageHours: 5.5 }],
    });
    const [first] = (await ok(UPSERT, { s: [sprint] })).upsertSprints;
    expect(first).toMatchObject({ guardrailVersion: 0, status: 'OK', replannedAt: null, replannedBy: null });

    // A stricter policy: 5.5 page hours in two weeks (2.75 a week) breach a limit of 2 a week.
    await ok(`mutation { setGuardrail(team: "pinned", input: { maxPageHoursPerWeek: 2 }, reason: "stricter") { version } }`);
    const [resent] = (await ok(UPSERT, { s: [sprint] })).upsertSprints;
    expect(resent).toMatchObject({ guardrailVersion: 0, status: 'OK' });
    const [completed] = (await ok(UPSERT, { s: [{ ...sprint, featurePointsCompleted: 21 }] })).upsertSprints;
    expect(completed).toMatchObject({ guardrailVersion: 0, status: 'OK' });
    const listed = await ok(`{ team(slug: "pinned") { sprints { name guardrailVersion status featurePointsCompleted } } }`);
    expect(listed.team.sprints).toEqual([{ name: 'P1', guardrailVersion: 0, status: 'OK', featurePointsCompleted: 21 }]);

    // A new sprint is planned under the version in force.
    const [p2] = (await ok(UPSERT, { s: [{ ...sprint, name: 'P2', startDate: d(-16), endDate: d(-3) }] })).upsertSprints;
    expect(p2.guardrailVersion).toBe(1);

    const [replanned] = (await ok(UPSERT, { s: [sprint], replan: true })).upsertSprints;
    expect(replanned).toMatchObject({ guardrailVersion: 1, status: 'BREACH', replannedBy: 'test admin' });
    expect(Date.parse(replanned.replannedAt)).toBeGreaterThan(Date.now() - 600_000);
  });

  it('labels finished, running and planned sprints in the team’s zone and judges only finished ones', async () => {
    const sprints = [
      { team: 'states', name: 'Done', startDate: d(-20), endDate: d(-7), capacityHours: 300, reservedOpsShare: 0.1 },
      { team: 'states', name: 'Running', startDate: d(-6), endDate: d(7), capacityHours: 300, reservedOpsShare: 0.1 },
      { team: 'states', name: 'Next', startDate: d(8), endDate: d(21), capacityHours: 300, reservedOpsShare: 0.1 },
    ];
    await ok(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }`, {
      m: [{ team: 'states', date: d(-10), toilHours: 30 }, { team: 'states', date: d(-1), toilHours: 60 }],
    });
    await ok(UPSERT, { s: sprints });
    const { team } = await ok(`{ team(slug: "states") { sprints { name state underReserved opsHours capacityHours }
      plan { basedOn startDate } } }`);
    expect(team.sprints).toEqual([
      { name: 'Next', state: 'PLANNED', underReserved: false, opsHours: 0, capacityHours: 300 },
      // 60 h of 300 is 20% > 10% reserved, but the sprint has not ended: not (yet) under-reserved.
      { name: 'Running', state: 'IN_PROGRESS', underReserved: false, opsHours: 60, capacityHours: 300 },
      { name: 'Done', state: 'FINISHED', underReserved: false, opsHours: 30, capacityHours: 300 },
    ]);
    // The recommendation learns from finished sprints only; the next sprint follows the newest one.
    expect(team.plan.basedOn).toEqual(['Done']);
    expect(team.plan.startDate).toBe(d(22));
  });

  it('gives a team without sprints the same dated 14-day windows everywhere, the newest ending yesterday', async () => {
    const { team } = await ok(`query($r: DateRange!) { team(slug: "nosprints") {
      sprints(last: 2) { name startDate endDate synthetic state }
      plan { startDate endDate basedOn }
      series(range: $r, bucket: SPRINT) { start end sprint days bucketDays partial } } }`, { r: { from: d(-28), to: d(-1) } });
    const label = (from: number, to: number) => {
      const [a, b] = [today().plus({ days: from }), today().plus({ days: to })];
      const f = (x: DateTime) => x.toFormat('LLL d');
      return a.year === b.year ? `${f(a)} – ${f(b)}` : `${f(a)}, ${a.year} – ${f(b)}, ${b.year}`;
    };
    expect(team.sprints).toEqual([
      { name: label(-14, -1), startDate: d(-14), endDate: d(-1), synthetic: true, state: 'FINISHED' },
      { name: label(-28, -15), startDate: d(-28), endDate: d(-15), synthetic: true, state: 'FINISHED' },
    ]);
    expect(team.plan).toMatchObject({ startDate: d(0), endDate: d(13) });
    expect(team.series).toEqual([
      { start: d(-28), end: d(-15), sprint: label(-28, -15), days: 14, bucketDays: 14, partial: false },
      { start: d(-14), end: d(-1), sprint: label(-14, -1), days: 14, bucketDays: 14, partial: false },
    ]);
  });
});

// Figures that add: every bucketing of a range sums to the range's KPIs.
const SUMMED = ['alerts', 'pages', 'pageHours', 'sleepInterruptions', 'deploys', 'failedDeploys', 'toilHours', 'opsHours'] as const;

describe.each(DB_KINDS)('series that add up on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.gql(`mutation { upsertTeams(input: [{ slug: "two", name: "Two", members: 4 }, { slug: "none", name: "None", members: 4 }]) { slug } }`);
    // One alert a day (plus some of everything) from 2026-03-01 to 2026-04-30, for both teams.
    const metrics = [];
    for (let day = DateTime.fromISO('2026-03-01'); day <= DateTime.fromISO('2026-04-30'); day = day.plus({ days: 1 })) {
      for (const team of ['two', 'none']) {
        metrics.push({ team, date: day.toISODate(), alerts: 1, pages: 1 + (day.day % 3), pageHours: (day.day % 4) * 0.7, sleepInterruptions: day.day % 2, deploys: 2, failedDeploys: day.day % 5 === 0 ? 1 : 0, toilHours: 0.5 });
      }
    }
    const res = await s.gql(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }`, { m: metrics });
    expect(res.errors).toBeUndefined();
    // Two 14-day sprints inside the 46-day range below, with days before, between and after them.
    await s.gql(`mutation { upsertSprints(input: [
      { team: "two", name: "A", startDate: "2026-03-09", endDate: "2026-03-22", capacityHours: 200 },
      { team: "two", name: "B", startDate: "2026-03-27", endDate: "2026-04-09", capacityHours: 200 }]) { name } }`);
  });
  afterAll(() => s?.close());

  const RANGES = [
    { from: '2026-03-04', to: '2026-04-18' }, // 46 days, Wednesday to Saturday: weeks cut at both ends
    { from: '2026-03-10', to: '2026-03-20' }, // inside sprint A
    { from: '2026-04-01', to: '2026-04-30' },
  ];
  for (const team of ['two', 'none']) {
    for (const bucket of ['DAY', 'WEEK', 'SPRINT']) {
      it.each(RANGES)(`${team} ${bucket} buckets sum to the range %j`, async (range) => {
        const res = await s.gql(`query($r: DateRange!, $b: Bucket!) { team(slug: "${team}") {
          kpis(range: $r) { days ${SUMMED.join(' ')} }
          series(range: $r, bucket: $b) { start end days bucketDays partial ${SUMMED.join(' ')} } } }`, { r: range, b: bucket });
        expect(res.errors).toBeUndefined();
        const { kpis, series } = res.data.team;
        // The buckets tile the range: first to last, no day missing or counted twice.
        expect(series[0].start).toBe(range.from);
        expect(series.at(-1).end).toBe(range.to);
        for (let i = 1; i < series.length; i++) {
          expect(DateTime.fromISO(series[i].start).toISODate()).toBe(DateTime.fromISO(series[i - 1].end).plus({ days: 1 }).toISODate());
        }
        expect(series.reduce((n: number, p: any) => n + p.days, 0)).toBe(kpis.days);
        // Counts add up exactly; hours are published to 2 decimals per bucket, so their sum may
        // differ from the range's figure by at most half a hundredth per bucket.
        for (const f of SUMMED) {
          const sum = series.reduce((n: number, p: any) => n + p[f], 0);
          if (f.endsWith('Hours')) expect(Math.abs(sum - kpis[f]), f).toBeLessThanOrEqual(0.005 * series.length + 1e-9);
          else expect(sum, f).toBe(kpis[f]);
        }
        for (const p of series) expect(p.partial).toBe(p.days < p.bucketDays);
      });
    }
  }

  it('puts the days outside any sprint in buckets of their own and says which buckets are cut', async () => {
    const res = await s.gql(`{ team(slug: "two") {
      sprints: series(range: { from: "2026-03-04", to: "2026-04-18" }, bucket: SPRINT) { start end sprint alerts days bucketDays partial }
      weeks: series(range: { from: "2026-03-04", to: "2026-03-22" }, bucket: WEEK) { start end days bucketDays partial }
      cut: series(range: { from: "2026-03-15", to: "2026-03-30" }, bucket: SPRINT) { start end sprint days bucketDays partial } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.team.sprints).toEqual([
      { start: '2026-03-04', end: '2026-03-08', sprint: null, alerts: 5, days: 5, bucketDays: 5, partial: false },
      { start: '2026-03-09', end: '2026-03-22', sprint: 'A', alerts: 14, days: 14, bucketDays: 14, partial: false },
      { start: '2026-03-23', end: '2026-03-26', sprint: null, alerts: 4, days: 4, bucketDays: 4, partial: false },
      { start: '2026-03-27', end: '2026-04-09', sprint: 'B', alerts: 14, days: 14, bucketDays: 14, partial: false },
      { start: '2026-04-10', end: '2026-04-18', sprint: null, alerts: 9, days: 9, bucketDays: 9, partial: false },
    ]);
    // 2026-03-04 is a Wednesday: the first week holds 5 of its 7 days.
    expect(res.data.team.weeks).toEqual([
      { start: '2026-03-04', end: '2026-03-08', days: 5, bucketDays: 7, partial: true },
      { start: '2026-03-09', end: '2026-03-15', days: 7, bucketDays: 7, partial: false },
      { start: '2026-03-16', end: '2026-03-22', days: 7, bucketDays: 7, partial: false },
    ]);
    expect(res.data.team.cut).toEqual([
      { start: '2026-03-15', end: '2026-03-22', sprint: 'A', days: 8, bucketDays: 14, partial: true },
      { start: '2026-03-23', end: '2026-03-26', sprint: null, days: 4, bucketDays: 4, partial: false },
      { start: '2026-03-27', end: '2026-03-30', sprint: 'B', days: 4, bucketDays: 14, partial: true },
    ]);
  });
});
