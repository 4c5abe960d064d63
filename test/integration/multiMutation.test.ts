import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestServer, type TestServer } from './harness';
import { createToken } from '../../server/auth/service';

// Several mutations in one request run one after another; each is its own all-or-nothing batch.
describe('a request with several mutations that partly fails', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('postgres');
    await s.gql(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha" }]) { slug } }`);
  });
  afterAll(() => s?.close());

  it('shows the result of each mutation written and an error with its path for each one that failed', async () => {
    const res = await s.gql(`mutation {
      first: recordDailyMetrics(input: [{ team: "alpha", date: "2026-05-01", source: "multi", alerts: 1 }]) { received inserted }
      second: recordDailyMetrics(input: [{ team: "nobody", date: "2026-05-02", source: "multi", alerts: 2 }]) { received inserted }
      third: recordDailyMetrics(input: [{ team: "alpha", date: "2026-05-03", source: "multi", alerts: 3 }]) { received inserted }
    }`);
    expect(await s.db('daily_metrics').where({ source: 'multi' }).orderBy('date').pluck('alerts')).toEqual([1, 3]);
    expect(res.data).toEqual({ first: { received: 1, inserted: 1 }, second: null, third: { received: 1, inserted: 1 } });
    expect(res.errors).toEqual([expect.objectContaining({ path: ['second'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('when the rate limit stops some of 70 mutations, each one written shows its result and each one refused an error at its path', async () => {
    const { token } = await createToken(s.db, { name: 'multi ingest', scopes: ['ingest'] });
    const dates = Array.from({ length: 70 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    const res = await s.gqlAs(token, `mutation { ${dates.map((d, i) => `m${i}: recordDailyMetrics(input: [{ team: "alpha", date: "${d}", source: "limited", alerts: 1 }]) { inserted }`).join('\n')} }`);
    const written = new Set((await s.db('daily_metrics').where({ source: 'limited' }).select(s.db.raw('date::text AS d'))).map((r: { d: string }) => r.d));
    const errorAt = new Map((res.errors ?? []).map((e: any) => [e.path?.[0], e.extensions.code]));
    expect(errorAt.size).toBeGreaterThan(0);
    dates.forEach((d, i) => {
      if (written.has(d)) expect([res.data[`m${i}`], errorAt.get(`m${i}`)], d).toEqual([{ inserted: 1 }, undefined]);
      else expect([res.data[`m${i}`], errorAt.get(`m${i}`)], d).toEqual([null, 'RATE_LIMITED']);
    });
  });
});
