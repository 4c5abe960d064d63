import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { addDays } from '../../server/core/calendar';

// A tracker's whole history in one call: hundreds of sprints per team. The sprints' bookkeeping
// statements must not grow with the batch in depth (a row-valued IN list of 500 pairs overflowed
// the embedded database's stack and left it broken for the next statement).
const SPRINTS_PER_TEAM = 600;
const TEAMS = ['core', 'web'];
const fortnights = (team: string, name = (i: number) => `S${i}`) =>
  Array.from({ length: SPRINTS_PER_TEAM }, (_, i) => ({
    team,
    name: name(i),
    startDate: addDays('2003-01-06', 14 * i),
    endDate: addDays('2003-01-06', 14 * i + 13),
    reservedOpsShare: 0.2,
  }));

describe.each(DB_KINDS)('a batch of hundreds of sprints per team on %s', (kind) => {
  let s: TestServer;
  const UPSERT = 'mutation($input: [SprintInput!]!) { upsertSprints(input: $input) { name state reservedOpsHours } }';

  beforeAll(async () => {
    s = await startTestServer(kind);
    const teams = await s.gql(`mutation { upsertTeams(input: [{ slug: "core", name: "Core", members: 5 }, { slug: "web", name: "Web", members: 4 }]) { slug } }`);
    expect(teams.errors).toBeUndefined();
  });
  afterAll(() => s?.close());

  it('records them all, then renames them all by their windows, and the database answers the next statement', async () => {
    const first = await s.gql(UPSERT, { input: TEAMS.flatMap((t) => fortnights(t)) });
    expect(first.errors).toBeUndefined();
    expect(first.data.upsertSprints).toHaveLength(TEAMS.length * SPRINTS_PER_TEAM);
    expect(first.data.upsertSprints[0]).toEqual({ name: 'S0', state: 'FINISHED', reservedOpsHours: 60 }); // 5 × 10 × 6 h × 0.2

    // The same windows under new names rename the stored sprints (one window, one sprint).
    const renamed = await s.gql(UPSERT, { input: TEAMS.flatMap((t) => fortnights(t, (i) => `Sprint ${i + 1}`)) });
    expect(renamed.errors).toBeUndefined();
    const names = await s.db('sprints').join('teams', 'teams.id', 'sprints.team_id').where('teams.slug', 'web').orderBy('start_date').pluck('sprints.name');
    expect(names).toHaveLength(SPRINTS_PER_TEAM);
    expect(names.slice(0, 2)).toEqual(['Sprint 1', 'Sprint 2']);

    const read = await s.gql('{ team(slug: "core") { sprints(last: 1) { name } } }');
    expect(read).toEqual({ data: { team: { sprints: [{ name: `Sprint ${SPRINTS_PER_TEAM}` }] } } });
  });
});
