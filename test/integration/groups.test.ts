import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { createToken } from '../../server/auth/service';
import { teamIdsInGroup } from '../../server/groups/service';

const RANGE = { from: '2026-03-02', to: '2026-03-15' }; // 14 days, 10 working days
const GROUP = `id name path depth parent { name } children { name } teams { slug } allTeams { slug }`;

describe.each(DB_KINDS)('groups on %s', (kind) => {
  let s: TestServer;
  const ids: Record<string, string> = {};
  const ok = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = token ? await s.gqlAs(token, query, variables) : await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const fails = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, 'expected an error').toBeDefined();
    return res.errors[0];
  };
  const create = async (name: string, parent?: string) =>
    (ids[name] = (await ok(`mutation($n: String!, $p: ID) { createGroup(name: $n, parent: $p) { id } }`, { n: name, p: parent ?? null })).createGroup.id);
  const setGroup = (team: string, group: string | null) => ok(`mutation($t: String!, $g: ID) { setTeamGroup(team: $t, group: $g) { slug group { name } } }`, { t: team, g: group });

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(`mutation { upsertTeams(input: [
      { slug: "api", name: "API", members: 2 }, { slug: "etl", name: "ETL", members: 4 },
      { slug: "web", name: "Web" }, { slug: "solo", name: "Solo", members: 1 }]) { slug } }`);
    // api: 12 h of toil on 120 h of capacity, 1 of 10 deploys failed; etl: 60 h on 240 h, 1 of 2
    // failed (a breach of the 15% change failure rate); web has no members, so no capacity.
    await ok(`mutation { recordDailyMetrics(input: [
      { team: "api", date: "2026-03-03", toilHours: 12, deploys: 10, failedDeploys: 1 },
      { team: "etl", date: "2026-03-04", toilHours: 60, deploys: 2, failedDeploys: 1 },
      { team: "web", date: "2026-03-05", toilHours: 5 }]) { received } }`);
    await create('Platform');
    await create('Data', ids.Platform);
    await create('Streaming', ids.Data);
    await create('Product');
    await setGroup('api', ids.Platform);
    await setGroup('etl', ids.Data);
    await setGroup('web', ids.Product);
  });
  afterAll(() => s?.close());

  it('lists groups by path with their parents, children, depth and teams, nested teams included', async () => {
    const { groups } = await ok(`{ groups { ${GROUP} } }`);
    expect(groups).toEqual([
      { id: ids.Platform, name: 'Platform', path: 'Platform', depth: 1, parent: null, children: [{ name: 'Data' }], teams: [{ slug: 'api' }], allTeams: [{ slug: 'api' }, { slug: 'etl' }] },
      { id: ids.Data, name: 'Data', path: 'Platform / Data', depth: 2, parent: { name: 'Platform' }, children: [{ name: 'Streaming' }], teams: [{ slug: 'etl' }], allTeams: [{ slug: 'etl' }] },
      { id: ids.Streaming, name: 'Streaming', path: 'Platform / Data / Streaming', depth: 3, parent: { name: 'Data' }, children: [], teams: [], allTeams: [] },
      { id: ids.Product, name: 'Product', path: 'Product', depth: 1, parent: null, children: [], teams: [{ slug: 'web' }], allTeams: [{ slug: 'web' }] },
    ]);
    const { team } = await ok(`{ team(slug: "etl") { group { path } } }`);
    expect(team.group.path).toBe('Platform / Data');
    expect((await ok(`{ team(slug: "solo") { group { path } } }`)).team.group).toBeNull();
  });

  it('refuses a fourth level, a cycle, a taken name and an unknown parent, with a clear error, and writes nothing', async () => {
    const before = await s.db('groups').count('* as n').first();
    const deep = await fails(`mutation($p: ID) { createGroup(name: "Kafka", parent: $p) { id } }`, { p: ids.Streaming });
    expect(deep.extensions.code).toBe('BAD_USER_INPUT');
    expect(deep.message).toBe('The group cannot go there: groups nest at most 3 levels: under "Platform / Data / Streaming" (level 3) this group would reach level 4.');
    const under = await fails(`mutation($id: ID!, $p: ID) { moveGroup(id: $id, parent: $p) { id } }`, { id: ids.Data, p: ids.Streaming });
    expect(under.message).toBe('The group cannot go there: "Streaming" is nested in this group: moving it there would make a cycle.');
    const cycle = await fails(`mutation($id: ID!, $p: ID) { moveGroup(id: $id, parent: $p) { id } }`, { id: ids.Platform, p: ids.Data });
    expect(cycle.message).toContain('"Data" is nested in this group: moving it there would make a cycle');
    const self = await fails(`mutation($id: ID!, $p: ID) { moveGroup(id: $id, parent: $p) { id } }`, { id: ids.Product, p: ids.Product });
    expect(self.message).toContain('a group cannot be its own parent');
    // Platform brings 3 levels (Platform, Data, Streaming): under a top-level group they would reach level 4.
    const subtree = await fails(`mutation($id: ID!, $p: ID) { moveGroup(id: $id, parent: $p) { id } }`, { id: ids.Platform, p: ids.Product });
    expect(subtree.message).toBe('The group cannot go there: groups nest at most 3 levels: under "Product" (level 1) this group and its subgroups would reach level 4.');
    const taken = await fails(`mutation($id: ID!) { renameGroup(id: $id, name: "Platform") { id } }`, { id: ids.Product });
    expect(taken.message).toBe('A group named "Platform" already exists; group names are unique.');
    const unknown = await fails(`mutation { createGroup(name: "Orphan", parent: "99999") { id } }`);
    expect(unknown.message).toContain('no group with id "99999"');
    const empty = await fails(`mutation { createGroup(name: "") { id } }`);
    expect(empty.extensions.records).toEqual([{ index: 0, field: 'name', message: 'must not be empty' }]);
    expect(await s.db('groups').count('* as n').first()).toEqual(before);
  });

  it('moves a group with its subgroups and teams, and back to the top level', async () => {
    // Data (2 levels: Data, Streaming) fits under a top-level group: 1 + 2 = 3.
    const moved = (await ok(`mutation($id: ID!, $p: ID) { moveGroup(id: $id, parent: $p) { path allTeams { slug } } }`, { id: ids.Data, p: ids.Product })).moveGroup;
    expect(moved).toEqual({ path: 'Product / Data', allTeams: [{ slug: 'etl' }] });
    expect((await ok(`{ groups { path } }`)).groups.map((g: { path: string }) => g.path)).toContain('Product / Data / Streaming');
    expect((await ok(`mutation($id: ID!) { moveGroup(id: $id, parent: null) { path depth } }`, { id: ids.Data })).moveGroup).toEqual({ path: 'Data', depth: 1 });
    await ok(`mutation($id: ID!, $p: ID) { moveGroup(id: $id, parent: $p) { id } }`, { id: ids.Data, p: ids.Platform });
    expect((await ok(`mutation($id: ID!) { renameGroup(id: $id, name: "Data platform") { path } }`, { id: ids.Data })).renameGroup.path).toBe('Platform / Data platform');
    await ok(`mutation($id: ID!) { renameGroup(id: $id, name: "Data") { id } }`, { id: ids.Data });
  });

  it('refuses to delete a group that holds teams or groups, naming them; deletes an empty one', async () => {
    const held = await fails(`mutation($id: ID!) { deleteGroup(id: $id) }`, { id: ids.Platform });
    expect(held.extensions.code).toBe('BAD_USER_INPUT');
    expect(held.message).toBe('The group "Platform" is not empty; it holds teams api (move them with setTeamGroup); groups Data (move or delete them first).');
    const gone = await create('Temporary');
    expect((await ok(`mutation($id: ID!) { deleteGroup(id: $id) }`, { id: gone })).deleteGroup).toBe(true);
    expect((await s.gql(`mutation($id: ID!) { deleteGroup(id: $id) }`, { id: gone })).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await s.gql(`mutation { setTeamGroup(team: "nobody", group: null) { slug } }`)).errors[0].message).toBe('No team with slug "nobody".');
  });

  it('gives the team ids of a group with its nested groups to other code (teamIdsInGroup)', async () => {
    const teamId = async (slug: string) => (await s.db('teams').where({ slug }).first('id')).id;
    expect(await teamIdsInGroup(s.db, Number(ids.Platform))).toEqual([await teamId('api'), await teamId('etl')].sort((a, b) => a - b));
    expect(await teamIdsInGroup(s.db, Number(ids.Streaming))).toEqual([]);
  });

  it('sums group rows from their teams (nested included), recomputing shares, with the worst status, and an org total', async () => {
    const OVERVIEW = `query($r: DateRange!) {
      overview(range: $r) { team { slug } status }
      overviewGroups(range: $r) { group { path } teams status totals { teams opsHours capacityHours opsShare deploys failedDeploys changeFailureRate toilHours opsBreakdown { toil } status } }
      orgTotal(range: $r) { teams opsHours capacityHours opsShare deploys failedDeploys changeFailureRate status }
    }`;
    const d = await ok(OVERVIEW, { r: RANGE });
    const status = Object.fromEntries(d.overview.map((r: { team: { slug: string }; status: string }) => [r.team.slug, r.status]));
    expect(status.etl).toBe('BREACH'); // 1 of 2 deploys failed
    const rows = Object.fromEntries(d.overviewGroups.map((r: { group: { path: string } }) => [r.group.path, r]));
    expect(d.overviewGroups.map((r: { group: { path: string } }) => r.group.path)).toEqual(['Platform', 'Platform / Data', 'Platform / Data / Streaming', 'Product']);
    // Platform = api + etl (nested). Ops hours: toil plus 2 h per failed deploy: 14 h and 62 h.
    // 76 h of 360 h is 21.11%, not the 18.75% mean of 11.67% and 25.83%; 2 failed of 12 deploys
    // is 16.67%, not the 30% mean of 10% and 50%.
    expect(rows.Platform).toEqual({
      group: { path: 'Platform' }, teams: ['api', 'etl'], status: 'BREACH',
      totals: { teams: 2, opsHours: 76, capacityHours: 360, opsShare: 0.2111, deploys: 12, failedDeploys: 2, changeFailureRate: 0.1667, toilHours: 72, opsBreakdown: { toil: 72 }, status: 'BREACH' },
    });
    expect(rows['Platform / Data'].totals).toMatchObject({ teams: 1, capacityHours: 240, toilHours: 60, opsShare: 0.2583, status: 'BREACH' });
    expect(rows['Platform / Data / Streaming']).toMatchObject({ teams: [], status: 'NO_DATA', totals: { teams: 0, opsHours: 0, opsShare: null, changeFailureRate: null } });
    // web has no capacity: its 5 hours count in opsHours, not in the share.
    expect(rows.Product.totals).toMatchObject({ teams: 1, opsHours: 5, capacityHours: 0, opsShare: null, status: status.web });
    // The org: every team, solo (no group, 60 h of capacity) included; the share from the teams
    // with a capacity only: 76 h of 420 h, web's 5 h stay out of it.
    expect(d.orgTotal).toEqual({ teams: 4, opsHours: 81, capacityHours: 420, opsShare: 0.181, deploys: 12, failedDeploys: 2, changeFailureRate: 0.1667, status: 'BREACH' });
  });

  it('freezes each team\'s group path and the group rows in a snapshot, and names the group in the exports', async () => {
    const SNAP = `mutation($i: SnapshotInput!) { createSnapshot(input: $i) { id data { slug group } groups { path teams totals { opsHours opsShare status } } total { teams opsHours } } }`;
    const snap = (await ok(SNAP, { i: { label: 'ops review', range: RANGE } })).createSnapshot;
    expect(snap.data.map((t: { slug: string; group: string | null }) => [t.slug, t.group])).toEqual([['api', 'Platform'], ['etl', 'Platform / Data'], ['solo', null], ['web', 'Product']]);
    // The groups holding its teams: the empty Streaming has no row.
    expect(snap.groups).toEqual([
      { path: 'Platform', teams: ['api', 'etl'], totals: { opsHours: 76, opsShare: 0.2111, status: 'BREACH' } },
      { path: 'Platform / Data', teams: ['etl'], totals: { opsHours: 62, opsShare: 0.2583, status: 'BREACH' } },
      { path: 'Product', teams: ['web'], totals: { opsHours: 5, opsShare: null, status: expect.any(String) } },
    ]);
    expect(snap.total).toEqual({ teams: 4, opsHours: 81 });
    // Renaming the group later leaves the frozen path as it was.
    await ok(`mutation($id: ID!) { renameGroup(id: $id, name: "Platform team") { id } }`, { id: ids.Platform });
    const again = (await ok(`query($id: ID!) { snapshot(id: $id) { data { group } groups { path } } }`, { id: snap.id })).snapshot;
    expect(again.data[0].group).toBe('Platform');
    expect(again.groups[0].path).toBe('Platform');
    await ok(`mutation($id: ID!) { renameGroup(id: $id, name: "Platform") { id } }`, { id: ids.Platform });

    const json = JSON.parse(await (await fetch(`${s.url}/api/snapshots/${snap.id}.json`, { headers: s.auth })).text());
    expect(json.teams[1].group).toBe('Platform / Data');
    expect(json.groups.map((g: { path: string }) => g.path)).toEqual(['Platform', 'Platform / Data', 'Product']);
    const frozen = (await (await fetch(`${s.url}/api/snapshots/${snap.id}.csv`, { headers: s.auth })).text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(frozen[0].split(',').at(-1)).toBe('group');
    expect(frozen[2].split(',').at(-1)).toBe('Platform / Data');
    const current = (await (await fetch(`${s.url}/api/export.csv?from=${RANGE.from}&to=${RANGE.to}`, { headers: s.auth })).text()).split('\r\n');
    expect(current.find((l) => l.startsWith('solo,'))!.split(',').at(-1)).toBe('');
    expect(current.find((l) => l.startsWith('api,'))!.split(',').at(-1)).toBe('Platform');
  });

  it('limits a token to a group: its teams and nested groups\' teams, teams added later too, nothing else', async () => {
    const { token } = await ok(`mutation($g: ID) { createToken(input: { name: "platform reader", scopes: [read], group: $g }) { token group { path } teams } }`, { g: ids.Platform })
      .then((d) => { expect(d.createToken.group.path).toBe('Platform'); expect(d.createToken.teams).toEqual(['api', 'etl']); return d.createToken; });
    const seen = async () => (await ok(`query($r: DateRange!) { viewer { teams group { name } } teams { slug } overview(range: $r) { team { slug } } overviewGroups(range: $r) { group { path } } orgTotal(range: $r) { teams } groups { path } }`, { r: RANGE }, token));
    let d = await seen();
    expect(d.viewer).toEqual({ teams: ['api', 'etl'], group: { name: 'Platform' } });
    expect(d.teams.map((t: { slug: string }) => t.slug)).toEqual(['api', 'etl']);
    expect(d.overview.map((r: { team: { slug: string } }) => r.team.slug)).toEqual(['api', 'etl']);
    expect(d.overviewGroups.map((r: { group: { path: string } }) => r.group.path)).toEqual(['Platform', 'Platform / Data']);
    expect(d.orgTotal.teams).toBe(2);
    expect(await s.gqlAs(token, `{ team(slug: "web") { slug } }`)).toEqual({ data: { team: null } });
    // A team moved into a nested group later is seen at the next request.
    await setGroup('solo', ids.Streaming);
    d = await seen();
    expect(d.teams.map((t: { slug: string }) => t.slug)).toEqual(['api', 'etl', 'solo']);
    expect(d.groups.map((g: { path: string }) => g.path)).toEqual(['Platform', 'Platform / Data', 'Platform / Data / Streaming']);
    const csv = await (await fetch(`${s.url}/api/export.csv?from=${RANGE.from}&to=${RANGE.to}`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(csv).toMatch(/^api,/m);
    expect(csv).not.toMatch(/^web,/m);
    await setGroup('solo', null);
    expect((await seen()).teams.map((t: { slug: string }) => t.slug)).toEqual(['api', 'etl']);
  });

  it('refuses a group token that is admin, names teams too, or names no group; keeps a group with tokens', async () => {
    const bad = async (input: Record<string, unknown>) => (await s.gql(`mutation($i: TokenInput!) { createToken(input: $i) { id } }`, { i: input })).errors[0];
    expect((await bad({ name: 'x', scopes: ['admin'], group: ids.Platform })).extensions.records).toEqual([
      { index: 0, field: 'group', message: 'an admin token acts for the whole org: leave group out, or give a group-limited token other scopes' },
    ]);
    expect((await bad({ name: 'x', scopes: ['read'], teams: ['api'], group: ids.Platform })).extensions.records).toEqual([
      { index: 0, field: 'group', message: 'limit a token to teams or to a group, not both' },
    ]);
    expect((await bad({ name: 'x', scopes: ['read'], group: '424242' })).extensions.records).toEqual([{ index: 0, field: 'group', message: 'no group with id "424242"' }]);
    const { id } = await createToken(s.db, { name: 'streaming feeder', scopes: ['ingest'], group: ids.Streaming });
    const held = await fails(`mutation($id: ID!) { deleteGroup(id: $id) }`, { id: ids.Streaming });
    expect(held.message).toBe('The group "Streaming" is not empty; it holds tokens limited to it: streaming feeder (revoke them first).');
    await ok(`mutation($id: ID!) { revokeToken(id: $id) }`, { id });
    expect((await ok(`mutation($id: ID!) { deleteGroup(id: $id) }`, { id: ids.Streaming })).deleteGroup).toBe(true);
    // The revoked token's limit is "no team" now, never every team.
    expect((await s.db('tokens').where({ id }).first('teams', 'group_id'))).toEqual({ teams: [], group_id: null });
    await create('Streaming', ids.Data);
  });
});
