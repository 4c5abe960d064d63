import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import { startTestServer, type TestServer } from './harness';
import { createToken } from '../../server/auth/service';

// Every table a request could write a signal or a setting to. webhook_inbox is checked on its own:
// a validly signed but malformed delivery may be kept there for inspection, never as a signal.
const TABLES = ['teams', 'daily_metrics', 'page_events', 'deploy_events', 'sprints', 'guardrail_policies', 'load_models', 'snapshots', 'source_mappings', 'page_event_days'];
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'NOT_FOUND', 'UNSUPPORTED_MEDIA_TYPE', 'OPERATION_RESOLUTION_FAILURE', 'QUERY_TOO_LARGE']);
const PD_SECRET = 'fuzz-pd-secret';
const GH_SECRET = 'fuzz-gh-secret';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/pagerduty');

type Sent = { url: string; init: RequestInit };
// `auth`: the ingestion rate limit is per token, so the run spreads its cases over several tokens.
interface Case { name: string; request: (s: TestServer, auth: Record<string, string>) => Sent }

const gqlCase = (name: string, body: unknown, raw?: string, contentType = 'application/json'): Case => ({
  name: `graphql ${name}`,
  request: (s, auth) => ({ url: `${s.url}/graphql`, init: { method: 'POST', headers: { ...auth, 'content-type': contentType }, body: raw ?? toJson(body) } }),
});
const daily = (over: Record<string, unknown>) => ({ query: 'mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { received } }', variables: { m: [{ team: 'alpha', date: '2026-05-02', ...over }] } });
const team = (over: Record<string, unknown>) => ({ query: 'mutation($t: [TeamInput!]!) { upsertTeams(input: $t) { slug } }', variables: { t: [{ slug: 'fuzz', name: 'Fuzz', ...over }] } });
const page = (over: Record<string, unknown>) => ({ query: 'mutation($p: [PageInput!]!) { recordPages(input: $p) { received } }', variables: { p: [{ source: 'pd', externalId: 'F1', team: 'alpha', triggeredAt: '2026-05-02T03:00:00Z', ...over }] } });
const deploy = (over: Record<string, unknown>) => ({ query: 'mutation($d: [DeployInput!]!) { recordDeploys(input: $d) { received } }', variables: { d: [{ source: 'gh', externalId: 'F1', team: 'alpha', deployedAt: '2026-05-02T03:00:00Z', status: 'SUCCEEDED', ...over }] } });
const sprint = (over: Record<string, unknown>) => ({ query: 'mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }', variables: { s: [{ team: 'alpha', name: 'S', startDate: '2026-05-04', endDate: '2026-05-17', ...over }] } });
const guardrail = (input: Record<string, unknown>, reason = 'fuzz') => ({ query: 'mutation($i: GuardrailInput!, $r: String!) { setGuardrail(team: "alpha", input: $i, reason: $r) { version } }', variables: { i: input, r: reason } });
const mapping = (over: Record<string, unknown>) => ({ query: 'mutation($i: SourceMappingInput!) { setSourceMapping(input: $i) { key } }', variables: { i: { source: 'pagerduty', key: 'PFUZZ', team: 'alpha', ...over } } });
const overview = (from: unknown, to: unknown = '2026-05-10') => ({ query: 'query($r: DateRange!) { overview(range: $r) { status } }', variables: { r: { from, to } } });
const snapshotsAfter = (after: unknown) => ({ query: 'query($a: String) { snapshots(first: 5, after: $a) { edges { cursor } } }', variables: { a: after } });
// Deep JSON is written as text (JSON.stringify itself overflows the stack at such depths): a
// placeholder string in the value is replaced by the raw nested JSON when the body is written.
const DEEP: Record<string, string> = {};
const nested = (depth: number, leaf: unknown = 1): string => deep(`${'['.repeat(depth)}${JSON.stringify(leaf)}${']'.repeat(depth)}`);
const nestedObject = (depth: number): string => deep(`${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`);
function deep(raw: string) { const key = `@@deep${Object.keys(DEEP).length}@@`; DEEP[key] = raw; return key; }
const toJson = (v: unknown) => JSON.stringify(v).replace(/"(@@deep\d+@@)"/g, (_, key: string) => DEEP[key]);

const BAD_NUMBERS: unknown[] = [-1, 1.5, 'abc', 'NaN', 'Infinity', '-Infinity', 1e12, 2 ** 31, true, [], {}, '1e400'];
const BAD_HOURS: unknown[] = [-0.5, 1e300, 'NaN', 'Infinity', '12h', '', [], { h: 1 }];
const BAD_DATES: unknown[] = [
  '2025-02-30', '2025-13-01', '2025-1-1', '', '2025-02-29', '20250101', 20250101, '2025-04-31T00:00:00Z', '0000-00-00', "2025-01-01'; DROP TABLE teams;--",
  '0000-01-01', '0001-01-01', '-0001-01-01', '+002026-05-02', '-002026-05-02', '10000-01-01', '9999-12-31', '1000-01-01', '0999-12-31', '2026-W18-6',
];
const LONE_SURROGATES = ['\ud800', 'a\udfffb', '\udc00\ud800', 'x'.repeat(150) + '\ud83d'];
const BAD_TEXT: unknown[] = ['', 'a\u0000b', 'bell\u0007', 'x'.repeat(201), 'line\nbreak', 'tab\there', '\u0085next', 42, ...LONE_SURROGATES];
const BAD_ZONES: unknown[] = ['Mars/Olympus', 'UTC+25', '', 'Europe/Berlinn', "UTC'; DROP TABLE teams;--", 7, '\ud800'];
const BAD_INSTANTS: unknown[] = [
  '2026-05-02T03:00:00', '2026-05-02', 'yesterday', '2026-02-30T00:00:00Z', '', 1714618800, '2026-05-02T25:00:00Z',
  '0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '+010000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+14:00', '9999-12-31T23:59:59-23:59', '2026-05-02T03:00:00+99:00', '\ud800',
];
const BAD_CURSORS: unknown[] = [
  'x', '!!!!', 'Ww', b64('a|b'), b64('2026-01-01T00:00:00Z|not-a-uuid'), b64('0000-01-01T00:00:00Z|00000000-0000-4000-8000-000000000000'),
  b64('-000001-01-01T00:00:00Z|00000000-0000-4000-8000-000000000000'), b64('275760-09-13|00000000-0000-4000-8000-000000000000'),
  b64('2026-01-01|00000000-0000-4000-8000-000000000000|extra'), b64('\ud800|x'), b64('1|00000000-0000-4000-8000-000000000000'),
  b64('2026-01-01T00:00:00+99:00|00000000-0000-4000-8000-000000000000'), 'x'.repeat(10_000), 42,
];
function b64(s: string) { return Buffer.from(s).toString('base64url'); }

function graphqlCases(): Case[] {
  const list: Case[] = [];
  for (const field of ['alerts', 'pages', 'deploys', 'sleepInterruptions']) for (const v of BAD_NUMBERS) list.push(gqlCase(`daily ${field}=${JSON.stringify(v)}`, daily({ [field]: v })));
  for (const field of ['pageHours', 'toilHours']) for (const v of BAD_HOURS) list.push(gqlCase(`daily ${field}=${JSON.stringify(v)}`, daily({ [field]: v })));
  for (const v of BAD_DATES) list.push(gqlCase(`daily date=${JSON.stringify(v)}`, daily({ date: v })));
  for (const v of BAD_TEXT) list.push(gqlCase(`daily source=${JSON.stringify(v)}`, daily({ source: v })));
  for (const v of LONE_SURROGATES) list.push(gqlCase(`daily service=${JSON.stringify(v)}`, daily({ service: v })));
  for (const v of LONE_SURROGATES) list.push(gqlCase(`daily team=${JSON.stringify(v)}`, daily({ team: v })));
  for (const v of BAD_ZONES) list.push(gqlCase(`team timezone=${JSON.stringify(v)}`, team({ timezone: v })));
  for (const v of BAD_TEXT) list.push(gqlCase(`team name=${JSON.stringify(v)}`, team({ name: v })));
  for (const v of ['UPPER', 'has space', "x'; DELETE FROM teams;--", 'a'.repeat(65), '', 'ünï', '\ud800']) list.push(gqlCase(`team slug=${JSON.stringify(v)}`, team({ slug: v })));
  for (const v of BAD_INSTANTS) list.push(gqlCase(`page triggeredAt=${JSON.stringify(v)}`, page({ triggeredAt: v })));
  for (const v of BAD_INSTANTS.slice(7)) list.push(gqlCase(`page resolvedAt=${JSON.stringify(v)}`, page({ resolvedAt: v })));
  list.push(gqlCase('page resolved before triggered', page({ resolvedAt: '2026-05-02T02:00:00Z' })));
  list.push(gqlCase('page bad urgency', page({ urgency: 'URGENT' })));
  for (const v of BAD_TEXT) list.push(gqlCase(`page externalId=${JSON.stringify(v)}`, page({ externalId: v })));
  list.push(gqlCase('deploy bad status', deploy({ status: 'MAYBE' })));
  for (const v of [-5, 'NaN', '1e400']) list.push(gqlCase(`deploy leadTime=${v}`, deploy({ leadTimeSeconds: v })));
  for (const v of BAD_INSTANTS.slice(7)) list.push(gqlCase(`deploy deployedAt=${JSON.stringify(v)}`, deploy({ deployedAt: v })));
  for (const v of LONE_SURROGATES) list.push(gqlCase(`deploy environment=${JSON.stringify(v)}`, deploy({ environment: v })));
  for (const v of BAD_DATES) list.push(gqlCase(`sprint startDate=${JSON.stringify(v)}`, sprint({ startDate: v })));
  for (const v of BAD_DATES.slice(10)) list.push(gqlCase(`sprint endDate=${JSON.stringify(v)}`, sprint({ startDate: '0001-01-01', endDate: v })));
  for (const v of LONE_SURROGATES) list.push(gqlCase(`sprint name=${JSON.stringify(v)}`, sprint({ name: v })));
  list.push(gqlCase('sprint end before start', sprint({ endDate: '2026-05-01' })));
  list.push(gqlCase('sprint share 2', sprint({ reservedOpsShare: 2 })));
  list.push(gqlCase('guardrail floor over ceiling', guardrail({ reserveFloor: 0.6, opsCeiling: 0.5 })));
  list.push(gqlCase('guardrail lookback 13', guardrail({ lookbackSprints: 13 })));
  list.push(gqlCase('guardrail negative limit', guardrail({ maxPageHoursPerWeek: -1 })));
  list.push(gqlCase('guardrail empty reason', guardrail({ reserveFloor: 0.3 }, '')));
  for (const v of LONE_SURROGATES) list.push(gqlCase(`guardrail reason=${JSON.stringify(v)}`, guardrail({ reserveFloor: 0.3 }, v)));
  for (const v of [...LONE_SURROGATES, 'x'.repeat(300), '', 'a\u0000b']) list.push(gqlCase(`mapping key=${JSON.stringify(v).slice(0, 40)}`, mapping({ key: v })));
  for (const v of BAD_DATES) list.push(gqlCase(`overview from=${JSON.stringify(v)}`, overview(v)));
  list.push(gqlCase('overview from 0001 to 0001', overview('0001-01-01', '0001-01-31')));
  list.push(gqlCase('overview from 9999 to 9999', overview('9999-12-01', '9999-12-31')));
  list.push(gqlCase('snapshot create in year 1', { query: 'mutation { createSnapshot(input: { label: "x", range: { from: "0001-01-01", to: "0001-01-02" } }) { id } }' }));
  list.push(gqlCase('snapshot label surrogate', { query: 'mutation($l: String!) { createSnapshot(input: { label: $l, range: { from: "2026-05-01", to: "2026-05-02" } }) { id } }', variables: { l: '\ud800' } }));
  for (const v of BAD_CURSORS) list.push(gqlCase(`snapshots after=${JSON.stringify(v).slice(0, 60)}`, snapshotsAfter(v)));
  list.push(gqlCase('duplicate key in batch', { ...daily({}), variables: { m: [{ team: 'alpha', date: '2026-05-02' }, { team: 'alpha', date: '2026-05-02' }] } }));
  list.push(gqlCase('unknown team', daily({ team: 'nobody' })));
  list.push(gqlCase('unknown field', daily({ bogus: 1 })));
  list.push(gqlCase('range reversed', { query: '{ overview(range: { from: "2026-05-10", to: "2026-05-01" }) { status } }' }));
  list.push(gqlCase('range of 10 years', { query: '{ overview(range: { from: "2016-01-01", to: "2026-01-01" }) { status } }' }));
  list.push(gqlCase('literal date in year 0', { query: '{ overview(range: { from: "0000-01-01", to: "0000-01-02" }) { status } }' }));
  // snapshots › edges › node › data › kpis › previous ×4 › rules › message: 11 levels, the limit is 10.
  list.push(gqlCase('deeply nested query', { query: '{ snapshots { edges { node { data { kpis { previous { previous { previous { previous { rules { message } } } } } } } } } } }' }));
  list.push(gqlCase('fragment cycle', { query: 'query { teams { ...A } } fragment A on Team { slug ...B } fragment B on Team { name ...A }' }));
  list.push(gqlCase('trailing garbage after operation', { query: '{ ok } extra' }));
  list.push(gqlCase('3000 aliased fields', { query: `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: ok`).join(' ')} }` }));
  list.push(gqlCase('syntax error', { query: '{ teams { slug ' }));
  list.push(gqlCase('no query', { variables: {} }));
  list.push(gqlCase('query is a number', { query: 42 }));
  list.push(gqlCase('query with a lone surrogate', { query: '{ teams { slug } } # \ud800' }));
  list.push(gqlCase('operation name with a lone surrogate', { query: 'query Q { teams { slug } }', operationName: '\ud800' }));
  list.push(gqlCase('malformed JSON', null, '{"query": "{ ok }"'));
  list.push(gqlCase('text/plain body (CSRF shape)', null, '{"query":"mutation { noop }"}', 'text/plain'));
  list.push(gqlCase('10 MB string', daily({ source: 'x'.repeat(10 * 1024 * 1024) })));
  list.push(gqlCase('batch of 10,001', { ...daily({}), variables: { m: Array.from({ length: 10_001 }, (_, i) => ({ team: 'alpha', date: '2026-05-02', source: `s${i}` })) } }));
  for (const depth of [100, 5_000, 100_000]) {
    list.push(gqlCase(`variables nested ${depth} arrays deep`, { ...daily({}), variables: { m: nested(depth) } }));
    list.push(gqlCase(`variables nested ${depth} objects deep`, { ...daily({}), variables: { m: [{ team: 'alpha', date: '2026-05-02', source: nestedObject(depth) }] } }));
    list.push(gqlCase(`unused variable nested ${depth} deep`, { query: '{ teams { slug } }', variables: { x: nested(depth) } }));
  }
  list.push(gqlCase('extensions nested 100,000 deep', { query: '{ teams { slug } }', extensions: nestedObject(100_000) }));
  list.push(gqlCase('a JSON array body', [{ query: '{ teams { slug } }' }]));
  list.push({
    name: 'graphql mutation over GET',
    request: (s, auth) => ({ url: `${s.url}/graphql?query=${encodeURIComponent('mutation { noop }')}`, init: { headers: { ...auth, 'apollo-require-preflight': 'true' } } }),
  });
  list.push({
    name: 'graphql GET with variables nested 1,000 deep',
    request: (s, auth) => ({ url: `${s.url}/graphql?query=${encodeURIComponent('{ teams { slug } }')}&variables=${encodeURIComponent(toJson({ x: nested(1_000) }))}`, init: { headers: { ...auth, 'apollo-require-preflight': 'true' } } }),
  });
  return list;
}

// CSV import: one file per case, each with one bad thing.
const csv = (kind: string, body: string | Buffer, contentType = 'text/csv'): Case => ({
  name: `csv ${kind} ${String(body).slice(0, 60).replace(/\n/g, '⏎')}`,
  request: (s, auth) => ({ url: `${s.url}/api/import?kind=${kind}`, init: { method: 'POST', headers: { ...auth, 'content-type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) } }),
});
/** The bytes a careless encoder writes for lone surrogates (3 bytes each, as CESU-8 does): not UTF-8. */
function encodedSurrogates(s: string): Buffer {
  const parts: Buffer[] = [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    parts.push(ch.length === 1 && c >= 0xd800 && c <= 0xdfff ? Buffer.from([0xed, 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]) : Buffer.from(ch, 'utf8'));
  }
  return Buffer.concat(parts);
}
function csvCases(): Case[] {
  const list: Case[] = [];
  const dailyHeader = 'team,date,source,alerts';
  for (const d of BAD_DATES.filter((d) => typeof d === 'string' && !d.includes(','))) list.push(csv('daily', `${dailyHeader}\nalpha,${d},csv,1\n`));
  for (const t of LONE_SURROGATES) list.push(csv('daily', encodedSurrogates(`${dailyHeader}\nalpha,2026-05-02,${t},1\n`)));
  for (const n of ['-1', '1.5', 'NaN', '1e400', '2147483648', '0x10', '1,5']) list.push(csv('daily', `${dailyHeader}\nalpha,2026-05-02,csv,"${n}"\n`));
  const pagesHeader = 'source,externalId,team,triggeredAt,resolvedAt';
  for (const i of BAD_INSTANTS.filter((i) => typeof i === 'string' && i !== '')) list.push(csv('pages', `${pagesHeader}\npd,C1,alpha,${i},\n`));
  for (const i of BAD_INSTANTS.slice(7)) list.push(csv('pages', `${pagesHeader}\npd,C1,alpha,2026-05-02T03:00:00Z,${i}\n`));
  for (const t of LONE_SURROGATES) list.push(csv('pages', encodedSurrogates(`${pagesHeader}\npd,C1${t},alpha,2026-05-02T03:00:00Z,\n`)));
  const deploysHeader = 'source,externalId,team,deployedAt,status';
  for (const i of BAD_INSTANTS.slice(7)) list.push(csv('deploys', `${deploysHeader}\ngh,D1,alpha,${i},SUCCEEDED\n`));
  for (const t of LONE_SURROGATES) list.push(csv('deploys', encodedSurrogates(`${deploysHeader}\ngh,D1,alpha,2026-05-02T03:00:00Z,${t}\n`)));
  // Invalid UTF-8: a surrogate code point encoded in three bytes, and a truncated sequence.
  list.push(csv('daily', Buffer.concat([Buffer.from(`${dailyHeader}\nalpha,2026-05-02,`), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(',1\n')])));
  list.push(csv('daily', Buffer.concat([Buffer.from(`${dailyHeader}\nalpha,2026-05-02,`), Buffer.from([0xe2, 0x82]), Buffer.from(',1\n')])));
  list.push(csv('daily', `${dailyHeader}\nalpha,2026-05-02,"unterminated,1\n`));
  list.push(csv('daily', `bogus\nx\n`));
  list.push(csv('daily', ''));
  list.push(csv('daily', `${dailyHeader}\nalpha,2026-05-02,csv,1\nalpha,2026-05-02,csv,2\n`));
  list.push(csv('daily', `${dailyHeader}\nalpha,2026-05-02,csv,1`, 'application/json'));
  list.push(csv('daily', `${dailyHeader}\nalpha,2026-05-02,csv,1`, 'text/csv; charset=latin1'));
  list.push(csv('nonsense', `${dailyHeader}\nalpha,2026-05-02,csv,1`));
  list.push(csv('%ED%A0%80', `${dailyHeader}\nalpha,2026-05-02,csv,1`));
  return list;
}

// Webhooks: validly signed deliveries whose payloads are malformed.
const sign = (secret: string, body: string | Buffer) => createHmac('sha256', secret).update(body).digest('hex');
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
const pdCase = (name: string, edit: (body: any) => unknown): Case => {
  const payload = fixture('incident.triggered');
  const edited = edit(payload);
  const body = typeof edited === 'string' ? edited : toJson(edited === undefined ? payload : edited);
  return {
    name: `pagerduty ${name}`,
    request: (s, auth) => ({ url: `${s.url}/webhooks/pagerduty`, init: { method: 'POST', headers: { 'content-type': 'application/json', 'x-pagerduty-signature': `v1=${sign(PD_SECRET, body)}` }, body } }),
  };
};
const ghCase = (name: string, payload: unknown, event = 'deployment_status'): Case => {
  const body = typeof payload === 'string' ? payload : toJson(payload);
  return {
    name: `github ${name}`,
    request: (s, auth) => ({ url: `${s.url}/webhooks/github`, init: { method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-hub-signature-256': `sha256=${sign(GH_SECRET, body)}` }, body } }),
  };
};
const deployment = (over: { state?: unknown; created_at?: unknown; updated_at?: unknown; id?: unknown; environment?: unknown; full_name?: unknown; name?: unknown }) => ({
  deployment_status: { state: 'state' in over ? over.state : 'success', created_at: over.created_at ?? '2026-05-02T03:00:00Z', updated_at: over.updated_at ?? null, environment: 'production' },
  deployment: { id: over.id ?? 7, environment: over.environment ?? 'production' },
  repository: { name: over.name ?? 'repo', full_name: over.full_name ?? 'acme/repo' },
});
function webhookCases(): Case[] {
  const list: Case[] = [];
  for (const v of BAD_INSTANTS) list.push(pdCase(`created_at=${JSON.stringify(v)}`, (b) => void (b.event.data.created_at = v)));
  for (const v of BAD_INSTANTS) list.push(pdCase(`occurred_at=${JSON.stringify(v)}`, (b) => { b.event.event_type = 'incident.resolved'; b.event.occurred_at = v; }));
  for (const v of ['x'.repeat(300), '', ...LONE_SURROGATES, 'a\u0000b', 42, null]) list.push(pdCase(`incident id=${JSON.stringify(v).slice(0, 30)}`, (b) => void (b.event.data.id = v)));
  for (const v of ['x'.repeat(300), ...LONE_SURROGATES, 'a\u0000b', 42]) list.push(pdCase(`team id=${JSON.stringify(v).slice(0, 30)}`, (b) => void (b.event.data.teams = [{ id: v }])));
  for (const v of [...LONE_SURROGATES, 42, ['x']]) list.push(pdCase(`service summary=${JSON.stringify(v).slice(0, 30)}`, (b) => void (b.event.data.service.summary = v)));
  list.push(pdCase('urgency=42', (b) => void (b.event.data.urgency = 42)));
  for (const v of [42, null, '', 'incident.triggered\u0000', '\ud800', 'x'.repeat(10_000)]) list.push(pdCase(`event_type=${JSON.stringify(v).slice(0, 30)}`, (b) => void (b.event.event_type = v)));
  list.push(pdCase('resolved before it was created', (b) => { b.event.event_type = 'incident.resolved'; b.event.occurred_at = '2026-03-09T20:00:00Z'; }));
  list.push(pdCase('data is not an incident', (b) => void (b.event.data.type = 'incident_note')));
  list.push(pdCase('no data', (b) => void delete b.event.data));
  list.push(pdCase('teams is not a list', (b) => void (b.event.data.teams = { id: 'P1' })));
  list.push(pdCase('body is an array', () => '[1,2,3]'));
  list.push(pdCase('body is null', () => 'null'));
  list.push(pdCase('body is a string', () => '"incident.triggered"'));
  list.push(pdCase('not JSON', () => 'not json'));
  list.push(pdCase('truncated JSON', (b) => JSON.stringify(b).slice(0, 100)));
  list.push(pdCase('JSON with a lone surrogate escape', (b) => JSON.stringify(b).replaceAll('"Payments API"', '"\\ud800"')));
  for (const depth of [100, 5_000, 100_000]) {
    list.push(pdCase(`event nested ${depth} deep`, (b) => ({ ...b, extra: nestedObject(depth) })));
    list.push(pdCase(`incident title nested ${depth} deep`, (b) => void (b.event.data.title = nested(depth, 'x'))));
  }
  for (const v of ['x'.repeat(300), ...LONE_SURROGATES, '', 42]) list.push(ghCase(`repository full_name=${JSON.stringify(v).slice(0, 30)}`, deployment({ full_name: v })));
  for (const v of ['x'.repeat(300), ...LONE_SURROGATES, true, { a: 1 }]) list.push(ghCase(`deployment id=${JSON.stringify(v).slice(0, 30)}`, deployment({ id: v })));
  for (const v of BAD_INSTANTS) list.push(ghCase(`created_at=${JSON.stringify(v)}`, deployment({ created_at: v })));
  for (const v of BAD_INSTANTS.slice(7)) list.push(ghCase(`updated_at=${JSON.stringify(v)}`, deployment({ updated_at: v })));
  for (const v of [...LONE_SURROGATES, 42]) list.push(ghCase(`environment=${JSON.stringify(v)}`, deployment({ environment: v })));
  for (const v of [42, null, '\ud800']) list.push(ghCase(`state=${JSON.stringify(v)}`, deployment({ state: v })));
  list.push(ghCase('not JSON', 'not json'));
  list.push(ghCase('an array', '[]'));
  list.push(ghCase('nested 100,000 deep', { ...deployment({}), extra: nestedObject(100_000) }));
  return list;
}

// Export URLs: current figures and snapshot downloads.
const get = (name: string, pathAndQuery: string): Case => ({ name: `export ${name}`, request: (s, auth) => ({ url: `${s.url}${pathAndQuery}`, init: { headers: auth } }) });
function exportCases(): Case[] {
  const list: Case[] = [];
  for (const d of BAD_DATES.filter((d): d is string => typeof d === 'string')) list.push(get(`from=${d}`, `/api/export.csv?from=${encodeURIComponent(d)}&to=2026-05-10`));
  for (const d of ['0001-01-31', '0000-01-02', '-0001-01-02']) list.push(get(`to=${d}`, `/api/export.csv?from=0001-01-01&to=${encodeURIComponent(d)}`));
  list.push(get('range reversed', '/api/export.csv?from=2026-05-10&to=2026-05-01'));
  list.push(get('no range', '/api/export.csv'));
  list.push(get('from given twice', '/api/export.csv?from=2026-05-01&from=2026-05-02&to=2026-05-10'));
  list.push(get('from as an object', '/api/export.csv?from[a]=1&to=2026-05-10'));
  list.push(get('bad kind', '/api/export.csv?from=2026-05-01&to=2026-05-10&kind=nope'));
  list.push(get('kind twice', '/api/export.csv?from=2026-05-01&to=2026-05-10&kind=teams&kind=sprints'));
  list.push(get('unknown team', '/api/export.csv?from=2026-05-01&to=2026-05-10&teams=nobody'));
  list.push(get('team with a lone surrogate', '/api/export.csv?from=2026-05-01&to=2026-05-10&teams=%ED%A0%80'));
  list.push(get('bad percent-encoding', '/api/export.csv?from=%E0%A4%A&to=2026-05-10'));
  list.push(get('1000 teams', `/api/export.csv?from=2026-05-01&to=2026-05-10&teams=${Array.from({ length: 1000 }, (_, i) => `t${i}`).join(',')}`));
  for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', '%ED%A0%80', 'x'.repeat(5000), '..%2F..%2Fetc%2Fpasswd', "'%3B DROP TABLE snapshots"]) {
    for (const ext of ['json', 'csv', 'xml']) list.push(get(`snapshot ${id.slice(0, 20)}.${ext}`, `/api/snapshots/${id}.${ext}`));
  }
  list.push(get('snapshot csv bad kind', '/api/snapshots/00000000-0000-4000-8000-000000000000.csv?kind=nope'));
  return list;
}

/** Every case, each name unique (a repeated one gets #2, #3…) so a failure points at one request. */
function cases(): Case[] {
  const seen = new Map<string, number>();
  return [...graphqlCases(), ...csvCases(), ...webhookCases(), ...exportCases()].map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return n === 1 ? c : { ...c, name: `${c.name} #${n}` };
  });
}

describe('bad input: every malformed request gets a clear client error and changes nothing', () => {
  let s: TestServer;
  const tokens: string[] = [];
  const checksum = async (tables: string[]) => {
    const sums: string[] = [];
    for (const t of tables) sums.push((await s.db.raw(`SELECT md5(COALESCE(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`)).rows[0].h);
    return sums.join(',');
  };
  beforeAll(async () => {
    s = await startTestServer('postgres', { pagerdutyWebhookSecret: PD_SECRET, githubWebhookSecret: GH_SECRET });
    await s.gql(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha", members: 3 }]) { slug } }`);
    await s.gql(`mutation { recordDailyMetrics(input: [{ team: "alpha", date: "2026-05-01", alerts: 2 }]) { received } }`);
    // A token per 40 cases stays inside the ingestion rate limit (bursts of 60), which is not under test here.
    for (let i = 0; i < Math.ceil(cases().length / 40); i++) tokens.push((await createToken(s.db, { name: `fuzz ${i}`, scopes: ['admin'] })).token);
  });
  afterAll(() => s?.close());

  it('has at least 300 cases across GraphQL, CSV import, webhooks and export URLs', () => {
    const all = cases();
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(new Set(all.map((c) => c.name)).size, 'case names are unique').toBe(all.length);
    for (const surface of ['graphql', 'csv', 'pagerduty', 'github', 'export']) expect(all.filter((c) => c.name.startsWith(surface)).length, surface).toBeGreaterThanOrEqual(20);
  });

  it('answers each with a 4xx and a client error code, never an internal error, and the data is untouched', async () => {
    const before = await checksum(TABLES);
    const failures: string[] = [];
    // FUZZ_DEBUG=1 prints each failure as it happens (the list below comes only at the end).
    for (const [i, c] of cases().entries()) {
      const { url, init } = c.request(s, { authorization: `Bearer ${tokens[Math.floor(i / 40)]}` });
      let status = 0;
      let text = '';
      try {
        const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
        status = res.status;
        text = await res.text();
      } catch (e) {
        failures.push(`${c.name}: no answer (${(e as Error).message})`);
        if (process.env.FUZZ_DEBUG) console.log(failures.at(-1));
        continue;
      }
      let body: any = null;
      try { body = JSON.parse(text); } catch { /* not JSON */ }
      const code = body?.errors?.[0]?.extensions?.code ?? body?.error?.code;
      const leaks = /\s+at [\w.<>]+ \(|file:\/\/\/|node_modules|SELECT |INSERT |syntax error at or near|knex|violates|invalid input syntax/i.test(text);
      const named = typeof (body?.errors?.[0]?.message ?? body?.error?.message) === 'string';
      if (status < 400 && !(status === 200 && CLIENT_CODES.has(code))) failures.push(`${c.name}: ${status}, not refused: ${text.slice(0, 200)}`);
      else if (status >= 500 || !CLIENT_CODES.has(code) || !named || leaks) failures.push(`${c.name}: ${status} ${text.slice(0, 200)}`);
      else continue;
      if (process.env.FUZZ_DEBUG) console.log(failures.at(-1));
    }
    expect(failures).toEqual([]);
    expect(await checksum(TABLES)).toBe(before);
    // A malformed delivery may be kept for inspection, never waiting to become a signal.
    expect(Number((await s.db('webhook_inbox').whereNot('state', 'rejected').count('* as n').first())!.n)).toBe(0);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  }, 300_000);
});
