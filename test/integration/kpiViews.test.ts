import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

describe.each(DB_KINDS)('services, previous period, freshness and DORA on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    const teams = await s.gql(`mutation { upsertTeams(input: [{ slug: "web", name: "Web", members: 3 }]) { slug } }`);
    expect(teams.errors).toBeUndefined();
    const res = await s.gql(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }`, {
      m: [
        { team: 'web', date: '2026-04-02', service: 'checkout', alerts: 12, pages: 1, pageHours: 2, deploys: 4, failedDeploys: 1 },
        { team: 'web', date: '2026-04-03', service: 'search', alerts: 60 },
        { team: 'web', date: '2026-04-03', source: 'csv', toilHours: 1 },
        // The previous 7-day period, for deltas.
        { team: 'web', date: '2026-03-27', service: 'checkout', alerts: 3 },
      ],
    });
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => s?.close());

  it('ranks services by ops hours, with the whole-team figures as the empty service', async () => {
    const { data } = await s.gql(`{ team(slug: "web") { services(range: { from: "2026-04-01", to: "2026-04-07" }) { service alerts pageHours deploys opsHours } } }`);
    // search: 60 alerts × 5 min = 5 h; checkout: 12 × 5 min = 1 h + 2 page h + 1 failed × 2 h = 5 h; '' : 1 h toil.
    expect(data.team.services).toEqual([
      { service: 'checkout', alerts: 12, pageHours: 2, deploys: 4, opsHours: 5 },
      { service: 'search', alerts: 60, pageHours: 0, deploys: 0, opsHours: 5 },
      { service: '', alerts: 0, pageHours: 0, deploys: 0, opsHours: 1 },
    ]);
  });

  it('gives the previous period of the same length for deltas', async () => {
    const { data } = await s.gql(`{ team(slug: "web") { kpis(range: { from: "2026-04-01", to: "2026-04-07" }) { alerts previous { from to alerts previous { alerts } } } } }`);
    expect(data.team.kpis).toEqual({ alerts: 72, previous: { from: '2026-03-25', to: '2026-03-31', alerts: 3, previous: null } });
  });

  it('tells when each source last sent data', async () => {
    const { data } = await s.gql(`{ freshness { source latestDate lastReceivedAt } }`);
    expect(data.freshness.map((f: any) => [f.source, f.latestDate]).sort()).toEqual([['api', '2026-04-03'], ['csv', '2026-04-03']]);
    expect(Date.parse(data.freshness[0].lastReceivedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('places deploy frequency and change failure rate in the 2023 DORA bands', async () => {
    const { data } = await s.gql(`{ team(slug: "web") { dora(range: { from: "2026-04-01", to: "2026-04-07" }) { reportYear
      deploymentFrequency { value unit band } changeFailureRate { value band } leadTime { value band } timeToResolve { value band } } } }`);
    // 4 deploys in 7 days = 0.571/day: between once a day and once a week → HIGH. 1 of 4 failed: 25% → LOW.
    expect(data.team.dora.reportYear).toBe(2023);
    expect(data.team.dora.deploymentFrequency).toEqual({ value: 0.5714, unit: 'deploys/day', band: 'HIGH' }); // 4 / 7, published to 4 decimals
    expect(data.team.dora.changeFailureRate).toEqual({ value: 0.25, band: 'LOW' });
    expect(data.team.dora.leadTime).toEqual({ value: null, band: null });
    expect(data.team.dora.timeToResolve).toEqual({ value: null, band: null });
  });
});
