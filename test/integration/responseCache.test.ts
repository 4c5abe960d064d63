import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import { createToken, revokeToken } from '../../server/auth/service';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

const OVERVIEW = `query($range: DateRange!) { overview(range: $range) { team { slug } kpis { alerts opsHours } } }`;
const RANGE = { range: { from: '2026-04-01', to: '2026-04-07' } };

describe.each(DB_KINDS)('query results cached until the data changes, on %s', (kind) => {
  let s: TestServer;
  let webOnly: string;

  /** The overview as `token` sees it, with the response's Age header (set when served from the cache). */
  async function overview(token: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query: OVERVIEW, variables: RANGE }),
    });
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    const alerts = Object.fromEntries(body.data.overview.map((r: any) => [r.team.slug, r.kpis.alerts]));
    return { alerts, age: res.headers.get('age') };
  }

  /** The overview's raw response, for its status, ETag and body. */
  function overviewResponse(token: string, headers: Record<string, string> = {}) {
    return fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query: OVERVIEW, variables: RANGE }),
    });
  }

  async function record(team: string, date: string, alerts: number) {
    const res = await s.gql(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { inserted updated } }`, { m: [{ team, date, alerts }] });
    expect(res.errors).toBeUndefined();
  }

  beforeAll(async () => {
    s = await startTestServer(kind);
    const teams = await s.gql(`mutation { upsertTeams(input: [{ slug: "web", name: "Web", members: 3 }, { slug: "data", name: "Data", members: 2 }]) { slug } }`);
    expect(teams.errors).toBeUndefined();
    await record('web', '2026-04-02', 10);
    await record('data', '2026-04-02', 4);
    ({ token: webOnly } = await createToken(s.db, { name: 'web reader', scopes: ['read'], teams: ['web'] }));
    // Each token's first request records when it was last used — a write, which would change the
    // snapshot between the requests below. Done here, once.
    for (const token of [s.adminToken, webOnly]) await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query":"{ viewer { name } }"}' });
  });
  afterAll(() => s?.close());

  it('answers a repeated query from the cache, with the same result', async () => {
    const first = await overview(s.adminToken);
    const second = await overview(s.adminToken);
    expect(first).toEqual({ alerts: { web: 10, data: 4 }, age: null });
    expect(second.alerts).toEqual(first.alerts);
    expect(second.age).toMatch(/^\d+$/);
  });

  it('shows a write at once, through GraphQL or straight into the database (another instance, a webhook)', async () => {
    await overview(s.adminToken);
    await record('web', '2026-04-03', 5);
    expect(await overview(s.adminToken)).toEqual({ alerts: { web: 15, data: 4 }, age: null });

    await s.db('daily_metrics').where({ date: '2026-04-03' }).update({ alerts: 7 });
    expect(await overview(s.adminToken)).toEqual({ alerts: { web: 17, data: 4 }, age: null });
    expect((await overview(s.adminToken)).age).not.toBeNull();
  });

  it('keeps each viewer to its own results: a team-limited token never gets the whole org, nor the reverse', async () => {
    await overview(s.adminToken);
    const limited = await overview(webOnly);
    expect(limited).toEqual({ alerts: { web: 17 }, age: null });
    expect((await overview(webOnly)).alerts).toEqual({ web: 17 });
    expect((await overview(s.adminToken)).alerts).toEqual({ web: 17, data: 4 });
  });

  it('computes afresh for Cache-Control: no-cache', async () => {
    await overview(s.adminToken);
    expect(await overview(s.adminToken, { 'cache-control': 'no-cache' })).toEqual({ alerts: { web: 17, data: 4 }, age: null });
  });

  // A read that always fails: a range that ends before it starts.
  const BAD_RANGE = `{ overview(range: { from: "2026-05-10", to: "2026-05-01" }) { status } }`;

  it('never caches a result with errors', async () => {
    const ask = () => s.gqlAs(webOnly, BAD_RANGE);
    const [a, b] = [await ask(), await ask()];
    expect(a.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(b.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('lets identical requests waiting on a failed one compute their own answer', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => s.gqlAs(webOnly, BAD_RANGE)));
    expect(answers.map((a) => a.errors?.[0]?.extensions.code)).toEqual(Array(6).fill('BAD_USER_INPUT'));
  });

  it('computes identical queries that miss together once, and gives each the same result', async () => {
    await record('data', '2026-04-04', 1); // a new snapshot: the next overview misses
    const sums: string[] = [];
    const count = (q: { sql: string }) => {
      if (q.sql.includes('team_day_signals')) sums.push(q.sql);
    };
    s.db.on('query', count);
    try {
      const results = await Promise.all(Array.from({ length: 8 }, () => overview(s.adminToken)));
      for (const r of results) expect(r.alerts).toEqual({ web: 17, data: 5 });
    } finally {
      s.db.off('query', count);
    }
    expect(sums).toHaveLength(1);
  });

  // PostgreSQL only: the first computation is held on a lock taken from another connection, so all
  // eight requests have arrived while it runs (PGlite has one connection: nothing can hold it).
  it.runIf(kind === 'postgres')('computes no-cache requests arriving while one computes once more, for all of them', async () => {
    const sums: string[] = [];
    const count = (q: { sql: string }) => {
      if (q.sql.includes('team_day_signals')) sums.push(q.sql);
    };
    const blocker = new pg.Client({ connectionString: (s.db.client.config.connection as { connectionString: string }).connectionString });
    await blocker.connect();
    s.db.on('query', count);
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE team_day_signals IN ACCESS EXCLUSIVE MODE');
      const answers = Promise.all(Array.from({ length: 8 }, () => overview(s.adminToken, { 'cache-control': 'no-cache' })));
      // The first computation waits on the lock; the other seven queue in memory meanwhile.
      for (let i = 0; i < 100 && sums.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 1_000));
      await blocker.query('COMMIT');
      for (const r of await answers) expect(r.alerts).toEqual({ web: 17, data: 5 });
    } finally {
      s.db.off('query', count);
      await blocker.end();
    }
    expect(sums).toHaveLength(2);
  });

  it('keeps an answer that cannot show the written team: a write for "data" leaves the web-only answer cached', async () => {
    await overview(webOnly);
    await overview(s.adminToken);
    await record('data', '2026-04-05', 2);
    expect((await overview(webOnly)).age).not.toBeNull();
    // The org-wide answer shows "data": computed afresh.
    expect(await overview(s.adminToken)).toEqual({ alerts: { web: 17, data: 7 }, age: null });
    // And a write for "web" reaches the web-only answer.
    await record('web', '2026-04-05', 1);
    expect(await overview(webOnly)).toEqual({ alerts: { web: 18 }, age: null });
  });

  it('keeps cached answers through a token "last used" touch, a webhook delivery stored and a write to another database', async () => {
    await overview(s.adminToken);
    await s.db('tokens').update({ last_used_at: s.db.fn.now() });
    await s.db('webhook_inbox').insert({ sender: 'github', event: 'deployment_status', payload: '{}', state: 'done' });
    if (kind === 'postgres') {
      // Another database of the same server: a transaction there changed pg_current_snapshot() everywhere.
      const other = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
      await other.connect();
      try {
        await other.query('CREATE TEMP TABLE elsewhere (n int)');
        await other.query('INSERT INTO elsewhere VALUES (1)');
      } finally {
        await other.end();
      }
    }
    expect((await overview(s.adminToken)).age).not.toBeNull();
  });

  it('shows webhook deliveries at once to an answer that asks for webhookSources', async () => {
    const SOURCES = '{ webhookSources { path pending } }';
    const pending = async () => (await s.gql(SOURCES)).data.webhookSources.find((w: any) => w.path === '/webhooks/pagerduty')?.pending ?? 0;
    const before = await pending();
    await s.db('webhook_inbox').insert({ sender: 'pagerduty', event: 'incident.triggered', payload: '{}', state: 'pending', next_attempt_at: s.db.raw("now() + interval '1 hour'") });
    expect(await pending()).toBe(before + 1);
  });

  it('shows a token’s "last used" touch at once to an answer that lists tokens', async () => {
    const lastUsed = async () => (await s.gql('{ tokens { name lastUsedAt } }')).data.tokens.map((t: any) => t.lastUsedAt);
    await s.db('tokens').update({ last_used_at: null });
    const before = await lastUsed();
    await s.db('tokens').update({ last_used_at: s.db.raw("now() - interval '1 hour'") });
    expect(await lastUsed()).not.toEqual(before);
  });

  it('shows a backfill run at once to an answer that asks for backfills', async () => {
    const started = async () => (await s.gql('{ backfills { source startedAt } }')).data.backfills.find((b: any) => b.source === 'github').startedAt;
    expect(await started()).toBeNull();
    await s.db('backfill_runs').insert({ source: 'github', params: JSON.stringify({ repo: 'acme/api', since: '2026-06-01', until: '2026-11-30' }) });
    expect(await started()).not.toBeNull();
  });

  it('answers with an ETag, the same computed and cached, and 304 Not Modified to a matching If-None-Match', async () => {
    await s.db('teams').where({ slug: 'web' }).update({ name: 'Web' }); // org-wide write: the next answer is computed
    const computed = await overviewResponse(s.adminToken);
    const etag = computed.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const body = await computed.text();

    const cached = await overviewResponse(s.adminToken);
    expect(cached.headers.get('age')).not.toBeNull();
    expect(cached.headers.get('etag')).toBe(etag);
    expect(await cached.text()).toBe(body);

    const revalidated = await overviewResponse(s.adminToken, { 'if-none-match': etag! });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect((await overviewResponse(s.adminToken, { 'if-none-match': 'W/"other"' })).status).toBe(200);

    // A GET (with the header Apollo's CSRF prevention asks for) revalidates the same way.
    const get = () =>
      fetch(`${s.url}/graphql?query=${encodeURIComponent(OVERVIEW)}&variables=${encodeURIComponent(JSON.stringify(RANGE))}`, {
        headers: { authorization: `Bearer ${s.adminToken}`, 'apollo-require-preflight': 'true', 'if-none-match': etag! },
      });
    // Same query, variables and viewer as the POST: the same key, so the same cached entry.
    expect((await get()).status).toBe(304);
  });

  it('never serves a revoked token from the cache', async () => {
    const { id, token } = await createToken(s.db, { name: 'soon revoked', scopes: ['read'] });
    await overview(token);
    await overview(token);
    await revokeToken(s.db, id);
    const res = await overviewResponse(token);
    expect(res.status).toBe(401);
    expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
