import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { createToken } from '../../server/auth/service';

describe.each(DB_KINDS)('CSV import of sprints on %s', (kind) => {
  let s: TestServer;
  const post = async (body: string, headers: Record<string, string> = s.auth) => {
    const res = await fetch(`${s.url}/api/import?kind=sprints`, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body });
    return { status: res.status, body: await res.json() };
  };
  const sprints = () =>
    s.db('sprints').join('teams', 'teams.id', 'sprints.team_id').orderBy(['teams.slug', 'start_date'])
      .select('teams.slug as team', 'sprints.name', 'start_date', 'end_date', 'capacity_hours', 'sprints.members', 'days_off', 'reserved_ops_share', 'feature_points_completed');
  const bearer = async (scopes: ('plan' | 'ingest')[], teams?: string[]) => ({ authorization: `Bearer ${(await createToken(s.db, { name: `t-${scopes}-${teams}`, scopes, teams })).token}` });
  const HEADER = 'team,name,startDate,endDate,capacityHours,members,daysOff,reservedOpsShare,featurePointsPlanned,featurePointsCompleted';

  beforeAll(async () => {
    s = await startTestServer(kind);
    const teams = await s.gql(`mutation { upsertTeams(input: [{ slug: "core", name: "Core", members: 5 }, { slug: "web", name: "Web" }]) { slug } }`);
    expect(teams.errors).toBeUndefined();
  });
  afterAll(() => s?.close());

  it('records sprints with upsertSprints’ rules; a re-import updates them (same name, or same dates under a new name)', async () => {
    const first = await post(`${HEADER}\r\ncore,Sprint 1,2026-03-02,2026-03-15,,,2,0.2,,\r\ncore,Sprint 2,2026-03-16,2026-03-29,,4,,0.25,30,\r\nweb,W1,2026-03-02,2026-03-15,120,,,,,\r\n`);
    expect(first).toEqual({ status: 200, body: { received: 3, inserted: 3, updated: 0, unchanged: 0, lines: 4 } });
    expect(await sprints()).toEqual([
      { team: 'core', name: 'Sprint 1', start_date: '2026-03-02', end_date: '2026-03-15', capacity_hours: null, members: null, days_off: 2, reserved_ops_share: 0.2, feature_points_completed: null },
      { team: 'core', name: 'Sprint 2', start_date: '2026-03-16', end_date: '2026-03-29', capacity_hours: null, members: 4, days_off: 0, reserved_ops_share: 0.25, feature_points_completed: null },
      { team: 'web', name: 'W1', start_date: '2026-03-02', end_date: '2026-03-15', capacity_hours: 120, members: null, days_off: 0, reserved_ops_share: null, feature_points_completed: null },
    ]);
    // The capacity is computed as for upsertSprints: 5 members × 10 working days × 6 h − 2 days off × 6 h.
    const read = await s.gql(`{ team(slug: "core") { sprints(last: 2) { name capacityHours reservedOpsHours } } }`);
    expect(read.data.team.sprints).toEqual([
      { name: 'Sprint 2', capacityHours: 240, reservedOpsHours: 60 },
      { name: 'Sprint 1', capacityHours: 288, reservedOpsHours: 57.6 },
    ]);

    // Sprint 2 by name gets its completed points; the window of W1 under a new name renames it.
    const again = await post(`team,name,startDate,endDate,members,reservedOpsShare,featurePointsCompleted\ncore,Sprint 2,2026-03-16,2026-03-29,4,0.25,27\nweb,Web 1,2026-03-02,2026-03-15,3,,\n`);
    expect(again).toEqual({ status: 200, body: { received: 2, inserted: 0, updated: 2, unchanged: 0, lines: 3 } });
    const after = await sprints();
    expect(after.map((r) => [r.team, r.name, r.feature_points_completed])).toEqual([['core', 'Sprint 1', null], ['core', 'Sprint 2', 27], ['web', 'Web 1', null]]);
    expect(after[2]).toMatchObject({ capacity_hours: null, members: 3 }); // a line is the whole record
  });

  it('names every bad line by its number and field, and writes nothing', async () => {
    const before = await sprints();
    const res = await post(
      'team,name,startDate,endDate,capacityHours,reservedOpsShare\n' +
        'core,Sprint 3,2026-03-30,2026-04-12,,0.3\n' + // fine
        'core,Sprint 4,2026-04-13,2026-04-01,,\n' + // ends before it starts
        'web,W2,2026-03-16,2026-03-29,,\n' + // web has no members: capacity required
        'nobody,X,2026-03-16,2026-03-29,10,\n' + // unknown team
        'core,Sprint 5,2026-04-13,2026-04-26,,1.5\n' + // share over 1
        'core,Sprint 3,2026-04-27,2026-05-10,,\n' + // name twice in the file
        'core,Sprint 6,2026-03-30,2026-04-12,,\n', // the window of line 2 under another name
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
    expect(res.body.error.message).toMatch(/^6 bad lines in the sprint CSV file; nothing was imported\. First: line 3, endDate: must not be before startDate\./);
    expect(res.body.error.records.map((r: { index: number; field: string }) => [r.index, r.field])).toEqual([
      [3, 'endDate'], [4, 'capacityHours'], [5, 'team'], [6, 'reservedOpsShare'], [7, 'name'], [8, 'startDate'],
    ]);
    expect(res.body.error.records[4].message).toBe('duplicates the key of line 2');
    expect(res.body.error.records[5].message).toBe('has the dates of line 2: one window is one sprint');
    expect(await sprints()).toEqual(before);

    // Renaming a stored window onto the name of another stored sprint is refused too, on its line.
    const clash = await post('team,name,startDate,endDate\ncore,Sprint 1,2026-03-16,2026-03-29\n');
    expect([clash.status, clash.body.error.records]).toEqual([400, [{ index: 2, field: 'name', message: `is already another sprint's: a sprint with these dates exists, under another name` }]]);
    expect(await sprints()).toEqual(before);
  });

  it('takes the plan scope (not ingest), and a token limited to teams imports only its own', async () => {
    const ingestOnly = await post('team,name,startDate,endDate\ncore,P1,2026-06-01,2026-06-14\n', await bearer(['ingest']));
    expect([ingestOnly.status, ingestOnly.body.error.code]).toEqual([403, 'FORBIDDEN']);

    const coreOnly = await bearer(['plan'], ['core']);
    const refused = await post('team,name,startDate,endDate\ncore,P1,2026-06-01,2026-06-14\nweb,P1,2026-06-01,2026-06-14\n', coreOnly);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(refused.body.error.records).toEqual([{ index: 3, field: 'team', message: `is outside this token's teams; it cannot write team "web"` }]);
    expect(await s.db('sprints').where({ name: 'P1' }).first()).toBeUndefined();

    const own = await post('team,name,startDate,endDate\ncore,P1,2026-06-01,2026-06-14\n', coreOnly);
    expect(own).toEqual({ status: 200, body: { received: 1, inserted: 1, updated: 0, unchanged: 0, lines: 2 } });
  });
});
