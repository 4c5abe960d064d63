import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

const UPSERT_TEAMS = `mutation($input: [TeamInput!]!) { upsertTeams(input: $input) { slug name timezone members focusHoursPerDay } }`;
const RECORD = `mutation($input: [DailyMetricsInput!]!) { recordDailyMetrics(input: $input) { received inserted updated unchanged } }`;
const KPIS = `query($slug: String!, $range: DateRange!) { team(slug: $slug) { kpis(range: $range) {
  days alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours sleepInterruptions
  deploys failedDeploys changeFailureRate toilHours } } }`;

describe.each(DB_KINDS)('daily metrics on %s', (kind) => {
  let s: TestServer;
  const count = async () => Number((await s.db('daily_metrics').count('* as n').first())!.n);

  beforeAll(async () => {
    s = await startTestServer(kind);
    const res = await s.gql(UPSERT_TEAMS, {
      input: [
        { slug: 'alpha', name: 'Alpha', timezone: 'Europe/Berlin', members: 5 },
        { slug: 'beta', name: 'Beta' },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.upsertTeams[1]).toEqual({ slug: 'beta', name: 'Beta', timezone: 'UTC', members: null, focusHoursPerDay: 6 });
  });
  afterAll(() => s?.close());

  it('inserts, then replaces (never adds) a re-sent key, and counts unchanged records', async () => {
    const first = await s.gql(RECORD, {
      input: [
        { team: 'alpha', date: '2026-03-02', alerts: 10, pages: 2, pageHours: 3, sleepPageHours: 1, offHoursPageHours: 0.5, sleepInterruptions: 1, deploys: 4, failedDeploys: 1, toilHours: 2 },
        { team: 'alpha', date: '2026-03-02', source: 'pagerduty', alerts: 5 },
        { team: 'alpha', date: '2026-03-03', service: 'billing', alerts: 1, deploys: 1 },
      ],
    });
    expect(first.data.recordDailyMetrics).toEqual({ received: 3, inserted: 3, updated: 0, unchanged: 0 });

    const again = await s.gql(RECORD, {
      input: [
        { team: 'alpha', date: '2026-03-02', source: 'pagerduty', alerts: 7 },
        { team: 'alpha', date: '2026-03-03', service: 'billing', alerts: 1, deploys: 1 },
      ],
    });
    expect(again.data.recordDailyMetrics).toEqual({ received: 2, inserted: 0, updated: 1, unchanged: 1 });

    const kpis = await s.gql(KPIS, { slug: 'alpha', range: { from: '2026-03-01', to: '2026-03-31' } });
    expect(kpis.data.team.kpis).toEqual({
      days: 31, alerts: 18, pages: 2, pageHours: 3, businessPageHours: 1.5, offHoursPageHours: 0.5, sleepPageHours: 1,
      sleepInterruptions: 1, deploys: 5, failedDeploys: 1, changeFailureRate: 0.2, toilHours: 2,
    });
  });

  it('reports every bad record with index and field, and writes nothing', async () => {
    const before = await count();
    const res = await s.gql(RECORD, {
      input: [
        { team: 'alpha', date: '2026-04-01', alerts: 1 },
        { team: 'nobody', date: '2026-04-01', alerts: 1 },
        { team: 'alpha', date: '2026-04-02', alerts: 3, deploys: 1, failedDeploys: 2 },
        { team: 'alpha', date: '2026-04-01', alerts: 2 },
      ],
    });
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // Every stage in one answer: the unknown team, the field rule and the duplicate key.
    expect(res.errors[0].extensions.records).toEqual([
      { index: 1, field: 'team', message: 'no team with slug "nobody"' },
      { index: 2, field: 'failedDeploys', message: 'must not exceed deploys (1)' },
      { index: 3, field: 'date', message: 'duplicates the key of record #0 in this batch' },
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses invalid dates, negative counts and unknown fields before anything runs', async () => {
    const before = await count();
    for (const record of [
      { team: 'alpha', date: '2026-02-30' },
      { team: 'alpha', date: '2026-02-03', alerts: -1 },
      { team: 'alpha', date: '2026-02-03', pageHours: 1e300 },
      { team: 'alpha', date: '2026-02-03', pageHours: 'NaN' },
      { team: 'alpha', date: '2026-02-03', bogus: 1 },
    ]) {
      const res = await s.gql(RECORD, { input: [record] });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(record)).toBe('BAD_USER_INPUT');
    }
    expect(await count()).toBe(before);
  });

  it('refuses a batch over 10,000 records whole', async () => {
    const before = await count();
    const input = Array.from({ length: 10_001 }, (_, i) => ({ team: 'beta', date: '2026-01-01', source: `s${i}` }));
    const res = await s.gql(RECORD, { input });
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors[0].extensions.records).toEqual([
      { index: 10_000, field: '(batch)', message: 'a batch holds at most 10000 records; got 10001' },
    ]);
    expect(await count()).toBe(before);
  });

  it('gives a gap-filled weekly series and an overview row per team', async () => {
    const series = await s.gql(`query { team(slug: "alpha") { series(range: { from: "2026-03-01", to: "2026-03-16" }, bucket: WEEK) { start end alerts deploys } } }`);
    expect(series.data.team.series).toEqual([
      { start: '2026-03-01', end: '2026-03-01', alerts: 0, deploys: 0 },
      { start: '2026-03-02', end: '2026-03-08', alerts: 18, deploys: 5 },
      { start: '2026-03-09', end: '2026-03-15', alerts: 0, deploys: 0 },
      { start: '2026-03-16', end: '2026-03-16', alerts: 0, deploys: 0 },
    ]);
    const overview = await s.gql(`query { overview(range: { from: "2026-03-01", to: "2026-03-31" }) { team { slug } kpis { alerts changeFailureRate } } }`);
    expect(overview.data.overview).toEqual([
      { team: { slug: 'alpha' }, kpis: { alerts: 18, changeFailureRate: 0.2 } },
      { team: { slug: 'beta' }, kpis: { alerts: 0, changeFailureRate: null } },
    ]);
  });

  it('refuses a reversed range with BAD_USER_INPUT', async () => {
    const res = await s.gql(`query { overview(range: { from: "2026-03-31", to: "2026-03-01" }) { team { slug } } }`);
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors[0].message).toContain('must not be after');
  });
});
