import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import type { Viewer } from '../../server/core/viewer';
import { archiveTeam } from '../../server/teams/service';

const RANGE = { from: '2026-03-02', to: '2026-03-15' };
const SNAPSHOT = `mutation($i: SnapshotInput!) { createSnapshot(input: $i) { id teams } }`;

describe.each(DB_KINDS)('archiving a team on %s', (kind) => {
  let s: TestServer;
  let snapshotId = '';
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const slugs = (rows: { slug: string }[]) => rows.map((r) => r.slug);

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(`mutation { upsertTeams(input: [{ slug: "core", name: "Core", members: 4 }, { slug: "old", name: "Old", members: 3 }]) { slug } }`);
    await ok(`mutation { recordDailyMetrics(input: [{ team: "old", date: "2026-03-03", alerts: 7 }]) { received } }`);
    await ok(`mutation { upsertSprints(input: [{ team: "old", name: "S1", startDate: "2026-03-02", endDate: "2026-03-15" }]) { name } }`);
    snapshotId = (await ok(SNAPSHOT, { i: { label: 'before archiving', range: RANGE } })).createSnapshot.id;
  });
  afterAll(() => s?.close());

  it('takes the team out of teams, the overview, new snapshots and the export, and says so on the team', async () => {
    const { archiveTeam } = await ok(`mutation { archiveTeam(slug: "old") { slug archived } }`);
    expect(archiveTeam).toEqual({ slug: 'old', archived: true });

    const lists = await ok(`query($r: DateRange!) { teams { slug } all: teams(includeArchived: true) { slug archived } overview(range: $r) { team { slug } } }`, { r: RANGE });
    expect(slugs(lists.teams)).toEqual(['core']);
    expect(lists.all).toEqual([{ slug: 'core', archived: false }, { slug: 'old', archived: true }]);
    expect(lists.overview.map((r: { team: { slug: string } }) => r.team.slug)).toEqual(['core']);

    expect((await ok(SNAPSHOT, { i: { label: 'after', range: RANGE } })).createSnapshot.teams).toEqual(['core']);
    const csv = await (await fetch(`${s.url}/api/export.csv?from=${RANGE.from}&to=${RANGE.to}`, { headers: s.auth })).text();
    expect(csv).toContain('core');
    expect(csv).not.toMatch(/^old,/m);
  });

  it('keeps its history, sprints and the snapshots that name it', async () => {
    const { team } = await ok(`query($r: DateRange!) { team(slug: "old") { archived kpis(range: $r) { alerts } sprints { name } } }`, { r: RANGE });
    expect(team).toEqual({ archived: true, kpis: { alerts: 7 }, sprints: [{ name: 'S1' }] });
    const { snapshot } = await ok(`{ snapshot(id: "${snapshotId}") { teams } }`);
    expect(snapshot.teams).toEqual(['core', 'old']);
    const { snapshotDiff } = await ok(`{ snapshotDiff(a: "${snapshotId}") { teams { name } } }`);
    expect(snapshotDiff.teams.map((t: { name: string }) => t.name)).toEqual(['Core', 'Old']);
    // Named, it can still be exported.
    const csv = await (await fetch(`${s.url}/api/export.csv?from=${RANGE.from}&to=${RANGE.to}&teams=old`, { headers: s.auth })).text();
    expect(csv).toMatch(/^old,/m);
  });

  it('keeps the first archive time when archived again, and is restored by upsertTeams(archived: false)', async () => {
    const first = (await s.db('teams').select('archived_at').where({ slug: 'old' }).first()).archived_at;
    await ok(`mutation { archiveTeam(slug: "old") { archived } }`);
    await ok(`mutation { upsertTeams(input: [{ slug: "old", name: "Old again" }]) { archived } }`);
    expect((await s.db('teams').select('archived_at').where({ slug: 'old' }).first()).archived_at).toEqual(first);
    const { upsertTeams } = await ok(`mutation { upsertTeams(input: [{ slug: "old", name: "Old", archived: false }]) { slug archived } }`);
    expect(upsertTeams).toEqual([{ slug: 'old', archived: false }]);
    expect(slugs((await ok(`{ teams { slug } }`)).teams)).toEqual(['core', 'old']);
    const { upsertTeams: created } = await ok(`mutation { upsertTeams(input: [{ slug: "born-archived", name: "B", archived: true }]) { archived } }`);
    expect(created).toEqual([{ archived: true }]);
  });

  it('answers NOT_FOUND for an unknown slug, and FORBIDDEN for a team outside a limited token', async () => {
    const missing = await s.gql(`mutation { archiveTeam(slug: "nope") { slug } }`);
    expect(missing.errors.map((e: any) => [e.extensions.code, e.message])).toEqual([['NOT_FOUND', 'No team with slug "nope".']]);
    // An admin token limited to teams, as stored before admin became org-wide (none can be made now).
    const coreAdmin: Viewer = { tokenId: '00000000-0000-4000-8000-000000000031', name: 'core admin', scopes: ['admin'], teams: ['core'] };
    await expect(archiveTeam(s.db, 'old', coreAdmin)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await s.db('teams').select('archived_at').where({ slug: 'old' }).first()).archived_at).toBeNull();
  });
});
