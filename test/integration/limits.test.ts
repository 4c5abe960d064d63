import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestServer, type TestServer } from './harness';
import { MAX_COST, MAX_QUERY_CHARS, MAX_TOKENS } from '../../server/graphql/limits';

describe('request limits checked before parsing and coercion', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('pglite');
  });
  afterAll(() => s?.close());

  const post = (body: unknown, token: string | null = s.adminToken) =>
    fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

  it('refuses a query text longer than the limit with 413, before parsing it', async () => {
    const res = await post({ query: `{ ${'__typename '.repeat(MAX_QUERY_CHARS / 10)}}` }, null);
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
    expect(body.errors[0].message).toMatch(/at most 100,000 are allowed/);
  });

  it('stops parsing a query of more tokens than the limit with 400', async () => {
    const query = `{ ${'a '.repeat(MAX_TOKENS)}}`;
    expect(query.length).toBeLessThan(MAX_QUERY_CHARS);
    const res = await post({ query });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors[0].message).toMatch(/10000 tokens/);
  });

  it('refuses a variable list longer than a batch before coercing it', async () => {
    const m = Array.from({ length: 10_001 }, () => ({ team: 'alpha', date: '2026-06-01', alerts: 1 }));
    const res = await post({ query: 'mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { received } }', variables: { m } });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].extensions.records).toEqual([{ index: 10_000, field: '(batch)', message: 'a batch holds at most 10000 records; got 10001' }]);
    expect(body.errors[0].message).toMatch(/10,001 items; at most 10,000/);
  });

  it('refuses a read of more days of figures than the cost limit, aliases and variables counted, before it runs', async () => {
    const threeYears = { from: '2023-01-01', to: '2025-12-31' }; // 1,096 days
    const aliased = `{ ${Array.from({ length: 6 }, (_, i) => `o${i}: overview(range: { from: "${threeYears.from}", to: "${threeYears.to}" }) { team { slug } }`).join(' ')} }`;
    const viaVariables = `query($r: DateRange!) { ${Array.from({ length: 6 }, (_, i) => `o${i}: overview(range: $r) { team { slug } }`).join(' ')} }`;
    for (const body of [{ query: aliased }, { query: viaVariables, variables: { r: threeYears } }]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      const { errors, data } = await res.json();
      expect(data).toBeUndefined();
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', cost: 6 * 1096, maxCost: MAX_COST });
      expect(errors[0].message).toMatch(/6,576 days of figures .* at most 5,490 are allowed/);
    }
    // The same reads over a month are cheap, and pass.
    const month = await post({ query: viaVariables, variables: { r: { from: '2025-12-01', to: '2025-12-31' } } });
    expect(month.status).toBe(200);
    expect((await month.json()).errors).toBeUndefined();
  });
});
