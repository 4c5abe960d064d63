import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { scopeFor } from '../../server/core/scope';
import type { Viewer } from '../../server/core/viewer';
import { deleteSprint } from '../../server/planning/sprints';

/** One window of a team is one sprint: accepting a plan twice records it once, and undo deletes it. */
const ACCEPT = `mutation($s: [SprintInput!]!) { upsertSprints(input: $s, replan: true) { name startDate endDate reservedOpsShare } }`;
const SPRINTS = `{ team(slug: "w") { sprints(last: 10) { name startDate endDate reservedOpsShare } } }`;
const WINDOW = { team: 'w', startDate: '2026-03-02', endDate: '2026-03-15' };
const PLAN_OTHER: Viewer = { tokenId: '00000000-0000-4000-8000-000000000009', name: 'other planner', scopes: ['plan'], teams: ['other'] };

describe.each(DB_KINDS)('sprint windows on %s', (kind) => {
  let s: TestServer;
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const names = async () => (await ok(SPRINTS)).team.sprints.map((x: { name: string }) => x.name);

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(`mutation { upsertTeams(input: [{ slug: "w", name: "W", members: 4 }, { slug: "other", name: "Other", members: 2 }]) { slug } }`);
  });
  afterAll(() => s?.close());

  it('records a window accepted twice once, under the name sent last', async () => {
    await ok(ACCEPT, { s: [{ ...WINDOW, name: 'Sprint 41', reservedOpsShare: 0.25 }] });
    await ok(ACCEPT, { s: [{ ...WINDOW, name: 'Sprint 41', reservedOpsShare: 0.25 }] });
    expect(await names()).toEqual(['Sprint 41']);
    const again = await ok(ACCEPT, { s: [{ ...WINDOW, name: 'Sprint 41 (March)', reservedOpsShare: 0.3 }] });
    expect(again.upsertSprints).toEqual([{ name: 'Sprint 41 (March)', startDate: '2026-03-02', endDate: '2026-03-15', reservedOpsShare: 0.3 }]);
    expect((await ok(SPRINTS)).team.sprints).toEqual([{ name: 'Sprint 41 (March)', startDate: '2026-03-02', endDate: '2026-03-15', reservedOpsShare: 0.3 }]);
  });

  it('refuses renaming a window onto another sprint’s name, writing nothing', async () => {
    await ok(ACCEPT, { s: [{ team: 'w', name: 'Sprint 42', startDate: '2026-03-16', endDate: '2026-03-29', reservedOpsShare: 0.2 }] });
    const res = await s.gql(ACCEPT, { s: [{ ...WINDOW, name: 'Sprint 42', reservedOpsShare: 0.5 }] });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', records: [{ index: 0, field: 'name', message: expect.stringContaining('another sprint') }] });
    expect((await ok(SPRINTS)).team.sprints.map((x: { name: string; reservedOpsShare: number }) => [x.name, x.reservedOpsShare])).toEqual([
      ['Sprint 42', 0.2],
      ['Sprint 41 (March)', 0.3],
    ]);
  });

  it('deletes a sprint by name (undo), and answers NOT_FOUND for one that is not there', async () => {
    expect(await ok(`mutation { deleteSprint(team: "w", name: "Sprint 42") }`)).toEqual({ deleteSprint: true });
    expect(await names()).toEqual(['Sprint 41 (March)']);
    const res = await s.gql(`mutation { deleteSprint(team: "w", name: "Sprint 42") }`);
    expect(res.errors?.[0]).toMatchObject({ message: 'No sprint "Sprint 42" in team "w".', extensions: { code: 'NOT_FOUND' } });
  });

  it('computes a sprint’s capacity from its own members and days off, and shows the hours it reserved', async () => {
    // 2 people × 10 working days × 6 focus hours − 1 day off × 6 h = 114 h; 25% of it is 28.5 h.
    const { upsertSprints } = await ok(ACCEPT, { s: [{ team: 'w', name: 'Small', startDate: '2026-03-30', endDate: '2026-04-12', members: 2, daysOff: 1, reservedOpsShare: 0.25 }] });
    expect(upsertSprints[0].name).toBe('Small');
    const { team } = await ok(`{ team(slug: "w") { sprints(last: 1) { name members capacityHours reservedOpsShare reservedOpsHours } } }`);
    expect(team.sprints).toEqual([{ name: 'Small', members: 2, capacityHours: 114, reservedOpsShare: 0.25, reservedOpsHours: 28.5 }]);
    // Without its own count a sprint follows the team's: 4 × 10 × 6 = 240 h.
    await ok(ACCEPT, { s: [{ team: 'w', name: 'Small', startDate: '2026-03-30', endDate: '2026-04-12', reservedOpsShare: 0.25 }] });
    expect((await ok(`{ team(slug: "w") { sprints(last: 1) { members capacityHours reservedOpsHours } } }`)).team.sprints).toEqual([{ members: 4, capacityHours: 240, reservedOpsHours: 60 }]);
    await ok(`mutation { deleteSprint(team: "w", name: "Small") }`);
  });

  it('takes a sprint’s members as the capacity of a team without a count, and refuses a bad count', async () => {
    await ok(`mutation { upsertTeams(input: [{ slug: "nocount", name: "No count" }]) { slug } }`);
    const sprint = { team: 'nocount', name: 'N1', startDate: '2026-03-30', endDate: '2026-04-12' };
    const res = await s.gql(ACCEPT, { s: [sprint] });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', records: [{ index: 0, field: 'capacityHours' }] });
    const bad = await s.gql(ACCEPT, { s: [{ ...sprint, members: -1 }] });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', records: [{ index: 0, field: 'members', message: 'must not be negative' }] });
    await ok(ACCEPT, { s: [{ ...sprint, members: 3 }] });
    expect((await ok(`{ team(slug: "nocount") { sprints(last: 1) { members capacityHours } } }`)).team.sprints).toEqual([{ members: 3, capacityHours: 180 }]);
  });

  it('refuses deleting another team’s sprint when called directly, deleting nothing', async () => {
    await expect(deleteSprint(scopeFor(s.db, PLAN_OTHER), 'w', 'Sprint 41 (March)')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await names()).toEqual(['Sprint 41 (March)']);
  });
});
