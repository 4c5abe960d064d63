import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { createToken } from '../../server/auth/service';
import { migrationSource } from '../../migrations/index';

/**
 * Load model changes are recorded like guardrail versions: who, when and why, newest first, for
 * each team and for the org default; a refused change writes neither the model nor its record.
 */
const MODEL = 'businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage';
const CHANGE = `team ${MODEL} reason changedBy changedAt`;
const SET = `mutation($team: String, $input: LoadModelInput!, $reason: String) { setLoadModel(team: $team, input: $input, reason: $reason) { ${MODEL} } }`;

describe.each(DB_KINDS)('load model history on %s', (kind) => {
  let s: TestServer;
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const rows = async () => ({
    models: Number((await s.db('load_models').count({ n: '*' }).first())!.n),
    changes: Number((await s.db('load_model_changes').count({ n: '*' }).first())!.n),
  });

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(`mutation { upsertTeams(input: [{ slug: "core", name: "Core" }, { slug: "edge", name: "Edge" }]) { slug } }`);
  });
  afterAll(() => s?.close());

  it('records each org-default change with who, when and why, newest first, and teams following it say so', async () => {
    const empty = await ok(`{ loadModelDefaultsHistory { team } team(slug: "core") { ownLoadModel { minutesPerAlert } loadModelHistory { team } } }`);
    expect(empty).toEqual({ loadModelDefaultsHistory: [], team: { ownLoadModel: null, loadModelHistory: [] } });

    const started = Date.now();
    await ok(SET, { input: { minutesPerAlert: 10 }, reason: 'Triage takes longer since the new alert router' });
    await ok(SET, { input: { sleepWeight: 1.5 }, reason: 'A night page costs the next morning too' });
    const { loadModelDefaultsHistory: history, loadModelDefaults, team } = await ok(
      `{ loadModelDefaultsHistory { ${CHANGE} } loadModelDefaults { ${MODEL} } team(slug: "core") { loadModel { minutesPerAlert sleepWeight } ownLoadModel { minutesPerAlert } loadModelHistory { team } } }`,
    );
    expect(history.map((c: { reason: string }) => c.reason)).toEqual(['A night page costs the next morning too', 'Triage takes longer since the new alert router']);
    // Each change holds the whole model it set, not only the fields sent.
    expect(history[0]).toMatchObject({ team: null, minutesPerAlert: 10, sleepWeight: 1.5, businessWeight: 1, maxHoursPerPage: 8, changedBy: 'test admin' });
    expect(history[1]).toMatchObject({ minutesPerAlert: 10, sleepWeight: 1 });
    expect(loadModelDefaults).toMatchObject({ minutesPerAlert: 10, sleepWeight: 1.5 });
    expect(Date.parse(history[0].changedAt)).toBeGreaterThanOrEqual(started - 5_000);
    // The team follows the org default: it has no model of its own and no history.
    expect(team).toEqual({ loadModel: { minutesPerAlert: 10, sleepWeight: 1.5 }, ownLoadModel: null, loadModelHistory: [] });
  });

  it("keeps a team's changes apart from the org's and from other teams', with the token's name", async () => {
    const { token } = await createToken(s.db, { name: 'core planner', scopes: ['plan'], teams: ['core'] });
    const res = await s.gqlAs(token, SET, { team: 'core', input: { hoursPerFailedDeploy: 4 }, reason: 'Rollbacks are manual here' });
    expect(res.errors).toBeUndefined();
    const data = await ok(`{ core: team(slug: "core") { ownLoadModel { hoursPerFailedDeploy minutesPerAlert } loadModelHistory { ${CHANGE} } }
      edge: team(slug: "edge") { ownLoadModel { hoursPerFailedDeploy } loadModelHistory { team } } loadModelDefaultsHistory { team } }`);
    // The team's own model starts from the org default in force (10 minutes per alert).
    expect(data.core.ownLoadModel).toEqual({ hoursPerFailedDeploy: 4, minutesPerAlert: 10 });
    expect(data.core.loadModelHistory).toEqual([
      expect.objectContaining({ team: 'core', hoursPerFailedDeploy: 4, minutesPerAlert: 10, reason: 'Rollbacks are manual here', changedBy: 'core planner' }),
    ]);
    expect(data.edge).toEqual({ ownLoadModel: null, loadModelHistory: [] });
    expect(data.loadModelDefaultsHistory).toHaveLength(2);
  });

  it('takes a change without a reason (callers from before the reason existed) and records it as null', async () => {
    const data = await ok(`mutation { setLoadModel(team: "edge", input: { minutesPerAlert: 3 }) { minutesPerAlert } }`);
    expect(data.setLoadModel.minutesPerAlert).toBe(3);
    const { team } = await ok(`{ team(slug: "edge") { loadModelHistory { reason minutesPerAlert changedBy } } }`);
    expect(team.loadModelHistory).toEqual([{ reason: null, minutesPerAlert: 3, changedBy: 'test admin' }]);
  });

  it('refuses an empty reason or a bad value naming the field, and writes neither the model nor a change', async () => {
    const before = await rows();
    const blank = await s.gql(SET, { input: { minutesPerAlert: 7 }, reason: '  ' });
    expect(blank.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', records: [{ index: 0, field: 'reason', message: 'must say why (at least 3 characters)' }] });
    const both = await s.gql(SET, { team: 'core', input: { maxHoursPerPage: 0 }, reason: 'x' });
    expect(both.errors[0].extensions.records.map((r: { field: string }) => r.field)).toEqual(['maxHoursPerPage', 'reason']);
    expect(await rows()).toEqual(before);
    expect((await ok(`{ loadModelDefaults { minutesPerAlert } }`)).loadModelDefaults.minutesPerAlert).toBe(10);
  });

  it('refuses the org default to a token limited to teams, as it does for guardrails', async () => {
    const { token } = await createToken(s.db, { name: 'edge planner', scopes: ['plan'], teams: ['edge'] });
    const before = await rows();
    const res = await s.gqlAs(token, SET, { input: { minutesPerAlert: 1 }, reason: 'org-wide from a team token' });
    expect(res.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await rows()).toEqual(before);
  });
});

describe('the migration that starts load model history', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('postgres');
  });
  afterAll(() => s?.close());

  it('records the models set before it as their first change, reason unknown', async () => {
    // By name, so that migrations added after it stay applied.
    const name = '20261203100000_load_model_changes';
    const [, undone] = await s.db.migrate.down({ migrationSource, name });
    expect(undone).toEqual([name]);
    const [team] = await s.db('teams').insert({ slug: 'old', name: 'Old' }).returning('id');
    await s.db('load_models').insert([
      { team_id: null, business_weight: 1, off_hours_weight: 1, sleep_weight: 2, minutes_per_alert: 5, hours_per_failed_deploy: 2, max_hours_per_page: 8, updated_at: '2026-01-05T10:00:00Z' },
      { team_id: team.id, business_weight: 1, off_hours_weight: 1, sleep_weight: 1, minutes_per_alert: 15, hours_per_failed_deploy: 2, max_hours_per_page: 8 },
    ]);
    expect((await s.db.migrate.up({ migrationSource, name }))[1]).toEqual([name]);
    const { data } = await s.gql(`{ loadModelDefaultsHistory { sleepWeight reason changedBy changedAt } team(slug: "old") { loadModelHistory { team minutesPerAlert } } }`);
    expect(data.loadModelDefaultsHistory).toEqual([
      { sleepWeight: 2, reason: null, changedBy: 'unknown (before changes were recorded)', changedAt: '2026-01-05T10:00:00.000Z' },
    ]);
    expect(data.team.loadModelHistory).toEqual([{ team: 'old', minutesPerAlert: 15 }]);
  });
});
