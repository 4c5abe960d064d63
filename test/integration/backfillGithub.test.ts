import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import path from 'node:path';
import { createHmac, randomUUID } from 'node:crypto';
import webhookExamples from '@octokit/webhooks-examples';
import { startTestServer, type TestServer } from './harness';
import { startRecordedApi, type RecordedApi } from './recordedApi';
import { GitHubClient } from '../../server/backfill/githubClient';
import { backfillGitHubDeploys } from '../../server/backfill/githubDeploys';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/github');
const TOKEN = 'ghp_recordedFixtureToken000000000000000';
const GH_SECRET = 'gh-backfill-test-secret';
const NOW = Date.parse('2026-12-01T06:00:00Z');
const RESET = NOW / 1000 + 30;
const MARCH = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const REPO = '/repos/acme/payments-api';
const SHA_1003 = 'c3a1f9e0b5d24c7e8a6f1b2d3e4f5a6b7c8d9e0f';

// What GitHub answers, request by request: page 2 first hits the primary rate limit and one
// deployment's statuses a secondary one (429 with retry-after), each then succeeds.
const ROUTES: Record<string, string[]> = {
  [REPO]: ['repository'],
  [`${REPO}/deployments?per_page=100`]: ['deployments.page1'],
  ['/repositories/1296269/deployments?page=2&per_page=100']: ['error.primary-rate-limit', 'deployments.page2'],
  [`${REPO}/deployments/1003/statuses?per_page=100`]: ['error.secondary-rate-limit', 'statuses.1003'],
  [`${REPO}/deployments/1002/statuses?per_page=100`]: ['statuses.1002'],
  [`${REPO}/deployments/1001/statuses?per_page=100`]: ['statuses.1001'],
  [`${REPO}/deployments/1000/statuses?per_page=100`]: ['statuses.1000'],
  [`${REPO}/deployments/999/statuses?per_page=100`]: ['statuses.999'],
  [`${REPO}/commits/${SHA_1003}`]: [`commit.${SHA_1003}`],
};

const MAP = `mutation($input: SourceMappingInput!) { setSourceMapping(input: $input) { attributed } }`;

/** GitHub's published deployment_status example, made the delivery of deployment 1003's success. */
function deliveryOf1003(): string {
  const example = structuredClone(webhookExamples.find((d) => d.name === 'deployment_status')!.examples[0]) as any;
  example.deployment.id = 1003;
  example.deployment.environment = 'production';
  example.deployment_status.state = 'success';
  example.deployment_status.environment = 'production';
  example.deployment_status.created_at = example.deployment_status.updated_at = '2026-03-20T10:12:00Z';
  example.repository.name = 'payments-api';
  example.repository.full_name = 'acme/payments-api';
  return JSON.stringify(example);
}

describe('backfill github (recorded GitHub REST responses, PostgreSQL)', () => {
  let s: TestServer;
  let api: RecordedApi;
  const waits: number[] = [];
  const client = (token = TOKEN) =>
    new GitHubClient({ baseUrl: api.url, token, now: () => NOW, sleep: async (ms) => void waits.push(ms) });
  const deploys = () =>
    s.db('deploy_events').where('source', 'github').orderBy('external_id')
      .select('external_id', 'team_id', 'routing_key', 'service', 'environment', 'status', 'lead_time_seconds', 'deployed_at');
  const webhook = (body: string) =>
    fetch(`${s.url}/webhooks/github`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json', 'x-github-event': 'deployment_status', 'x-github-delivery': randomUUID(),
        'x-hub-signature-256': `sha256=${createHmac('sha256', GH_SECRET).update(body).digest('hex')}`,
      },
    });

  beforeAll(async () => {
    s = await startTestServer('postgres', { githubWebhookSecret: GH_SECRET });
    api = await startRecordedApi({ fixtures: FIXTURES, routes: ROUTES, authorization: `Bearer ${TOKEN}`, unauthorized: 'error.bad-credentials', vars: { reset: String(RESET) } });
    const res = await s.gql(`mutation { upsertTeams(input: [{ slug: "payments", name: "Payments", members: 5, timezone: "Europe/Berlin" }]) { slug } }`);
    expect(res.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.close();
    await s?.close();
  });

  it('refuses a bad token with a clear error that never shows it, and writes nothing', async () => {
    const wrong = 'ghp_wrongTokenThatMustNeverBePrinted0000';
    const failed = await backfillGitHubDeploys(s.db, client(wrong), 'acme/payments-api', MARCH).catch((e: Error) => e);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toBe('GitHub refused GITHUB_TOKEN (401 Bad credentials): check that the token is valid and not expired.');
    expect((failed as Error).message).not.toContain(wrong);
    expect(await deploys()).toEqual([]);
    expect(await s.db('backfill_runs').select('id')).toEqual([]);
    expect(api.requests).toEqual([REPO]);
  });

  it('a webhook and a backfill of the same deployment are one deploy; pages, rate limits and final states as GitHub gives them', async () => {
    // The live webhook saw deployment 1003 succeed before the backfill ran.
    expect(await (await webhook(deliveryOf1003())).json()).toMatchObject({ status: 'stored', externalId: '1003', routed: false, result: 'inserted' });

    api.requests.length = 0;
    const summary = await backfillGitHubDeploys(s.db, client(), 'acme/payments-api', MARCH);
    expect(summary).toEqual({
      repository: 'acme/payments-api', pages: 2, deployments: 4, notFinal: 1, inserted: 2, updated: 1, unchanged: 0,
      production: 2, unrouted: 3, withLeadTime: 1, requests: 10,
    });
    // The primary limit waited until x-ratelimit-reset (+1 s), the secondary one its retry-after.
    expect(waits).toEqual([3_000, 31_000]);
    // Newest first: page 2 reaches back before March, so page 3 is never asked for, nor 999's statuses.
    expect(api.requests.some((r) => r.includes('page=3') || r.includes('/999/'))).toBe(false);

    expect(await deploys()).toEqual([
      // failure, then inactive when superseded: inactive is no outcome, the failure stands.
      { external_id: '1001', team_id: null, routing_key: 'acme/payments-api', service: 'payments-api', environment: 'production', status: 'FAILED', lead_time_seconds: null, deployed_at: new Date('2026-03-10T14:20:00Z') },
      { external_id: '1002', team_id: null, routing_key: 'acme/payments-api', service: 'payments-api', environment: 'staging', status: 'SUCCEEDED', lead_time_seconds: null, deployed_at: new Date('2026-03-15T09:05:00Z') },
      // The webhook's row, given the lead time only the API knows: merge commit 08:00 → success 10:12.
      { external_id: '1003', team_id: null, routing_key: 'acme/payments-api', service: 'payments-api', environment: 'production', status: 'SUCCEEDED', lead_time_seconds: 7920, deployed_at: new Date('2026-03-20T10:12:00Z') },
    ]);

    // The run is recorded, finished, with its range and counts.
    const [recorded] = await s.db('backfill_runs').select('source', 'params', 'counts', 'started_at', 'finished_at');
    expect(recorded).toMatchObject({ source: 'github', params: { repo: 'acme/payments-api', since: '2026-03-01', until: '2026-03-31' }, counts: { deployments: 4, inserted: 2, updated: 1, requests: 10 } });
    expect(recorded.finished_at.getTime()).toBeGreaterThanOrEqual(recorded.started_at.getTime());

    // Re-running (a resumed or repeated backfill) and replaying the webhook change nothing.
    const again = await backfillGitHubDeploys(s.db, client(), 'acme/payments-api', MARCH);
    expect(again).toMatchObject({ deployments: 4, inserted: 0, updated: 0, unchanged: 3 });
    expect(await (await webhook(deliveryOf1003())).json()).toMatchObject({ externalId: '1003', result: 'unchanged' });
    expect((await deploys()).find((d) => d.external_id === '1003')?.lead_time_seconds).toBe(7920);
  });

  it('leaves an unmapped repository unrouted, and mapping it attributes every backfilled deploy', async () => {
    const unrouted = await s.gql(`{ unrouted { source key kind count } }`);
    expect(unrouted.data.unrouted).toEqual([{ source: 'github', key: 'acme/payments-api', kind: 'DEPLOY', count: 3 }]);
    expect((await s.gql(MAP, { input: { source: 'github', key: 'acme/payments-api', team: 'payments' } })).data.setSourceMapping.attributed).toBe(3);

    const { data } = await s.gql(`{ team(slug: "payments") { kpis(range: { from: "2026-03-01", to: "2026-03-31" }) { deploys failedDeploys }
      dora(range: { from: "2026-03-01", to: "2026-03-31" }) { leadTime { value } } } }`);
    // Staging counts nowhere; of the two production deploys one failed; the lead time is 1003's.
    expect(data.team.kpis).toEqual({ deploys: 2, failedDeploys: 1 });
    expect(data.team.dora.leadTime.value).toBe(7920);

    // Once mapped, a further backfill routes by itself.
    const after = await backfillGitHubDeploys(s.db, client(), 'acme/payments-api', MARCH);
    expect(after).toMatchObject({ unrouted: 0, unchanged: 3 });
  });
});
