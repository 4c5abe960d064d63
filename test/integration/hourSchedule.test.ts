import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

const SCHEDULE = 'hourSchedule { businessStartHour businessEndHour sleepStartHour sleepEndHour businessDays }';
const UPSERT = `mutation($t: [TeamInput!]!) { upsertTeams(input: $t) { slug ${SCHEDULE} } }`;
const KPIS = `{ team(slug: "night") { ${SCHEDULE} kpis(range: { from: "2026-03-02", to: "2026-03-08" }) { businessPageHours offHoursPageHours sleepPageHours sleepInterruptions } } }`;

describe.each(DB_KINDS)('per-team hour schedule on %s', (kind) => {
  let s: TestServer;
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(UPSERT, { t: [{ slug: 'night', name: 'Night', timezone: 'UTC' }] });
    // Monday 2026-03-02, 19:00-20:00 and 23:00-00:00 UTC: off hours and sleep hours by default.
    await ok(`mutation($p: [PageInput!]!) { recordPages(input: $p) { inserted } }`, {
      p: [
        { source: 'pd', externalId: 'evening', team: 'night', triggeredAt: '2026-03-02T19:00:00Z', resolvedAt: '2026-03-02T20:00:00Z' },
        { source: 'pd', externalId: 'late', team: 'night', triggeredAt: '2026-03-02T23:00:00Z', resolvedAt: '2026-03-03T00:00:00Z' },
      ],
    });
  });
  afterAll(() => s?.close());

  it('starts with the spec defaults', async () => {
    const { team } = await ok(KPIS);
    expect(team.hourSchedule).toEqual({ businessStartHour: 8, businessEndHour: 18, sleepStartHour: 22, sleepEndHour: 8, businessDays: [1, 2, 3, 4, 5] });
    expect(team.kpis).toEqual({ businessPageHours: 0, offHoursPageHours: 1, sleepPageHours: 1, sleepInterruptions: 1 });
  });

  it('is set through TeamInput, keeps the fields left out, and re-splits stored pages', async () => {
    const set = await ok(UPSERT, { t: [{ slug: 'night', name: 'Night', hourSchedule: { businessEndHour: 20, sleepStartHour: 23.5 } }] });
    expect(set.upsertTeams[0].hourSchedule).toEqual({ businessStartHour: 8, businessEndHour: 20, sleepStartHour: 23.5, sleepEndHour: 8, businessDays: [1, 2, 3, 4, 5] });
    const { team } = await ok(KPIS);
    // 19-20 is now business; 23:00-23:30 off, 23:30-00:00 sleep; the late page starts before sleep.
    expect(team.kpis).toEqual({ businessPageHours: 1, offHoursPageHours: 0.5, sleepPageHours: 0.5, sleepInterruptions: 0 });

    // Leaving hourSchedule out keeps it; null goes back to the defaults (and re-splits again).
    await ok(UPSERT, { t: [{ slug: 'night', name: 'Night at last', members: 3 }] });
    expect((await ok(KPIS)).team.hourSchedule.businessEndHour).toBe(20);
    await ok(UPSERT, { t: [{ slug: 'night', name: 'Night', hourSchedule: null }] });
    expect((await ok(KPIS)).team.kpis).toEqual({ businessPageHours: 0, offHoursPageHours: 1, sleepPageHours: 1, sleepInterruptions: 1 });
  });

  it('refuses bad schedules, naming each field, and changes nothing', async () => {
    const res = await s.gql(UPSERT, {
      t: [
        { slug: 'night', name: 'Night', hourSchedule: { businessStartHour: 25, businessDays: [0, 1] } },
        { slug: 'night2', name: 'Night 2', hourSchedule: { businessStartHour: 9, businessEndHour: 9, sleepEndHour: 8.001 } },
        { slug: 'night3', name: 'Night 3', hourSchedule: { businessDays: [1, 1] } },
      ],
    });
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors[0].extensions.records.map((r: any) => [r.index, r.field])).toEqual([
      [0, 'hourSchedule.businessDays.0'],
      [0, 'hourSchedule.businessStartHour'],
      [1, 'hourSchedule.sleepEndHour'],
      [2, 'hourSchedule.businessDays'],
    ]);
    const ok2 = await s.gql(UPSERT, { t: [{ slug: 'night4', name: 'N', hourSchedule: { businessStartHour: 9, businessEndHour: 9 } }] });
    expect(ok2.errors[0].extensions.records).toEqual([{ index: 0, field: 'hourSchedule.businessEndHour', message: expect.stringMatching(/must differ/) }]);
    expect(Number((await s.db('teams').whereIn('slug', ['night2', 'night3', 'night4']).count('* as n').first())!.n)).toBe(0);
    expect((await ok(KPIS)).team.hourSchedule.businessStartHour).toBe(8);
  });
});
