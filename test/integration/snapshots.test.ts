import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { parse } from 'csv-parse/sync';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

const RANGE = { from: '2026-03-02', to: '2026-03-15' };
const CREATE = `mutation($input: SnapshotInput!) { createSnapshot(input: $input) { id label teams author schema serverVersion document
  range { from to } data { slug name kpis { alerts opsHours opsShare status } guardrail { version team } plan { recommendedOpsShare } } } }`;

/** Every key of an exported document is camelCase, and no internal id (teamId, a team row) is in it. */
function expectDocumentedShape(doc: unknown) {
  const keys: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) keys.push(`${path}.${k}`), walk(x, `${path}.${k}`);
  };
  walk(doc, '');
  expect(keys.filter((k) => !/^[a-z][a-zA-Z0-9]*$/.test(k.split('.').at(-1)!))).toEqual([]);
  expect(keys.filter((k) => /\.(teamId|team_id)$/.test(k) || (/\.id$/.test(k) && k !== '.id'))).toEqual([]);
  expect(keys.filter((k) => /^\.teams\[\d+\]\.kpis\.team$/.test(k))).toEqual([]);
}

describe.each(DB_KINDS)('snapshots and exports on %s', (kind) => {
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
        { slug: 'core', name: 'Core', members: 4 },
        // A name a spreadsheet would run as a formula: it must come out neutralised.
        { slug: 'evil', name: '=HYPERLINK("http://x.invalid","click")', members: 2 },
      ],
    });
    await ok(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted } }`, {
      m: [
        { team: 'core', date: '2026-03-03', alerts: 24, pages: 2, pageHours: 3, toilHours: 5, deploys: 8, failedDeploys: 1 },
        { team: 'evil', date: '2026-03-04', alerts: 6 },
      ],
    });
    await ok(`mutation { upsertSprints(input: [{ team: "core", name: "Sprint 7", startDate: "2026-03-02", endDate: "2026-03-15", reservedOpsShare: 0.2 }]) { name } }`);
  });
  afterAll(() => s?.close());

  it('freezes the figures: later ingestion, guardrail changes and renames change nothing, byte for byte', async () => {
    const { createSnapshot: snap } = await ok(CREATE, { input: { label: 'Q1 ops review', range: RANGE, teams: ['core'] } });
    expect(snap).toMatchObject({ label: 'Q1 ops review', teams: ['core'], author: 'test admin', schema: 'headroom.snapshot/v1', range: RANGE });
    // 24 alerts × 5 min = 2 h + 3 page h + 1 failed deploy × 2 h + 5 toil h = 12 h of 4 × 10 × 6 = 240 h.
    // 1 of 8 deploys failed: 12.5% is past 80% of the 15% limit → WARN.
    expect(snap.data[0].kpis).toEqual({ alerts: 24, opsHours: 12, opsShare: 0.05, status: 'WARN' });
    const json1 = await (await get(`/api/snapshots/${snap.id}.json`)).text();
    expectDocumentedShape(JSON.parse(json1));

    await ok(`mutation { recordDailyMetrics(input: [{ team: "core", date: "2026-03-05", alerts: 500 }]) { inserted } }`);
    await ok(`mutation { setGuardrail(team: "core", input: { reserveFloor: 0.3 }, reason: "after the review") { version } }`);
    await ok(`mutation { upsertTeams(input: [{ slug: "core", name: "Core Platform" }]) { slug } }`);
    await ok(`mutation { setLoadModel(team: "core", input: { minutesPerAlert: 30 }) { minutesPerAlert } }`);

    // Frozen means frozen: no previous period is kept, and none is computed from today's data.
    const again = await ok(`query($id: ID!) { snapshot(id: $id) { document data { name kpis { alerts previous { alerts } } guardrail { version } } } }`, { id: snap.id });
    expect(again.snapshot.document).toBe(snap.document);
    expect(again.snapshot.data[0]).toEqual({ name: 'Core', kpis: { alerts: 24, previous: null }, guardrail: { version: 0 } });
    expect(await (await get(`/api/snapshots/${snap.id}.json`)).text()).toBe(json1);

    const diff = await ok(`query($a: ID!) { snapshotDiff(a: $a) { after { id } teams { team presence changes { kpi before after delta } } } }`, { a: snap.id });
    expect(diff.snapshotDiff.after).toBeNull();
    const alerts = diff.snapshotDiff.teams[0].changes.find((c: any) => c.kpi === 'alerts');
    expect(alerts).toEqual({ kpi: 'alerts', before: 24, after: 524, delta: 500 });
  });

  it('compares two snapshots with the older one before, whichever is named first; reversed swaps them', async () => {
    const older = (await ok(CREATE, { input: { label: 'older', range: RANGE, teams: ['core'] } })).createSnapshot;
    await ok(`mutation { recordDailyMetrics(input: [{ team: "core", date: "2026-03-06", alerts: 10 }]) { inserted } }`);
    const newer = (await ok(CREATE, { input: { label: 'newer', range: RANGE, teams: ['core'] } })).createSnapshot;
    const DIFF = `query($a: ID!, $b: ID, $reversed: Boolean) { snapshotDiff(a: $a, b: $b, reversed: $reversed) {
      before { label range { from to } } after { label } teams { team name changes { kpi before after delta } } } }`;
    for (const [a, b] of [[older.id, newer.id], [newer.id, older.id]]) {
      const { snapshotDiff: d } = await ok(DIFF, { a, b });
      expect([d.before.label, d.after.label]).toEqual(['older', 'newer']);
      expect(d.before.range).toEqual(RANGE);
      expect(d.teams[0]).toMatchObject({ team: 'core', name: 'Core Platform' });
      expect(d.teams[0].changes.find((c: any) => c.kpi === 'alerts')).toEqual({ kpi: 'alerts', before: 524, after: 534, delta: 10 });
    }
    const { snapshotDiff: swapped } = await ok(DIFF, { a: older.id, b: newer.id, reversed: true });
    expect([swapped.before.label, swapped.after.label]).toEqual(['newer', 'older']);
    expect(swapped.teams[0].changes.find((c: any) => c.kpi === 'alerts').delta).toBe(-10);
    // Re-sending the day replaces it: the figures the next tests expect are back.
    await ok(`mutation { recordDailyMetrics(input: [{ team: "core", date: "2026-03-06", alerts: 0 }]) { inserted } }`);
  });

  it('exports CSV that a CSV parser reads back to the GraphQL figures, with formulas neutralised', async () => {
    const res = await get(`/api/export.csv?from=${RANGE.from}&to=${RANGE.to}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for spreadsheet programs
    const text = bytes.toString('utf8');
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const { overview } = await ok(`query($r: DateRange!) { overview(range: $r) { team { slug } kpis { alerts opsHours opsShare changeFailureRate status } } }`, { r: RANGE });
    expect(rows.map((r) => r.team)).toEqual(overview.map((o: any) => o.team.slug));
    for (const [i, o] of overview.entries()) {
      expect(Number(rows[i].alerts)).toBe(o.kpis.alerts);
      expect(Number(rows[i].opsHours)).toBeCloseTo(o.kpis.opsHours, 9);
      expect(rows[i].changeFailureRate === '' ? null : Number(rows[i].changeFailureRate)).toEqual(o.kpis.changeFailureRate);
      expect(rows[i].status).toBe(o.kpis.status);
    }
    expect(rows.find((r) => r.team === 'evil')!.name).toBe(`'=HYPERLINK("http://x.invalid","click")`);

    const sprints = parse(await (await get(`/api/export.csv?from=${RANGE.from}&to=${RANGE.to}&teams=core&kind=sprints`)).text(), { bom: true, columns: true }) as Record<string, string>[];
    // The previous test added 500 alerts at 30 min each: 272 h of ops in a 240 h sprint.
    expect(sprints).toEqual([expect.objectContaining({
      team: 'core', sprint: 'Sprint 7', startDate: '2026-03-02', endDate: '2026-03-15', capacityHours: '240',
      reservedOpsShare: '0.2', opsHours: '272', underReserved: 'true', status: 'BREACH', guardrailVersion: '0', featurePointsPlanned: '',
    })]);
  });

  it('exports a snapshot as CSV and refuses bad requests with clear errors', async () => {
    const { createSnapshot: snap } = await ok(CREATE, { input: { label: 'both', range: RANGE } });
    const rows = parse(await (await get(`/api/snapshots/${snap.id}.csv`)).text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.team)).toEqual(['core', 'evil']);

    expect((await get(`/api/snapshots/00000000-0000-4000-8000-000000000000.json`)).status).toBe(404);
    const bad = await get(`/api/export.csv?from=2026-02-30&to=2026-03-01`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain('range.from');
    const unknown = await get(`/api/export.csv?from=${RANGE.from}&to=${RANGE.to}&teams=nobody`);
    expect(unknown.status).toBe(400);

    const res = await s.gql(CREATE, { input: { label: '', range: RANGE, teams: ['nobody'] } });
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('pages snapshots newest first with cursors, and deleting hides one but keeps the record', async () => {
    for (const label of ['p1', 'p2', 'p3']) await ok(CREATE, { input: { label, range: RANGE, teams: ['evil'] } });
    const page1 = await ok(`{ snapshots(first: 2) { edges { cursor node { label } } pageInfo { hasNextPage endCursor } } }`);
    expect(page1.snapshots.edges.map((e: any) => e.node.label)).toEqual(['p3', 'p2']);
    expect(page1.snapshots.pageInfo.hasNextPage).toBe(true);
    const page2 = await ok(`query($after: String) { snapshots(first: 2, after: $after) { edges { node { id label } } } }`, { after: page1.snapshots.pageInfo.endCursor });
    expect(page2.snapshots.edges.map((e: any) => e.node.label)).toEqual(['p1', 'both']);

    const victim = page2.snapshots.edges[0].node.id;
    expect((await ok(`mutation($id: ID!) { deleteSnapshot(id: $id) }`, { id: victim })).deleteSnapshot).toBe(true);
    expect((await ok(`query($id: ID!) { snapshot(id: $id) { id } }`, { id: victim })).snapshot).toBeNull();
    const kept = await s.db('snapshots').where({ id: victim }).first();
    expect(kept.deleted_by).toBe('test admin');
    expect(kept.deleted_at).not.toBeNull();
    const badCursor = await s.gql(`{ snapshots(first: 2, after: "nope") { edges { cursor } } }`);
    expect(badCursor.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
