import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

// Issue 19: "an event for one team leaves the other teams' cached figures valid and the overview
// recomputes one team, not 200". The figures' queries batch teams as `team_id = ANY(?::int[])`: the
// team ids they are sent for say which teams were computed.

const OVERVIEW = `query($range: DateRange!) { overview(range: $range) { team { slug } kpis { alerts pages opsHours status previous { alerts } } } }`;
const RANGE = { range: { from: '2026-04-01', to: '2026-04-14' } };

describe.each(DB_KINDS)('figures kept per team and data version, on %s', (kind) => {
  let s: TestServer;
  let ids: Record<string, number>;

  const record = async (team: string, alerts: number) => {
    const res = await s.gql(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted updated } }`, { m: [{ team, date: '2026-04-02', alerts }] });
    expect(res.errors).toBeUndefined();
  };

  /** The overview's alerts per team, and the team ids its statements asked the database about. */
  async function overview(headers: Record<string, string> = {}) {
    const asked = new Set<number>();
    // Ids go as an array of numbers, or as PostgreSQL's array text ('{1,2,3}', server/db/arrays.ts).
    const note = (q: { bindings?: unknown[] }) => {
      for (const b of q.bindings ?? []) {
        if (Array.isArray(b) && b.every((v) => typeof v === 'number')) b.forEach((id) => asked.add(id));
        else if (typeof b === 'string' && /^\{\d+(,\d+)*\}$/.test(b)) b.slice(1, -1).split(',').forEach((id) => asked.add(Number(id)));
      }
    };
    s.db.on('query', note);
    try {
      const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.adminToken}`, ...headers }, body: JSON.stringify({ query: OVERVIEW, variables: RANGE }) });
      const body = await res.json();
      expect(body.errors).toBeUndefined();
      const alerts = Object.fromEntries(body.data.overview.map((r: { team: { slug: string }; kpis: { alerts: number } }) => [r.team.slug, r.kpis.alerts]));
      return { alerts, asked: [...asked].sort((a, b) => a - b) };
    } finally {
      s.db.removeListener('query', note);
    }
  }

  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.gql(`mutation { upsertTeams(input: [{ slug: "web", name: "Web", members: 3 }, { slug: "data", name: "Data", members: 2 }, { slug: "ml", name: "ML", members: 4 }]) { slug } }`);
    for (const t of ['web', 'data', 'ml']) await record(t, 1);
    const rows: { id: number; slug: string }[] = await s.db('teams').select('id', 'slug');
    ids = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
  });
  afterAll(() => s?.close());

  it('recomputes only the team a write was for', async () => {
    const all = [ids.web, ids.data, ids.ml].sort((a, b) => a - b);
    const first = await overview();
    expect(first.alerts).toEqual({ web: 1, data: 1, ml: 1 });
    expect(first.asked).toEqual(all);

    await record('web', 5);
    const second = await overview();
    expect(second.alerts).toEqual({ web: 5, data: 1, ml: 1 });
    expect(second.asked).toEqual([ids.web]);
  });

  it('recomputes every team after an org-wide change (a team setting)', async () => {
    await s.gql(`mutation { upsertTeams(input: [{ slug: "ml", name: "ML", members: 5 }]) { slug } }`);
    const after = await overview();
    expect(after.asked).toEqual([ids.web, ids.data, ids.ml].sort((a, b) => a - b));
  });

  it('computes every team afresh for Cache-Control: no-cache', async () => {
    await overview();
    const fresh = await overview({ 'cache-control': 'no-cache' });
    expect(fresh.alerts).toEqual({ web: 5, data: 1, ml: 1 });
    expect(fresh.asked).toEqual([ids.web, ids.data, ids.ml].sort((a, b) => a - b));
  });
});
