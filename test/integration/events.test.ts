import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { resplitTeamPages, resplitTeamsOnOrgDefault } from '../../server/signals/resplit';
import { saveLoadModel } from '../../server/signals/loadModelQueries';
import { DEFAULT_LOAD_MODEL } from '../../server/kpi/loadModel';
import { medianLeadTime, medianTimeToAcknowledge, medianTimeToResolve } from '../../server/signals/eventQueries';

const UPSERT_TEAMS = `mutation($input: [TeamInput!]!) { upsertTeams(input: $input) { slug timezone } }`;
const PAGES = `mutation($input: [PageInput!]!) { recordPages(input: $input) { received inserted updated unchanged } }`;
const DEPLOYS = `mutation($input: [DeployInput!]!) { recordDeploys(input: $input) { received inserted updated unchanged } }`;
const DAILY = `mutation($input: [DailyMetricsInput!]!) { recordDailyMetrics(input: $input) { received inserted updated unchanged } }`;
const KPIS = `query($slug: String!, $range: DateRange!) { team(slug: $slug) { kpis(range: $range) {
  alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours sleepInterruptions
  deploys failedDeploys changeFailureRate toilHours } } }`;
const SERIES = `query($slug: String!, $range: DateRange!) { team(slug: $slug) { series(range: $range, bucket: DAY) {
  start pages pageHours offHoursPageHours sleepPageHours sleepInterruptions deploys failedDeploys } } }`;

const H = 3600;

describe.each(DB_KINDS)('page and deploy events on %s', (kind) => {
  let s: TestServer;
  const rows = async (table: string) => Number((await s.db(table).count('* as n').first())!.n);
  const teamId = async (slug: string) => (await s.db('teams').select('id').where({ slug }).first()).id as number;
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const kpis = async (slug: string, from: string, to: string) => (await ok(KPIS, { slug, range: { from, to } })).team.kpis;

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(UPSERT_TEAMS, {
      input: [
        { slug: 'berlin', name: 'Berlin', timezone: 'Europe/Berlin', members: 5 },
        { slug: 'now', name: 'Now', timezone: 'UTC' },
        { slug: 'dc', name: 'Double counting', timezone: 'UTC' },
        { slug: 'mover', name: 'Mover', timezone: 'UTC' },
        { slug: 'capped', name: 'Capped', timezone: 'Europe/Berlin' },
      ],
    });
  });
  afterAll(() => s?.close());

  // Europe/Berlin is UTC+1 in March 2026 (summer time starts on the 29th).
  const a1 = { source: 'opsgenie', externalId: 'A-1', team: 'berlin', service: 'checkout', urgency: 'LOW', triggeredAt: '2026-03-10T10:00:00+01:00', acknowledgedAt: '2026-03-10T10:05:00+01:00', resolvedAt: '2026-03-10T11:30:00+01:00' };
  // Friday 22:30 to Saturday 01:00 in Berlin: 1.5 sleep hours on the 13th, 1 on the 14th; woke someone.
  const a2 = { externalId: 'A-2', team: 'berlin', triggeredAt: '2026-03-13T21:30:00Z', resolvedAt: '2026-03-14T00:00:00Z' };
  // Wednesday 19:00, open: 19:00-22:00 off, then sleep until the 8-hour cap at 03:00.
  const a3 = { externalId: 'A-3', team: 'berlin', triggeredAt: '2026-03-11T19:00:00+01:00', acknowledgedAt: '2026-03-11T19:10:00+01:00' };

  it('inserts pages, then updates the one that resolved and counts identical ones unchanged', async () => {
    expect((await ok(PAGES, { input: [a1, a2, a3] })).recordPages).toEqual({ received: 3, inserted: 3, updated: 0, unchanged: 0 });
    // Open and long past its cap: counts its first 8 hours, split 3 off (19-22) and 5 sleep (2 + 3 after midnight).
    expect(await kpis('berlin', '2026-03-11', '2026-03-12')).toMatchObject({ pages: 1, pageHours: 8, offHoursPageHours: 3, sleepPageHours: 5, sleepInterruptions: 0 });

    const resolved = { ...a3, resolvedAt: '2026-03-11T20:00:00+01:00' };
    expect((await ok(PAGES, { input: [a1, a2, resolved] })).recordPages).toEqual({ received: 3, inserted: 0, updated: 1, unchanged: 2 });
    expect((await ok(PAGES, { input: [resolved] })).recordPages).toEqual({ received: 1, inserted: 0, updated: 0, unchanged: 1 });
  });

  it('splits page hours by class per local day, across midnight in Europe/Berlin', async () => {
    expect(await kpis('berlin', '2026-03-09', '2026-03-15')).toEqual({
      alerts: 0, pages: 3, pageHours: 5, businessPageHours: 1.5, offHoursPageHours: 1, sleepPageHours: 2.5,
      sleepInterruptions: 1, deploys: 0, failedDeploys: 0, changeFailureRate: null, toilHours: 0,
    });
    const series = (await ok(SERIES, { slug: 'berlin', range: { from: '2026-03-10', to: '2026-03-14' } })).team.series;
    expect(series.map((p: Record<string, number>) => [p.start, p.pages, p.pageHours, p.offHoursPageHours, p.sleepPageHours, p.sleepInterruptions])).toEqual([
      ['2026-03-10', 1, 1.5, 0, 0, 0],
      ['2026-03-11', 1, 1, 1, 0, 0],
      ['2026-03-12', 0, 0, 0, 0, 0],
      ['2026-03-13', 1, 1.5, 0, 1.5, 1],
      ['2026-03-14', 0, 1, 0, 1, 0],
    ]);
    // The page across midnight counts on both days but is one page, on its trigger day.
    expect(await kpis('berlin', '2026-03-14', '2026-03-14')).toMatchObject({ pages: 0, pageHours: 1, sleepPageHours: 1 });
  });

  it('counts an open page up to now, capped at maxHoursPerPage', async () => {
    const now = Date.now();
    const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
    await ok(PAGES, {
      input: [
        { externalId: 'open-3h', team: 'now', triggeredAt: iso(3 * H * 1000) },
        { externalId: 'open-30h', team: 'now', triggeredAt: iso(30 * H * 1000) },
      ],
    });
    const today = new Date().toISOString().slice(0, 10);
    const threeDaysAgo = new Date(now - 3 * 86_400_000).toISOString().slice(0, 10);
    const k = await kpis('now', threeDaysAgo, today);
    expect(k.pages).toBe(2);
    // 3 hours (and the seconds since) + 8 capped hours.
    expect(k.pageHours).toBeGreaterThanOrEqual(11);
    expect(k.pageHours).toBeLessThan(11.05);
    expect(k.businessPageHours + k.offHoursPageHours + k.sleepPageHours).toBeCloseTo(k.pageHours, 9);
    const series = (await ok(SERIES, { slug: 'now', range: { from: threeDaysAgo, to: today } })).team.series;
    expect(series.reduce((sum: number, p: { pageHours: number }) => sum + p.pageHours, 0)).toBeCloseTo(k.pageHours, 2);
  });

  it('caps a resolved page and re-splits a team when its cap or time zone changes', async () => {
    // Monday 09:00 to Tuesday 09:00 in Berlin: only the first 8 hours count, all business hours.
    await ok(PAGES, { input: [{ externalId: 'long', team: 'capped', triggeredAt: '2026-03-16T09:00:00+01:00', resolvedAt: '2026-03-17T09:00:00+01:00' }] });
    expect(await kpis('capped', '2026-03-16', '2026-03-17')).toMatchObject({ pages: 1, pageHours: 8, businessPageHours: 8 });
    const id = await teamId('capped');
    await saveLoadModel(s.db, id, { ...DEFAULT_LOAD_MODEL, maxHoursPerPage: 4 });
    await resplitTeamPages(s.db, id);
    expect(await kpis('capped', '2026-03-16', '2026-03-17')).toMatchObject({ pages: 1, pageHours: 4, businessPageHours: 4 });

    // 23:30-00:30 UTC: two days in UTC; in Asia/Kolkata (+05:30) 05:00-06:00 on the 11th.
    await ok(PAGES, { input: [{ externalId: 'tz', team: 'mover', triggeredAt: '2026-03-10T23:30:00Z', resolvedAt: '2026-03-11T00:30:00Z' }] });
    await ok(DEPLOYS, { input: [{ externalId: 'tz-d', team: 'mover', deployedAt: '2026-03-10T23:00:00Z', status: 'SUCCEEDED' }] });
    expect(await kpis('mover', '2026-03-10', '2026-03-10')).toMatchObject({ pages: 1, pageHours: 0.5, sleepPageHours: 0.5, sleepInterruptions: 1, deploys: 1 });
    await ok(UPSERT_TEAMS, { input: [{ slug: 'mover', name: 'Mover', timezone: 'Asia/Kolkata' }] });
    expect(await kpis('mover', '2026-03-10', '2026-03-10')).toMatchObject({ pages: 0, pageHours: 0, deploys: 0 });
    expect(await kpis('mover', '2026-03-11', '2026-03-11')).toMatchObject({ pages: 1, pageHours: 1, sleepPageHours: 1, sleepInterruptions: 1, deploys: 1 });
  });

  it('counts production deploys only, FAILED and ROLLED_BACK as failed, each on its local day', async () => {
    const input = [
      { source: 'argo', externalId: 'D1', team: 'berlin', service: 'checkout', deployedAt: '2026-03-10T12:00:00+01:00', status: 'SUCCEEDED', leadTimeSeconds: 3600 },
      { source: 'argo', externalId: 'D2', team: 'berlin', deployedAt: '2026-03-10T23:30:00+01:00', status: 'FAILED' },
      // 23:30 UTC on the 10th is 00:30 on the 11th in Berlin.
      { source: 'argo', externalId: 'D3', team: 'berlin', deployedAt: '2026-03-10T23:30:00Z', status: 'ROLLED_BACK', leadTimeSeconds: 7200 },
      { source: 'argo', externalId: 'D4', team: 'berlin', environment: 'staging', deployedAt: '2026-03-11T10:00:00Z', status: 'SUCCEEDED', leadTimeSeconds: 60 },
      { source: 'argo', externalId: 'D5', team: 'berlin', environment: 'Production', deployedAt: '2026-03-12T10:00:00Z', status: 'SUCCEEDED', leadTimeSeconds: 1800 },
    ];
    expect((await ok(DEPLOYS, { input })).recordDeploys).toEqual({ received: 5, inserted: 5, updated: 0, unchanged: 0 });
    expect(await kpis('berlin', '2026-03-09', '2026-03-15')).toMatchObject({ deploys: 4, failedDeploys: 2, changeFailureRate: 0.5 });
    const series = (await ok(SERIES, { slug: 'berlin', range: { from: '2026-03-10', to: '2026-03-12' } })).team.series;
    expect(series.map((p: Record<string, number>) => [p.start, p.deploys, p.failedDeploys])).toEqual([
      ['2026-03-10', 2, 1],
      ['2026-03-11', 1, 1],
      ['2026-03-12', 1, 0],
    ]);
    // D1 rolled back later: one update, the rest unchanged.
    const again = input.map((d) => (d.externalId === 'D1' ? { ...d, status: 'ROLLED_BACK' } : d));
    expect((await ok(DEPLOYS, { input: again })).recordDeploys).toEqual({ received: 5, inserted: 0, updated: 1, unchanged: 4 });
    expect(await kpis('berlin', '2026-03-09', '2026-03-15')).toMatchObject({ deploys: 4, failedDeploys: 3, changeFailureRate: 0.75 });
  });

  it('gives median time to acknowledge, to resolve, and lead time of production deploys', async () => {
    const id = await teamId('berlin');
    const range = { from: '2026-03-09', to: '2026-03-15' };
    // Acknowledged after 5 and 10 minutes; resolved after 1.5, 2.5 and 1 hours.
    expect((await medianTimeToAcknowledge(s.db, [id], range)).get(id)).toEqual({ seconds: 450, count: 2 });
    expect((await medianTimeToResolve(s.db, [id], range)).get(id)).toEqual({ seconds: 1.5 * H, count: 3 });
    // Only SUCCEEDED production deploys: 1800 (D5). D1 was re-sent as ROLLED_BACK above and D3 was
    // rolled back: neither stayed in production (docs/ingestion.md); staging's 60 does not count.
    expect((await medianLeadTime(s.db, [id], range)).get(id)).toEqual({ seconds: 1800, count: 1 });
    expect((await medianLeadTime(s.db, [id], range, 'staging')).get(id)).toEqual({ seconds: 60, count: 1 });
    const empty = { from: '2025-01-01', to: '2025-01-31' };
    expect((await medianTimeToResolve(s.db, [id], empty)).get(id)).toEqual({ seconds: null, count: 0 });
  });

  it('lets events replace the daily aggregate of the same team, day and source for the fields they cover', async () => {
    await ok(DAILY, {
      input: [
        { team: 'dc', date: '2026-03-02', source: 'pagerduty', alerts: 7, pages: 5, pageHours: 10, sleepPageHours: 4, sleepInterruptions: 2, deploys: 3, failedDeploys: 1, toilHours: 2 },
        { team: 'dc', date: '2026-03-02', source: 'csv', pages: 1, pageHours: 1 },
        { team: 'dc', date: '2026-03-02', source: 'github', deploys: 4, failedDeploys: 2 },
        { team: 'dc', date: '2026-03-03', source: 'github', deploys: 2 },
      ],
    });
    expect(await kpis('dc', '2026-03-02', '2026-03-03')).toMatchObject({ alerts: 7, pages: 6, pageHours: 11, sleepInterruptions: 2, deploys: 9, failedDeploys: 3, toilHours: 2 });

    await ok(PAGES, { input: [{ source: 'pagerduty', externalId: 'dc-1', team: 'dc', triggeredAt: '2026-03-02T10:00:00Z', resolvedAt: '2026-03-02T11:00:00Z' }] });
    await ok(DEPLOYS, {
      input: [
        { source: 'github', externalId: 'dc-d1', team: 'dc', deployedAt: '2026-03-02T12:00:00Z', status: 'SUCCEEDED' },
        // A staging deploy covers nothing: the 3rd keeps its aggregate.
        { source: 'github', externalId: 'dc-d2', team: 'dc', environment: 'staging', deployedAt: '2026-03-03T12:00:00Z', status: 'FAILED' },
      ],
    });
    // 2nd: pagerduty's page fields come from its event (1 page, 1 hour, no sleep), its alerts,
    // deploys and toil from its aggregate; csv untouched; github's deploys from its event.
    expect(await kpis('dc', '2026-03-02', '2026-03-02')).toEqual({
      alerts: 7, pages: 2, pageHours: 2, businessPageHours: 2, offHoursPageHours: 0, sleepPageHours: 0, sleepInterruptions: 0,
      deploys: 4, failedDeploys: 1, changeFailureRate: 0.25, toilHours: 2,
    });
    expect(await kpis('dc', '2026-03-03', '2026-03-03')).toMatchObject({ deploys: 2, failedDeploys: 0 });
  });

  it('re-splits the teams that inherit the org default cap when it changes, and only them', async () => {
    await saveLoadModel(s.db, null, { ...DEFAULT_LOAD_MODEL, maxHoursPerPage: 0.5 });
    await resplitTeamsOnOrgDefault(s.db);
    // dc's pagerduty page (1 h) now counts 0.5 h, beside csv's 1 h aggregate; capped keeps its own 4 h cap.
    expect(await kpis('dc', '2026-03-02', '2026-03-02')).toMatchObject({ pages: 2, pageHours: 1.5 });
    expect(await kpis('capped', '2026-03-16', '2026-03-17')).toMatchObject({ pageHours: 4 });
    await saveLoadModel(s.db, null, DEFAULT_LOAD_MODEL);
    await resplitTeamsOnOrgDefault(s.db);
    expect(await kpis('dc', '2026-03-02', '2026-03-02')).toMatchObject({ pageHours: 2 });
  });

  it('reports every bad page record with index and field, and writes nothing', async () => {
    const [pagesBefore, daysBefore] = [await rows('page_events'), await rows('page_event_days')];
    const good = { externalId: 'bad-0', team: 'berlin', triggeredAt: '2026-04-01T10:00:00Z', resolvedAt: '2026-04-01T11:00:00Z' };
    const res = await s.gql(PAGES, {
      input: [
        good,
        { ...good, externalId: 'bad-1', team: 'nobody' },
        { ...good, externalId: 'bad-2', resolvedAt: '2026-04-01T09:59:59Z' },
        { ...good },
        { ...good, externalId: '', service: 'x'.repeat(201) },
        { ...good, externalId: 'bad-5', acknowledgedAt: '2026-04-01T09:00:00+02:00' },
      ],
    });
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors[0].extensions.records).toEqual([
      { index: 1, field: 'team', message: 'no team with slug "nobody"' },
      { index: 2, field: 'resolvedAt', message: 'must not be before triggeredAt (2026-04-01T10:00:00.000Z)' },
      { index: 3, field: 'externalId', message: 'duplicates the key of record #0 in this batch' },
      { index: 4, field: 'externalId', message: 'must not be empty' },
      { index: 4, field: 'service', message: 'must be at most 200 characters' },
      { index: 5, field: 'acknowledgedAt', message: 'must not be before triggeredAt (2026-04-01T10:00:00.000Z)' },
    ]);
    for (const bad of [{ ...good, triggeredAt: '2026-04-01T10:00:00' }, { ...good, urgency: 'MEDIUM' }, { ...good, bogus: 1 }]) {
      const r = await s.gql(PAGES, { input: [good, bad] });
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(bad)).toBe('BAD_USER_INPUT');
    }
    expect([await rows('page_events'), await rows('page_event_days')]).toEqual([pagesBefore, daysBefore]);
  });

  it('reports every bad deploy record with index and field, and writes nothing', async () => {
    const before = await rows('deploy_events');
    const good = { externalId: 'bad-d0', team: 'berlin', deployedAt: '2026-04-01T10:00:00Z', status: 'SUCCEEDED' };
    const res = await s.gql(DEPLOYS, {
      input: [
        good,
        { ...good, externalId: 'bad-d1', leadTimeSeconds: -1 },
        { ...good, externalId: 'bad-d2', environment: 'prod\u0007uction' },
        { ...good, externalId: 'bad-d3', team: 'nobody' },
        { ...good, source: 'api' },
      ],
    });
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors[0].extensions.records).toEqual([
      { index: 1, field: 'leadTimeSeconds', message: 'must not be negative' },
      { index: 2, field: 'environment', message: 'must not contain control characters' },
      { index: 3, field: 'team', message: 'no team with slug "nobody"' },
      { index: 4, field: 'externalId', message: 'duplicates the key of record #0 in this batch' },
    ]);
    for (const bad of [{ ...good, status: 'BROKEN' }, { ...good, deployedAt: '2026-04-01 10:00' }, { ...good, leadTimeSeconds: 'NaN' }]) {
      const r = await s.gql(DEPLOYS, { input: [bad] });
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(bad)).toBe('BAD_USER_INPUT');
    }
    expect(await rows('deploy_events')).toBe(before);
  });
});
