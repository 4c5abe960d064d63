import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestServer, type TestServer } from './harness';

const TABLES = ['teams', 'daily_metrics', 'page_events', 'deploy_events', 'sprints', 'guardrail_policies', 'load_models', 'snapshots', 'source_mappings', 'page_event_days'];
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'NOT_FOUND']);

const daily = (over: Record<string, unknown>) => ({ query: 'mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { received } }', variables: { m: [{ team: 'alpha', date: '2026-05-02', ...over }] } });
const team = (over: Record<string, unknown>) => ({ query: 'mutation($t: [TeamInput!]!) { upsertTeams(input: $t) { slug } }', variables: { t: [{ slug: 'fuzz', name: 'Fuzz', ...over }] } });
const page = (over: Record<string, unknown>) => ({ query: 'mutation($p: [PageInput!]!) { recordPages(input: $p) { received } }', variables: { p: [{ source: 'pd', externalId: 'F1', team: 'alpha', triggeredAt: '2026-05-02T03:00:00Z', ...over }] } });
const deploy = (over: Record<string, unknown>) => ({ query: 'mutation($d: [DeployInput!]!) { recordDeploys(input: $d) { received } }', variables: { d: [{ source: 'gh', externalId: 'F1', team: 'alpha', deployedAt: '2026-05-02T03:00:00Z', status: 'SUCCEEDED', ...over }] } });
const sprint = (over: Record<string, unknown>) => ({ query: 'mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }', variables: { s: [{ team: 'alpha', name: 'S', startDate: '2026-05-04', endDate: '2026-05-17', ...over }] } });
const guardrail = (input: Record<string, unknown>, reason = 'fuzz') => ({ query: 'mutation($i: GuardrailInput!, $r: String!) { setGuardrail(team: "alpha", input: $i, reason: $r) { version } }', variables: { i: input, r: reason } });

const BAD_NUMBERS: unknown[] = [-1, 1.5, 'abc', 'NaN', 'Infinity', '-Infinity', 1e12, 2 ** 31, true, [], {}, '1e400'];
const BAD_HOURS: unknown[] = [-0.5, 1e300, 'NaN', 'Infinity', '12h', null === null ? '' : 0, [], { h: 1 }];
const BAD_DATES: unknown[] = ['2025-02-30', '2025-13-01', '2025-1-1', '', '2025-02-29', '20250101', 20250101, '2025-04-31T00:00:00Z', '0000-00-00', "2025-01-01'; DROP TABLE teams;--"];
const BAD_TEXT: unknown[] = ['', 'a\u0000b', 'bell\u0007', 'x'.repeat(201), 'line\nbreak', 'tab\there', '\u0085next', 42];
const BAD_ZONES: unknown[] = ['Mars/Olympus', 'UTC+25', '', 'Europe/Berlinn', "UTC'; DROP TABLE teams;--", 7];
const BAD_INSTANTS: unknown[] = ['2026-05-02T03:00:00', '2026-05-02', 'yesterday', '2026-02-30T00:00:00Z', '', 1714618800, '2026-05-02T25:00:00Z'];

function cases(): { name: string; body: unknown; raw?: string; contentType?: string; method?: string }[] {
  const list: { name: string; body: unknown; raw?: string; contentType?: string; method?: string }[] = [];
  for (const field of ['alerts', 'pages', 'deploys', 'sleepInterruptions']) for (const v of BAD_NUMBERS) list.push({ name: `daily ${field}=${JSON.stringify(v)}`, body: daily({ [field]: v }) });
  for (const field of ['pageHours', 'toilHours']) for (const v of BAD_HOURS) list.push({ name: `daily ${field}=${JSON.stringify(v)}`, body: daily({ [field]: v }) });
  for (const v of BAD_DATES) list.push({ name: `daily date=${JSON.stringify(v)}`, body: daily({ date: v }) });
  for (const v of BAD_TEXT) list.push({ name: `daily source=${JSON.stringify(v)}`, body: daily({ source: v }) });
  for (const v of BAD_ZONES) list.push({ name: `team timezone=${JSON.stringify(v)}`, body: team({ timezone: v }) });
  for (const v of BAD_TEXT) list.push({ name: `team name=${JSON.stringify(v)}`, body: team({ name: v }) });
  for (const v of ['UPPER', 'has space', "x'; DELETE FROM teams;--", 'a'.repeat(65), '', 'ünï']) list.push({ name: `team slug=${v}`, body: team({ slug: v }) });
  for (const v of BAD_INSTANTS) list.push({ name: `page triggeredAt=${JSON.stringify(v)}`, body: page({ triggeredAt: v }) });
  list.push({ name: 'page resolved before triggered', body: page({ resolvedAt: '2026-05-02T02:00:00Z' }) });
  list.push({ name: 'page bad urgency', body: page({ urgency: 'URGENT' }) });
  for (const v of BAD_TEXT) list.push({ name: `page externalId=${JSON.stringify(v)}`, body: page({ externalId: v }) });
  list.push({ name: 'deploy bad status', body: deploy({ status: 'MAYBE' }) });
  for (const v of [-5, 'NaN', '1e400']) list.push({ name: `deploy leadTime=${v}`, body: deploy({ leadTimeSeconds: v }) });
  for (const v of BAD_DATES.slice(0, 5)) list.push({ name: `sprint startDate=${JSON.stringify(v)}`, body: sprint({ startDate: v }) });
  list.push({ name: 'sprint end before start', body: sprint({ endDate: '2026-05-01' }) });
  list.push({ name: 'sprint share 2', body: sprint({ reservedOpsShare: 2 }) });
  list.push({ name: 'guardrail floor over ceiling', body: guardrail({ reserveFloor: 0.6, opsCeiling: 0.5 }) });
  list.push({ name: 'guardrail lookback 13', body: guardrail({ lookbackSprints: 13 }) });
  list.push({ name: 'guardrail negative limit', body: guardrail({ maxPageHoursPerWeek: -1 }) });
  list.push({ name: 'guardrail empty reason', body: guardrail({ reserveFloor: 0.3 }, '') });
  list.push({ name: 'duplicate key in batch', body: { ...daily({}), variables: { m: [{ team: 'alpha', date: '2026-05-02' }, { team: 'alpha', date: '2026-05-02' }] } } });
  list.push({ name: 'unknown team', body: daily({ team: 'nobody' }) });
  list.push({ name: 'unknown field', body: daily({ bogus: 1 }) });
  list.push({ name: 'range reversed', body: { query: '{ overview(range: { from: "2026-05-10", to: "2026-05-01" }) { status } }' } });
  list.push({ name: 'range of 10 years', body: { query: '{ overview(range: { from: "2016-01-01", to: "2026-01-01" }) { status } }' } });
  // snapshots › edges › node › data › kpis › previous ×4 › rules › message: 11 levels, the limit is 10.
  list.push({ name: 'deeply nested query', body: { query: '{ snapshots { edges { node { data { kpis { previous { previous { previous { previous { rules { message } } } } } } } } } } }' } });
  list.push({ name: 'fragment cycle', body: { query: 'query { teams { ...A } } fragment A on Team { slug ...B } fragment B on Team { name ...A }' } });
  list.push({ name: 'trailing garbage after operation', body: { query: '{ ok } extra' } });
  list.push({ name: '3000 aliased fields', body: { query: `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: ok`).join(' ')} }` } });
  list.push({ name: 'syntax error', body: { query: '{ teams { slug ' } });
  list.push({ name: 'no query', body: { variables: {} } });
  list.push({ name: 'query is a number', body: { query: 42 } });
  list.push({ name: 'malformed JSON', body: null, raw: '{"query": "{ ok }"', contentType: 'application/json' });
  list.push({ name: 'text/plain body (CSRF shape)', body: null, raw: '{"query":"mutation { noop }"}', contentType: 'text/plain' });
  list.push({ name: '10 MB string', body: daily({ source: 'x'.repeat(10 * 1024 * 1024) }) });
  list.push({ name: 'mutation over GET', body: null, method: 'GET' });
  list.push({ name: 'batch of 10,001', body: { ...daily({}), variables: { m: Array.from({ length: 10_001 }, (_, i) => ({ team: 'alpha', date: '2026-05-02', source: `s${i}` })) } } });
  return list;
}

describe('bad input: every malformed request gets a clear client error and changes nothing', () => {
  let s: TestServer;
  const checksum = async () => {
    const sums: string[] = [];
    for (const t of TABLES) sums.push((await s.db.raw(`SELECT md5(COALESCE(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`)).rows[0].h);
    return sums.join(',');
  };
  beforeAll(async () => {
    s = await startTestServer('postgres');
    await s.gql(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha", members: 3 }]) { slug } }`);
    await s.gql(`mutation { recordDailyMetrics(input: [{ team: "alpha", date: "2026-05-01", alerts: 2 }]) { received } }`);
  });
  afterAll(() => s?.close());

  it('has at least 100 cases', () => {
    expect(cases().length).toBeGreaterThanOrEqual(100);
  });

  it('answers each with a 4xx or a client error code, never an internal error, and the data is untouched', async () => {
    const before = await checksum();
    const failures: string[] = [];
    for (const c of cases()) {
      const url = c.method === 'GET' ? `${s.url}/graphql?query=${encodeURIComponent('mutation { noop }')}` : `${s.url}/graphql`;
      const res = await fetch(url, {
        method: c.method ?? 'POST',
        headers: { ...s.auth, ...(c.method === 'GET' ? { 'apollo-require-preflight': 'true' } : { 'content-type': c.contentType ?? 'application/json' }) },
        body: c.method === 'GET' ? undefined : (c.raw ?? JSON.stringify(c.body)),
      });
      const text = await res.text();
      let body: any = null;
      try { body = JSON.parse(text); } catch { /* not JSON */ }
      const code = body?.errors?.[0]?.extensions?.code ?? body?.error?.code;
      const clientError = (res.status >= 400 && res.status < 500) || CLIENT_CODES.has(code);
      const leaks = /\s+at [\w.<>]+ \(|file:\/\/\/|node_modules|SELECT |INSERT |syntax error at or near|knex/i.test(text);
      if (!clientError || code === 'INTERNAL_SERVER_ERROR' || res.status >= 500 || body?.data?.recordDailyMetrics || leaks || !text) {
        failures.push(`${c.name}: ${res.status} ${text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await checksum()).toBe(before);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
