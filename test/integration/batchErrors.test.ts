import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

// One rejected batch answers with every bad record, whatever stage found it: a Date GraphQL cannot
// read, a field rule, an unknown team, a duplicate key — one error, one list, nothing written.
describe.each(DB_KINDS)('a rejected batch lists every bad record in one answer on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    const res = await s.gql(`mutation { upsertTeams(input: [{ slug: "ops", name: "Ops", members: 5 }]) { slug } }`);
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => s?.close());

  const only = (res: { errors?: any[] }) => {
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    return res.errors![0].extensions.records.map((r: any) => [r.index, r.field]);
  };

  it('daily metrics', async () => {
    const res = await s.gql(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }`, {
      m: [
        { team: 'ops', date: '2026-02-30', alerts: 1 }, // no such day: the Date scalar refuses it
        { team: 'ops', date: '2026-03-01', alerts: -1 }, // a field rule
        { team: 'nope', date: '2026-03-01', alerts: 1 }, // an unknown team
        { team: 'ops', date: '2026-03-02', alerts: 1 },
        { team: 'ops', date: '2026-03-02', alerts: 2 }, // a duplicate key
        { team: 'ghost', date: 'yesterday', pages: -2 }, // all at once in one record
      ],
    });
    expect(only(res)).toEqual([[0, 'date'], [1, 'alerts'], [2, 'team'], [4, 'date'], [5, 'date'], [5, 'pages'], [5, 'team']]);
    const records = res.errors[0].extensions.records;
    expect(records[0].message).toMatch(/must be a real date/);
    expect(records[3].message).toMatch(/duplicates the key of record #3/);
    expect(Number((await s.db('daily_metrics').count('* as n').first())!.n)).toBe(0);
  });

  it('sprints', async () => {
    const res = await s.gql(`mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }`, {
      s: [
        { team: 'ops', name: 'A', startDate: '2026-13-01', endDate: '2026-01-14' },
        { team: 'ops', name: 'B', startDate: '2026-01-15', endDate: '2026-01-28', reservedOpsShare: 2 },
        { team: 'nope', name: 'C', startDate: '2026-01-29', endDate: '2026-02-11' },
        { team: 'ops', name: 'D', startDate: '2026-02-12', endDate: '2026-02-25' },
        { team: 'ops', name: 'D', startDate: '2026-02-26', endDate: '2026-03-11' },
      ],
    });
    expect(only(res)).toEqual([[0, 'startDate'], [1, 'reservedOpsShare'], [2, 'team'], [4, 'name']]);
    expect(Number((await s.db('sprints').count('* as n').first())!.n)).toBe(0);
  });

  it('pages', async () => {
    const res = await s.gql(`mutation($p: [PageInput!]!) { recordPages(input: $p) { inserted } }`, {
      p: [
        { source: 'pd', externalId: '1', team: 'ops', triggeredAt: '2026-03-01T09:00' }, // no offset
        { source: 'pd', externalId: '2', team: 'ops', triggeredAt: '2026-03-01T09:00:00Z', resolvedAt: '2026-03-01T08:00:00Z' },
        { source: 'pd', externalId: '3', team: 'nope', triggeredAt: '2026-03-01T09:00:00Z' },
        { source: 'pd', externalId: '4', team: 'ops', triggeredAt: '2026-03-01T09:00:00Z' },
        { source: 'pd', externalId: '4', team: 'ops', triggeredAt: '2026-03-01T10:00:00Z' },
      ],
    });
    const found = only(res);
    expect(found.map(([i]: [number]) => i)).toEqual([0, 1, 2, 4]);
    expect(found[0]).toEqual([0, 'triggeredAt']);
    expect(Number((await s.db('page_events').count('* as n').first())!.n)).toBe(0);
  });

  it('teams', async () => {
    const res = await s.gql(`mutation($t: [TeamInput!]!) { upsertTeams(input: $t) { slug } }`, {
      t: [
        { slug: 'a', name: 'A', timezone: 'Mars/Olympus' },
        { slug: 'b', name: 'B' },
        { slug: 'b', name: 'B again' },
      ],
    });
    expect(only(res)).toEqual([[0, 'timezone'], [2, 'slug']]);
  });

  it('refuses an unreadable date outside a batch before its resolver runs, naming the argument', async () => {
    const res = await s.gql(`query($r: DateRange!) { team(slug: "ops") { kpis(range: $r) { alerts } } }`, { r: { from: '2026-02-30', to: '2026-03-01' } });
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors[0].extensions.records).toEqual([{ index: 0, field: 'range.from', message: expect.stringMatching(/must be a real date/) }]);
    const snap = await s.gql(`mutation { createSnapshot(input: { label: "x", range: { from: "2026-01-01", to: "2026-01-32" } }) { id } }`);
    expect(snap.errors[0].extensions.records).toEqual([{ index: 0, field: 'input.range.to', message: expect.stringMatching(/must be a real date/) }]);
    expect(Number((await s.db('snapshots').count('* as n').first())!.n)).toBe(0);
  });
});
