import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import path from 'node:path';
import { startTestServer, type TestServer } from './harness';
import { startRecordedApi, type RecordedApi } from './recordedApi';
import { JiraClient } from '../../server/backfill/jiraClient';
import { backfillJiraSprints } from '../../server/backfill/jiraSprints';
import { upsertSprints } from '../../server/planning/sprints';
import { scopeFor } from '../../server/core/scope';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/jira');
const EMAIL = 'planner@acme.example';
const API_TOKEN = 'ATATT3xFfGF0recordedFixtureToken';
const BASIC = `Basic ${Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64')}`;
const SPRINTS = '/rest/agile/1.0/board/42/sprint';

// Three pages (Jira caps maxResults at 3 here, below the 50 asked for); page 2 is first refused
// with a 429 carrying Retry-After.
const ROUTES: Record<string, string[]> = {
  [`${SPRINTS}?maxResults=50&startAt=0&state=closed,active,future`]: ['sprints.page1'],
  [`${SPRINTS}?maxResults=50&startAt=3&state=closed,active,future`]: ['error.rate-limited', 'sprints.page2'],
  [`${SPRINTS}?maxResults=50&startAt=6&state=closed,active,future`]: ['sprints.page3'],
};

const WINDOWS = [
  ['PAY Sprint 1', '2026-09-07', '2026-09-20'], // completed the morning Sprint 2 started: cut back a day
  ['PAY Sprint 2', '2026-09-21', '2026-10-04'],
  ['PAY Sprint 3', '2026-10-05', '2026-10-18'],
  ['PAY Sprint 4', '2026-10-19', '2026-11-01'], // completed at midnight: the day before
  ['PAY Sprint 5', '2026-11-02', '2026-11-15'],
  ['PAY Sprint 6', '2026-11-16', '2026-11-29'],
  ['PAY Sprint 7', '2026-11-30', '2026-12-13'], // active: its planned end, cut by the next start
  ['PAY Sprint 8', '2026-12-14', '2026-12-27'], // future with dates: two weeks from Monday, 14 days
];

describe('backfill jira (recorded Agile REST responses, PostgreSQL)', () => {
  let s: TestServer;
  let api: RecordedApi;
  const waits: number[] = [];
  const client = (apiToken = API_TOKEN) => new JiraClient({ baseUrl: api.url, email: EMAIL, apiToken, sleep: async (ms) => void waits.push(ms) });
  const policyId = async (team: string | null, version: number) =>
    (await s.db('guardrail_policies').where({ version }).modify((q) => (team ? q.whereIn('team_id', s.db('teams').select('id').where('slug', team)) : q.whereNull('team_id'))).first()).id;

  beforeAll(async () => {
    s = await startTestServer('postgres');
    api = await startRecordedApi({ fixtures: FIXTURES, routes: ROUTES, authorization: BASIC, unauthorized: 'error.unauthorized' });
    const ok = async (q: string) => expect((await s.gql(q)).errors).toBeUndefined();
    await ok(`mutation { upsertTeams(input: [{ slug: "payments", name: "Payments", members: 5, timezone: "Europe/Berlin" }]) { slug } }`);
    // The guardrail history: an org policy from August, the team's own from 10 October, and a
    // stricter one that takes effect on 10 December.
    await ok(`mutation { setGuardrail(input: { opsCeiling: 0.5 }, reason: "org default") { version } }`);
    await ok(`mutation { setGuardrail(team: "payments", input: { opsCeiling: 0.45 }, reason: "payments' own") { version } }`);
    await ok(`mutation { setGuardrail(team: "payments", input: { opsCeiling: 0.4 }, reason: "stricter") { version } }`);
    await s.db('guardrail_policies').whereNull('team_id').update({ created_at: new Date('2026-08-01T09:00:00Z') });
    await s.db('guardrail_policies').whereNotNull('team_id').where('version', 1).update({ created_at: new Date('2026-10-10T09:00:00Z') });
    await s.db('guardrail_policies').whereNotNull('team_id').where('version', 2).update({ created_at: new Date('2026-12-10T09:00:00Z') });
  });
  afterAll(async () => {
    await api?.close();
    await s?.close();
  });

  it('refuses bad credentials with a clear error that never shows them, and records nothing', async () => {
    const failed = await backfillJiraSprints(scopeFor(s.db), client('wrong-token-never-printed'), '42', 'payments').catch((e: Error) => e);
    expect((failed as Error).message).toBe('Jira refused JIRA_EMAIL and JIRA_API_TOKEN (401 Client must be authenticated to access this resource.): check the account email, and that the API token is valid.');
    expect((failed as Error).message).not.toContain('wrong-token');
    expect(await s.db('sprints').count('* as n').first()).toEqual({ n: 0 });
    await expect(backfillJiraSprints(scopeFor(s.db), client(), '42', 'nobody')).rejects.toThrow('No team with slug "nobody".');
    expect(await s.db('backfill_runs').select('id')).toEqual([]);
  });

  it("records every page of the board's sprints, each judged by the guardrail version in force at its start; re-running updates them", async () => {
    // Sprint 6 was planned in Headroom before the backfill (under another name): it keeps the
    // version it was planned under and what its plan reserved.
    await upsertSprints(scopeFor(s.db), [{ team: 'payments', name: 'Sprint starting Nov 16', startDate: '2026-11-16', endDate: '2026-11-29', reservedOpsShare: 0.3, featurePointsCompleted: 21 }]);
    const summary = await backfillJiraSprints(scopeFor(s.db), client(), '42', 'payments');
    expect(waits).toEqual([5_000]);
    expect(summary.read).toBe(9);
    expect(summary.skipped).toEqual([{ name: 'PAY Sprint 9', reason: 'future sprint without a start date' }]);

    const stored = await s.db('sprints').orderBy('start_date').select('name', 'start_date', 'end_date', 'guardrail_policy_id', 'reserved_ops_share');
    expect(stored.map((r) => [r.name, r.start_date, r.end_date])).toEqual(WINDOWS);
    const [org1, team1, team2] = [await policyId(null, 1), await policyId('payments', 1), await policyId('payments', 2)];
    expect(stored.map((r) => r.guardrail_policy_id)).toEqual([org1, org1, org1, team1, team1, team2, team1, team2]);
    expect(await s.db('sprints').where('name', 'PAY Sprint 6').first()).toMatchObject({ reserved_ops_share: 0.3, feature_points_completed: 21 });

    // The plan now stands on the three newest finished sprints.
    const { data } = await s.gql(`{ team(slug: "payments") { plan { basedOn } } }`);
    expect(data.team.plan.basedOn).toHaveLength(3);

    // Again: the same sprints, updated in place, versions kept.
    const again = await backfillJiraSprints(scopeFor(s.db), client(), '42', 'payments');
    expect(again.sprints).toHaveLength(8);
    expect(await s.db('sprints').orderBy('start_date').pluck('guardrail_policy_id')).toEqual([org1, org1, org1, team1, team1, team2, team1, team2]);
    // Each run recorded, finished, with the days its sprints cover.
    const runs = await s.db('backfill_runs').orderBy('id').select('source', 'params', 'counts', 'finished_at');
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ source: 'jira', params: { board: '42', team: 'payments', since: '2026-09-07', until: '2026-12-27' }, counts: { read: 9, recorded: 8, skipped: 1 } });
    expect(runs[1].finished_at).toBeInstanceOf(Date);
  });
});
