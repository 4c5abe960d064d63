import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestServer, type TestServer } from './harness';

describe('HTTP: GraphQL over HTTP, security headers, limits, health and metrics', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('pglite');
  });
  afterAll(() => s?.close());

  it('answers GET queries, refuses GET mutations, and speaks application/graphql-response+json when asked', async () => {
    const get = await fetch(`${s.url}/graphql?query=${encodeURIComponent('{ teams { slug } }')}`, { headers: { ...s.auth, 'apollo-require-preflight': '1' } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { teams: [] } });
    const mutation = await fetch(`${s.url}/graphql?query=${encodeURIComponent('mutation { noop }')}`, { headers: { ...s.auth, 'apollo-require-preflight': '1' } });
    expect(mutation.status).toBe(405);
    const modern = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { ...s.auth, 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ teams { slug' }),
    });
    expect(modern.status).toBe(400);
    expect(modern.headers.get('content-type')).toContain('application/graphql-response+json');
    // CSRF prevention: a simple (non-preflighted) GET without a JSON content type is refused.
    const simple = await fetch(`${s.url}/graphql?query=${encodeURIComponent('{ ok }')}`);
    expect(simple.status).toBe(400);
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${s.url}/healthz`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a body over the limit with 413 and a JSON error, without internals', async () => {
    const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { ...s.auth, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ok }', pad: 'x'.repeat(6 * 1024 * 1024) }) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.', requestId: expect.any(String) } });
  });

  it('reports liveness, readiness and Prometheus metrics by operation', async () => {
    expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${s.url}/readyz`)).json()).toEqual({ status: 'ready', database: 'up', migrations: 'current' });
    await s.gql(`query Viewer { teams { slug } }`);
    await s.gql(`query MadeUpByAClient { teams { slug } }`);
    await s.gql(`mutation { upsertTeams(input: [{ slug: "metrics", name: "Metrics" }]) { slug } }`);
    await s.gql(`mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { received } }`, { m: [{ team: 'metrics', date: '2026-06-01', source: 'chosen-by-sender', alerts: 1 }] });
    await fetch(`${s.url}/some/path/chosen-by-a-client`, { method: 'POST' });
    const text = await (await fetch(`${s.url}/metrics`)).text();
    expect(text).toMatch(/headroom_graphql_operations_total\{operation="Viewer",type="query",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/headroom_graphql_operations_total\{operation="other",type="query",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/headroom_http_request_duration_seconds_bucket\{le="[\d.]+",method="POST",route="\/graphql"\}/);
    expect(text).toContain('headroom_db_pool_connections');
    expect(text).toMatch(/headroom_ingested_records_total\{kind="daily metrics"\} 1/);
    // Only labels from fixed sets: nothing a client chose is published.
    expect(text).not.toMatch(/MadeUpByAClient|chosen-by/);
    // Node's default metrics under their standard names.
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });
});
