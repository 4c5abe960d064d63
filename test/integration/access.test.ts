import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { buildSchema } from '../../server/graphql/schema';
import { createToken } from '../../server/auth/service';
import { insertToken } from '../../server/auth/queries';
import { hashSecret, newSecret } from '../../server/auth/tokens';
import { FIELD_SCOPES, HTTP_SCOPES } from '../../server/auth/fieldScopes';
import { grants, type Scope } from '../../server/core/viewer';
import { startTestServer, type TestServer } from './harness';

const RANGE = '{ from: "2026-05-01", to: "2026-05-14" }';
/**
 * One valid operation per root field. The first test fails when the schema gains a root field
 * that is not listed here, so no field escapes the access matrix.
 */
const SAMPLES: Record<string, () => string> = {
  'Query.ok': () => `{ ok }`,
  'Query.viewer': () => `{ viewer { name } }`,
  'Query.teams': () => `{ teams { slug } }`,
  'Query.team': () => `{ team(slug: "alpha") { slug } }`,
  'Query.overview': () => `{ overview(range: ${RANGE}) { status } }`,
  'Query.overviewGroups': () => `{ overviewGroups(range: ${RANGE}) { status } }`,
  'Query.orgTotal': () => `{ orgTotal(range: ${RANGE}) { teams } }`,
  'Query.groups': () => `{ groups { id path } }`,
  'Query.guardrailDefaults': () => `{ guardrailDefaults { version } }`,
  'Query.guardrailDefaultsHistory': () => `{ guardrailDefaultsHistory { version } }`,
  'Query.loadModelDefaults': () => `{ loadModelDefaults { minutesPerAlert } }`,
  'Query.loadModelDefaultsHistory': () => `{ loadModelDefaultsHistory { changedAt } }`,
  'Query.snapshots': () => `{ snapshots { edges { cursor } } }`,
  'Query.snapshot': () => `{ snapshot(id: "${randomUUID()}") { id } }`,
  'Query.snapshotDiff': () => `{ snapshotDiff(a: "${randomUUID()}") { teams { team } } }`,
  'Query.sourceMappings': () => `{ sourceMappings { key } }`,
  'Query.unrouted': () => `{ unrouted { key } }`,
  'Query.freshness': () => `{ freshness { source } }`,
  'Query.orgPrivacy': () => `{ orgPrivacy { hidePeople } }`,
  'Query.backfills': () => `{ backfills { source } }`,
  'Query.tokens': () => `{ tokens { id } }`,
  'Query.webhookSources': () => `{ webhookSources { source secretConfigured } }`,
  'Mutation.noop': () => `mutation { noop }`,
  'Mutation.upsertTeams': () => `mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha", members: 3 }]) { slug } }`,
  'Mutation.archiveTeam': () => `mutation { archiveTeam(slug: "beta") { archived } }`,
  'Mutation.createGroup': () => `mutation { createGroup(name: "Matrix ${randomUUID()}") { id } }`,
  'Mutation.renameGroup': () => `mutation { renameGroup(id: "1", name: "Matrix ${randomUUID()}") { id } }`,
  'Mutation.moveGroup': () => `mutation { moveGroup(id: "1", parent: null) { id } }`,
  'Mutation.deleteGroup': () => `mutation { deleteGroup(id: "999999") }`,
  'Mutation.setTeamGroup': () => `mutation { setTeamGroup(team: "alpha", group: "1") { slug } }`,
  'Mutation.recordDailyMetrics': () => `mutation { recordDailyMetrics(input: [{ team: "alpha", date: "2026-05-02", alerts: 3 }]) { received } }`,
  'Mutation.recordPages': () => `mutation { recordPages(input: [{ source: "pd", externalId: "P-1", team: "alpha", triggeredAt: "2026-05-02T03:00:00Z", resolvedAt: "2026-05-02T04:00:00Z" }]) { received } }`,
  'Mutation.recordDeploys': () => `mutation { recordDeploys(input: [{ source: "gh", externalId: "D-1", team: "alpha", deployedAt: "2026-05-02T10:00:00Z", status: SUCCEEDED }]) { received } }`,
  'Mutation.upsertSprints': () => `mutation { upsertSprints(input: [{ team: "alpha", name: "S1", startDate: "2026-05-04", endDate: "2026-05-17" }]) { name } }`,
  'Mutation.deleteSprint': () => `mutation { deleteSprint(team: "alpha", name: "no such sprint") }`,
  'Mutation.setGuardrail': () => `mutation { setGuardrail(team: "alpha", input: { reserveFloor: 0.25 }, reason: "matrix test") { version } }`,
  'Mutation.setLoadModel': () => `mutation { setLoadModel(team: "alpha", input: { minutesPerAlert: 6 }) { minutesPerAlert } }`,
  'Mutation.createSnapshot': () => `mutation { createSnapshot(input: { label: "matrix", range: ${RANGE}, teams: ["alpha"] }) { id } }`,
  'Mutation.deleteSnapshot': () => `mutation { deleteSnapshot(id: "${randomUUID()}") }`,
  'Mutation.createToken': () => `mutation { createToken(input: { name: "made in matrix", scopes: [read] }) { id } }`,
  'Mutation.revokeToken': () => `mutation { revokeToken(id: "${randomUUID()}") }`,
  'Mutation.setSourceMapping': () => `mutation { setSourceMapping(input: { source: "github", key: "acme/alpha", team: "alpha" }) { key } }`,
  'Mutation.setOrgPrivacy': () => `mutation { setOrgPrivacy(input: { hidePeople: false }) { hidePeople } }`,
  'Query.notificationChannels': () => `{ notificationChannels { id } }`,
  'Query.notificationDeliveries': () => `{ notificationDeliveries { id } }`,
  'Mutation.createNotificationChannel': () => `mutation { createNotificationChannel(input: { name: "matrix ${randomUUID()}", kind: SLACK, url: "https://hooks.example.com/matrix" }) { secret } }`,
  'Mutation.updateNotificationChannel': () => `mutation { updateNotificationChannel(id: "999999", input: { enabled: false }) { id } }`,
  'Mutation.deleteNotificationChannel': () => `mutation { deleteNotificationChannel(id: "999999") }`,
  'Mutation.subscribeNotifications': () => `mutation { subscribeNotifications(input: { channel: "999999", events: [TEAM_STATUS] }) { id } }`,
  'Mutation.unsubscribeNotifications': () => `mutation { unsubscribeNotifications(id: "999999") }`,
  'Mutation.sendTestNotification': () => `mutation { sendTestNotification(channel: "999999") { id } }`,
};

const AUTH_CODES = ['UNAUTHENTICATED', 'FORBIDDEN'];
const codes = (res: any): string[] => (res.errors ?? []).map((e: any) => e.extensions?.code);

describe('access matrix: every root field × every scope', () => {
  let s: TestServer;
  const tokens = {} as Record<Scope, string>;

  beforeAll(async () => {
    s = await startTestServer('pglite');
    await s.gql(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha", members: 3 }, { slug: "beta", name: "Beta" }]) { slug } }`);
    for (const scope of ['read', 'ingest', 'plan', 'admin'] as Scope[]) tokens[scope] = (await createToken(s.db, { name: `${scope} token`, scopes: [scope] })).token;
  });
  afterAll(() => s?.close());

  it('has a sample operation and a declared scope for every root field of the schema', () => {
    const schema = buildSchema();
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ].sort();
    expect(Object.keys(SAMPLES).sort()).toEqual(fields);
    expect(Object.keys(FIELD_SCOPES).sort()).toEqual(fields);
  });

  const cases = Object.keys(SAMPLES).flatMap((field) => (['none', 'read', 'ingest', 'plan', 'admin'] as const).map((who) => [field, who] as const));
  it.each(cases)('%s as %s', async (field, who) => {
    const needed = FIELD_SCOPES[field];
    const res = await s.gqlAs(who === 'none' ? null : tokens[who], SAMPLES[field]());
    const got = codes(res);
    if (needed === 'public' || (who !== 'none' && grants([who], needed))) {
      expect(got.filter((c) => AUTH_CODES.includes(c)), JSON.stringify(res.errors)).toEqual([]);
    } else {
      expect(got).toEqual([who === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
    }
  });
});

describe('team restrictions, HTTP endpoints, sessions and public read', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('postgres');
    await s.gql(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha", members: 3 }, { slug: "beta", name: "Beta", members: 2 }]) { slug } }`);
  });
  afterAll(() => s?.close());

  it('keeps a team-limited token to its teams for writes and reads, and nothing is written', async () => {
    const { token: ingestA } = await createToken(s.db, { name: 'ci for alpha', scopes: ['ingest'], teams: ['alpha'] });
    const { token: readA } = await createToken(s.db, { name: 'alpha reader', scopes: ['read'], teams: ['alpha'] });
    const before = await s.db('daily_metrics').count('* as n').first();
    const cross = await s.gqlAs(ingestA, `mutation { recordDailyMetrics(input: [{ team: "alpha", date: "2026-05-02" }, { team: "beta", date: "2026-05-02" }]) { received } }`);
    expect(codes(cross)).toEqual(['FORBIDDEN']);
    expect(cross.errors[0].message).toContain('"beta"');
    expect(await s.db('daily_metrics').count('* as n').first()).toEqual(before);
    const own = await s.gqlAs(ingestA, `mutation { recordDailyMetrics(input: [{ team: "alpha", date: "2026-05-02", alerts: 1 }]) { received } }`);
    expect(own.data.recordDailyMetrics.received).toBe(1);

    const { data } = await s.gqlAs(readA, `{ teams { slug } overview(range: ${RANGE}) { team { slug } } }`);
    expect(data).toEqual({ teams: [{ slug: 'alpha' }], overview: [{ team: { slug: 'alpha' } }] });
    // Another team and a team that does not exist get the same answer: no enumeration.
    expect(await s.gqlAs(readA, `{ team(slug: "beta") { slug } }`)).toEqual({ data: { team: null } });
    expect(await s.gqlAs(readA, `{ team(slug: "nobody") { slug } }`)).toEqual({ data: { team: null } });

    const { token: planA } = await createToken(s.db, { name: 'alpha planner', scopes: ['plan'], teams: ['alpha'] });
    expect(codes(await s.gqlAs(planA, `mutation { setGuardrail(input: { reserveFloor: 0.3 }, reason: "org-wide") { version } }`))).toEqual(['FORBIDDEN']);
    expect(codes(await s.gqlAs(planA, `mutation { setGuardrail(team: "alpha", input: { reserveFloor: 0.3 }, reason: "ours") { version } }`))).toEqual([]);
  });

  it('guards the HTTP endpoints with the same scopes', async () => {
    const { token: ingest } = await createToken(s.db, { name: 'ingest only', scopes: ['ingest'] });
    const { token: read } = await createToken(s.db, { name: 'reader', scopes: ['read'] });
    const csv = 'team,date,alerts\nalpha,2026-05-03,4\n';
    const post = (token: string | null) => fetch(`${s.url}/api/import?kind=daily`, { method: 'POST', headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: csv });
    const get = (path: string, token: string | null) => fetch(`${s.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await post(null)).status).toBe(401);
    expect((await post(read)).status).toBe(403);
    expect((await post(ingest)).status).toBe(200);
    expect((await get(`/api/export.csv?from=2026-05-01&to=2026-05-14`, null)).status).toBe(401);
    expect((await get(`/api/export.csv?from=2026-05-01&to=2026-05-14`, ingest)).status).toBe(403);
    expect((await get(`/api/export.csv?from=2026-05-01&to=2026-05-14`, read)).status).toBe(200);
    expect((await get(`/api/snapshots/${randomUUID()}.json`, read)).status).toBe(404);
    expect((await get(`/api/snapshots/${randomUUID()}.json`, ingest)).status).toBe(403);
  });

  it('refuses unknown, revoked and expired tokens', async () => {
    expect(codes(await s.gqlAs('hr_not-a-real-token', `{ teams { slug } }`))).toEqual(['UNAUTHENTICATED']);
    const made = await createToken(s.db, { name: 'short lived', scopes: ['read'] });
    expect(codes(await s.gqlAs(made.token, `{ teams { slug } }`))).toEqual([]);
    expect((await s.gql(`mutation($id: ID!) { revokeToken(id: $id) }`, { id: made.id })).data.revokeToken).toBe(true);
    expect(codes(await s.gqlAs(made.token, `{ teams { slug } }`))).toEqual(['UNAUTHENTICATED']);
    const expired = await createToken(s.db, { name: 'expiring', scopes: ['read'], expiresAt: new Date(Date.now() + 60_000) });
    await s.db('tokens').where({ id: expired.id }).update({ expires_at: new Date(Date.now() - 1000) });
    expect(codes(await s.gqlAs(expired.token, `{ teams { slug } }`))).toEqual(['UNAUTHENTICATED']);
    const listed = await s.gql(`{ tokens { name revokedAt lastUsedAt } }`);
    expect(JSON.stringify(listed.data)).not.toContain('hr_');
    expect(listed.data.tokens.find((t: any) => t.name === 'short lived').revokedAt).not.toBeNull();
    // Only the hash is stored.
    const row = await s.db('tokens').where({ id: made.id }).first();
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.hash).not.toContain(made.token);
  });

  it('exchanges a token for an HttpOnly SameSite=Strict session cookie, and signs out', async () => {
    const { token } = await createToken(s.db, { name: 'browser', scopes: ['read'] });
    const bad = await fetch(`${s.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'hr_wrong' }) });
    expect(bad.status).toBe(401);
    const res = await fetch(`${s.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0];
    const viewer = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: session }, body: JSON.stringify({ query: '{ viewer { name scopes } }' }) });
    expect((await viewer.json()).data.viewer).toEqual({ name: 'browser', scopes: ['read'] });
    const out = await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: { cookie: session } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/headroom_session=;/);
  });
});

/**
 * The team-limit matrix: a token of each scope limited to team alpha, against team beta's data, on
 * every root field and every HTTP route — read, write, move (an event re-sent with another team)
 * and map (a source mapping re-pointed). Each case states its exact outcome; after all of them
 * beta's rows (and every token, snapshot and mapping) are as they were.
 */
type Limited = 'read' | 'ingest' | 'plan' | 'admin';
const LIMITED: Limited[] = ['read', 'ingest', 'plan', 'admin'];
/** What one case must answer: exactly this data, or exactly these error codes (data null). */
type Outcome = { data: unknown } | { errors: string[] };
interface LimitCase { name: string; op: string; expect: (scope: Limited) => Outcome }

const refused = (code = 'FORBIDDEN'): Outcome => ({ errors: [code] });
/** A field needing `needed`: `ok` for scopes that hold it, FORBIDDEN for the others. */
const ifGranted = (needed: Scope, ok: () => Outcome) => (scope: Limited): Outcome => (grants([scope], needed) ? ok() : refused());

describe('access matrix: tokens limited to team alpha against team beta, every root field and route', () => {
  let s: TestServer;
  const tokens = {} as Record<Limited, string>;
  const ids = {} as Record<'alphaSnapshot' | 'betaSnapshot' | 'betaToken' | 'orgToken' | 'alphaGroup' | 'betaGroup', string>;
  const limitedTokenIds: string[] = [];

  /** Everything the cases must leave as it was: beta's rows, and the org-wide tables a limited token must not reach. */
  async function state() {
    const beta = (await s.db('teams').where({ slug: 'beta' }).first()).id;
    const rows = async (table: string, where?: Record<string, unknown>, order = 'id') =>
      (where ? s.db(table).where(where) : s.db(table)).orderBy(order).select('*');
    return JSON.stringify({
      teams: await rows('teams', { id: beta }),
      teamGroups: await s.db('teams').orderBy('id').select('slug', 'group_id'),
      groups: await s.db('groups').orderBy('id').select('id', 'name', 'parent_id'),
      teamCount: await s.db('teams').count('* as n'),
      daily: await rows('daily_metrics', { team_id: beta }, 'date'),
      pages: await rows('page_events', undefined),
      pageDays: await s.db('page_event_days').orderBy(['page_id', 'date']).select('*'),
      deploys: await rows('deploy_events', undefined),
      sprints: await rows('sprints', { team_id: beta }),
      guardrails: await rows('guardrail_policies', undefined),
      loadModels: await s.db('load_models').select('*'),
      loadModelChanges: await s.db('load_model_changes').orderBy('id').select('*'),
      mappings: await s.db('source_mappings').orderBy(['source', 'key']).select('source', 'key', 'team_id'),
      tokens: await s.db('tokens').orderBy('id').select('id', 'name', 'scopes', 'teams', 'revoked_at', 'expires_at'),
      snapshots: await s.db('snapshots').orderBy('id').select('id', 'deleted_at'),
      privacy: await s.db('org_privacy').select('*'),
      subscriptions: await rows('notification_subscriptions', undefined),
    });
  }

  const CASES: Record<string, LimitCase[]> = {
    'Query.ok': [{ name: 'read', op: `{ ok }`, expect: () => ({ data: { ok: true } }) }],
    'Query.viewer': [{ name: 'read', op: `{ viewer { teams } }`, expect: () => ({ data: { viewer: { teams: ['alpha'] } } }) }],
    'Query.teams': [{ name: 'read', op: `{ teams { slug } }`, expect: ifGranted('read', () => ({ data: { teams: [{ slug: 'alpha' }] } })) }],
    'Query.team': [
      { name: 'read', op: `{ team(slug: "beta") { slug } }`, expect: ifGranted('read', () => ({ data: { team: null } })) },
      { name: 'read a missing team (same answer)', op: `{ team(slug: "nobody") { slug } }`, expect: ifGranted('read', () => ({ data: { team: null } })) },
      { name: 'read who carried beta\'s pages', op: `{ team(slug: "beta") { responderFigures(range: ${RANGE}) { people { person } } } }`, expect: ifGranted('read', () => ({ data: { team: null } })) },
    ],
    'Query.overview': [{ name: 'read', op: `{ overview(range: ${RANGE}) { team { slug } kpis { alerts } } }`, expect: ifGranted('read', () => ({ data: { overview: [{ team: { slug: 'alpha' }, kpis: { alerts: 2 } }] } })) }],
    'Query.overviewGroups': [{ name: 'read', op: `{ overviewGroups(range: ${RANGE}) { group { path } teams totals { alerts } } }`, expect: ifGranted('read', () => ({ data: { overviewGroups: [{ group: { path: 'Alpha group' }, teams: ['alpha'], totals: { alerts: 2 } }] } })) }],
    'Query.orgTotal': [{ name: 'read', op: `{ orgTotal(range: ${RANGE}) { teams alerts } }`, expect: ifGranted('read', () => ({ data: { orgTotal: { teams: 1, alerts: 2 } } })) }],
    'Query.groups': [{ name: 'read', op: `{ groups { path allTeams { slug } } }`, expect: ifGranted('read', () => ({ data: { groups: [{ path: 'Alpha group', allTeams: [{ slug: 'alpha' }] }] } })) }],
    'Query.guardrailDefaults': [{ name: 'read (org-wide, no team data)', op: `{ guardrailDefaults { version team } }`, expect: ifGranted('read', () => ({ data: { guardrailDefaults: { version: 0, team: null } } })) }],
    'Query.guardrailDefaultsHistory': [{ name: 'read (org-wide, no team data)', op: `{ guardrailDefaultsHistory { team } }`, expect: ifGranted('read', () => ({ data: { guardrailDefaultsHistory: [] } })) }],
    'Query.loadModelDefaults': [{ name: 'read (org-wide, no team data)', op: `{ loadModelDefaults { minutesPerAlert } }`, expect: ifGranted('read', () => ({ data: { loadModelDefaults: { minutesPerAlert: 5 } } })) }],
    'Query.loadModelDefaultsHistory': [{ name: 'read (org-wide, no team data)', op: `{ loadModelDefaultsHistory { team } }`, expect: ifGranted('read', () => ({ data: { loadModelDefaultsHistory: [] } })) }],
    'Query.snapshots': [{ name: 'read', op: `{ snapshots { edges { node { teams } } } }`, expect: ifGranted('read', () => ({ data: { snapshots: { edges: [{ node: { teams: ['alpha'] } }] } } })) }],
    'Query.snapshot': [{ name: 'read', op: `{ snapshot(id: "$betaSnapshot") { id } }`, expect: ifGranted('read', () => ({ data: { snapshot: null } })) }],
    'Query.snapshotDiff': [{ name: 'read', op: `{ snapshotDiff(a: "$betaSnapshot") { teams { team } } }`, expect: ifGranted('read', () => refused('NOT_FOUND')) }],
    'Query.sourceMappings': [{ name: 'read', op: `{ sourceMappings { key team { slug kpis(range: ${RANGE}) { alerts } } } }`, expect: ifGranted('read', () => ({ data: { sourceMappings: [{ key: 'acme/alpha', team: { slug: 'alpha', kpis: { alerts: 2 } } }] } })) }],
    'Query.unrouted': [{ name: 'read', op: `{ unrouted { key } }`, expect: ifGranted('read', () => ({ data: { unrouted: [] } })) }],
    'Query.orgPrivacy': [{ name: 'read (org-wide, names nobody)', op: `{ orgPrivacy { hidePeople changedBy } }`, expect: ifGranted('read', () => ({ data: { orgPrivacy: { hidePeople: false, changedBy: null } } })) }],
    'Query.freshness': [{ name: 'read', op: `{ freshness { source } }`, expect: ifGranted('read', () => ({ data: { freshness: [{ source: 'alpha-feed' }] } })) }],
    'Query.webhookSources': [{ name: 'read the org-wide inbox', op: `{ webhookSources { source pending } }`, expect: () => refused() }],
    // Backfills span every team: refused to every limited token, ingest and admin ones included.
    'Query.backfills': [{ name: 'read (org-wide only)', op: `{ backfills { source } }`, expect: () => refused() }],
    'Query.tokens': [{ name: 'read', op: `{ tokens { name } }`, expect: ifGranted('admin', () => ({ data: { tokens: LIMITED.map((x) => ({ name: `alpha ${x}` })).reverse() } })) }],
    'Mutation.noop': [{ name: 'write', op: `mutation { noop }`, expect: () => ({ data: { noop: null } }) }],
    'Mutation.upsertTeams': [
      { name: 'write', op: `mutation { upsertTeams(input: [{ slug: "beta", name: "Taken" }]) { slug } }`, expect: () => refused() },
      { name: 'create a team', op: `mutation { upsertTeams(input: [{ slug: "gamma", name: "New" }]) { slug } }`, expect: () => refused() },
    ],
    'Mutation.archiveTeam': [{ name: 'write', op: `mutation { archiveTeam(slug: "beta") { slug } }`, expect: () => refused() }],
    // Groups span the org: a limited token (even a stored admin one) changes none.
    'Mutation.createGroup': [{ name: 'write', op: `mutation { createGroup(name: "Mine") { id } }`, expect: () => refused() }],
    'Mutation.renameGroup': [{ name: 'write', op: `mutation { renameGroup(id: "$betaGroup", name: "Taken") { id } }`, expect: () => refused() }],
    'Mutation.moveGroup': [{ name: 'write', op: `mutation { moveGroup(id: "$betaGroup", parent: "$alphaGroup") { id } }`, expect: () => refused() }],
    'Mutation.deleteGroup': [{ name: 'write', op: `mutation { deleteGroup(id: "$betaGroup") }`, expect: () => refused() }],
    'Mutation.setTeamGroup': [
      { name: 'move beta', op: `mutation { setTeamGroup(team: "beta", group: "$alphaGroup") { slug } }`, expect: () => refused() },
      { name: 'move alpha into beta\'s group', op: `mutation { setTeamGroup(team: "alpha", group: "$betaGroup") { slug } }`, expect: () => refused() },
    ],
    'Mutation.recordDailyMetrics': [{ name: 'write', op: `mutation { recordDailyMetrics(input: [{ team: "beta", date: "2026-05-03", source: "beta-feed", alerts: 9 }]) { received } }`, expect: () => refused() }],
    'Mutation.recordPages': [
      { name: 'write', op: `mutation { recordPages(input: [{ source: "pd", externalId: "P-B1", team: "beta", triggeredAt: "2026-05-02T03:00:00Z" }]) { received } }`, expect: () => refused() },
      { name: 'move', op: `mutation { recordPages(input: [{ source: "pd", externalId: "P-A1", team: "alpha", triggeredAt: "2026-05-02T03:00:00Z" }, { source: "pd", externalId: "P-B1", team: "alpha", triggeredAt: "2026-05-02T03:00:00Z" }]) { received } }`, expect: () => refused() },
      { name: 'claim an unrouted page', op: `mutation { recordPages(input: [{ source: "pagerduty", externalId: "P-UNROUTED", team: "alpha", triggeredAt: "2026-05-02T03:00:00Z" }]) { received } }`, expect: () => refused() },
    ],
    'Mutation.recordDeploys': [
      { name: 'write', op: `mutation { recordDeploys(input: [{ source: "gh", externalId: "D-B1", team: "beta", deployedAt: "2026-05-02T10:00:00Z", status: SUCCEEDED }]) { received } }`, expect: () => refused() },
      { name: 'move', op: `mutation { recordDeploys(input: [{ source: "gh", externalId: "D-B1", team: "alpha", deployedAt: "2026-05-02T10:00:00Z", status: SUCCEEDED }]) { received } }`, expect: () => refused() },
    ],
    'Mutation.upsertSprints': [{ name: 'write', op: `mutation { upsertSprints(input: [{ team: "beta", name: "S9", startDate: "2026-05-04", endDate: "2026-05-17" }]) { name } }`, expect: () => refused() }],
    'Mutation.deleteSprint': [{ name: 'write', op: `mutation { deleteSprint(team: "beta", name: "S1") }`, expect: () => refused() }],
    'Mutation.setGuardrail': [
      { name: 'write', op: `mutation { setGuardrail(team: "beta", input: { reserveFloor: 0.4 }, reason: "x") { version } }`, expect: () => refused() },
      { name: 'write the org default', op: `mutation { setGuardrail(input: { reserveFloor: 0.4 }, reason: "x") { version } }`, expect: () => refused() },
    ],
    'Mutation.setLoadModel': [
      { name: 'write', op: `mutation { setLoadModel(team: "beta", input: { minutesPerAlert: 9 }, reason: "x") { minutesPerAlert } }`, expect: () => refused() },
      { name: 'write the org default', op: `mutation { setLoadModel(input: { minutesPerAlert: 9 }, reason: "org-wide") { minutesPerAlert } }`, expect: () => refused() },
    ],
    'Mutation.createSnapshot': [{ name: 'read through a snapshot', op: `mutation { createSnapshot(input: { label: "x", range: ${RANGE}, teams: ["beta"] }) { id } }`, expect: () => refused() }],
    'Mutation.deleteSnapshot': [{ name: 'write', op: `mutation { deleteSnapshot(id: "$betaSnapshot") }`, expect: ifGranted('admin', () => refused('NOT_FOUND')) }],
    'Mutation.createToken': [
      { name: 'a token for beta', op: `mutation { createToken(input: { name: "x", scopes: [read], teams: ["beta"] }) { id } }`, expect: () => refused() },
      { name: 'an unrestricted token', op: `mutation { createToken(input: { name: "x", scopes: [read] }) { id } }`, expect: () => refused() },
      { name: 'an admin token', op: `mutation { createToken(input: { name: "x", scopes: [admin], teams: ["alpha"] }) { id } }`, expect: ifGranted('admin', () => refused('BAD_USER_INPUT')) },
    ],
    'Mutation.revokeToken': [
      { name: 'a token of beta', op: `mutation { revokeToken(id: "$betaToken") }`, expect: ifGranted('admin', () => refused('NOT_FOUND')) },
      { name: 'an unrestricted token', op: `mutation { revokeToken(id: "$orgToken") }`, expect: ifGranted('admin', () => refused('NOT_FOUND')) },
    ],
    // Org-wide: refused to every limited token, admin ones made before that rule included.
    'Mutation.setOrgPrivacy': [{ name: 'hide per-person figures org-wide', op: `mutation { setOrgPrivacy(input: { hidePeople: true }) { hidePeople } }`, expect: () => refused() }],
    'Mutation.setSourceMapping': [
      { name: 'map (re-point beta\'s key)', op: `mutation { setSourceMapping(input: { source: "github", key: "acme/beta", team: "alpha" }) { key } }`, expect: () => refused() },
      { name: 'map to beta', op: `mutation { setSourceMapping(input: { source: "github", key: "acme/alpha", team: "beta" }) { key } }`, expect: () => refused() },
    ],
    // Notification channels post for the whole org: refused to every limited token, plan and admin ones included.
    'Query.notificationChannels': [{ name: 'read (org-wide only)', op: `{ notificationChannels { id } }`, expect: () => refused() }],
    'Query.notificationDeliveries': [{ name: 'read (org-wide only)', op: `{ notificationDeliveries { id } }`, expect: () => refused() }],
    'Mutation.createNotificationChannel': [{ name: 'write (org-wide only)', op: `mutation { createNotificationChannel(input: { name: "x", kind: SLACK, url: "https://hooks.example.com/x" }) { secret } }`, expect: () => refused() }],
    'Mutation.updateNotificationChannel': [{ name: 'write (org-wide only)', op: `mutation { updateNotificationChannel(id: "1", input: { enabled: false }) { id } }`, expect: () => refused() }],
    'Mutation.deleteNotificationChannel': [{ name: 'write (org-wide only)', op: `mutation { deleteNotificationChannel(id: "1") }`, expect: () => refused() }],
    'Mutation.subscribeNotifications': [
      { name: 'subscribe to alpha', op: `mutation { subscribeNotifications(input: { channel: "1", team: "alpha", events: [TEAM_STATUS] }) { id } }`, expect: () => refused() },
      { name: "subscribe to alpha's group", op: `mutation { subscribeNotifications(input: { channel: "1", group: "$alphaGroup", events: [TEAM_STATUS, WEEKLY_DIGEST] }) { id } }`, expect: () => refused() },
    ],
    'Mutation.unsubscribeNotifications': [{ name: 'write (org-wide only)', op: `mutation { unsubscribeNotifications(id: "1") }`, expect: () => refused() }],
    'Mutation.sendTestNotification': [{ name: 'write (org-wide only)', op: `mutation { sendTestNotification(channel: "1") { id } }`, expect: () => refused() }],
  };

  /** HTTP routes: status and error code, for each limited scope. */
  const csvPost = (kind: string, body: string) => ({ method: 'POST', path: `/api/import?kind=${kind}`, body });
  const HTTP_CASES: Record<keyof typeof HTTP_SCOPES, { name: string; req: { method: string; path: string; body?: string }; expect: (scope: Limited) => number }[]> = {
    'POST /api/import': [
      { name: 'write', req: csvPost('daily', 'team,date,source,alerts\nalpha,2026-05-03,alpha-feed,1\nbeta,2026-05-03,beta-feed,9\n'), expect: () => 403 },
      { name: 'move', req: csvPost('pages', 'source,externalId,team,triggeredAt\npd,P-B1,alpha,2026-05-02T03:00:00Z\n'), expect: () => 403 },
      { name: 'move a deploy', req: csvPost('deploys', 'source,externalId,team,deployedAt,status\ngh,D-B1,alpha,2026-05-02T10:00:00Z,SUCCEEDED\n'), expect: () => 403 },
      { name: 'write a sprint', req: csvPost('sprints', 'team,name,startDate,endDate\nbeta,S9,2026-05-18,2026-05-31\n'), expect: () => 403 },
    ],
    'GET /api/export.csv': [
      { name: 'read beta', req: { method: 'GET', path: `/api/export.csv?from=2026-05-01&to=2026-05-14&teams=beta` }, expect: (x) => (grants([x], 'read') ? 400 : 403) },
    ],
    'GET /api/snapshots/:file': [
      { name: 'read', req: { method: 'GET', path: '/api/snapshots/$betaSnapshot.json' }, expect: (x) => (grants([x], 'read') ? 404 : 403) },
      { name: 'read as CSV', req: { method: 'GET', path: '/api/snapshots/$betaSnapshot.csv' }, expect: (x) => (grants([x], 'read') ? 404 : 403) },
    ],
  };

  const fill = (text: string) => text.replace(/\$(\w+)/g, (_, k: keyof typeof ids) => ids[k]);

  beforeAll(async () => {
    s = await startTestServer('postgres');
    const ok = async (q: string) => {
      const res = await s.gql(q);
      expect(res.errors, q).toBeUndefined();
      return res.data;
    };
    await ok(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha", members: 3 }, { slug: "beta", name: "Beta", members: 2 }]) { slug } }`);
    await ok(`mutation { recordDailyMetrics(input: [{ team: "alpha", date: "2026-05-02", source: "alpha-feed", alerts: 2 }, { team: "beta", date: "2026-05-02", source: "beta-feed", alerts: 7 }]) { received } }`);
    await ok(`mutation { recordPages(input: [{ source: "pd", externalId: "P-B1", team: "beta", triggeredAt: "2026-05-02T03:00:00Z", resolvedAt: "2026-05-02T05:00:00Z" }]) { received } }`);
    await ok(`mutation { recordDeploys(input: [{ source: "gh", externalId: "D-B1", team: "beta", deployedAt: "2026-05-02T10:00:00Z", status: FAILED }]) { received } }`);
    await ok(`mutation { setSourceMapping(input: { source: "github", key: "acme/beta", team: "beta" }) { key } }`);
    await ok(`mutation { setSourceMapping(input: { source: "github", key: "acme/alpha", team: "alpha" }) { key } }`);
    await ok(`mutation { upsertSprints(input: [{ team: "beta", name: "S1", startDate: "2026-05-04", endDate: "2026-05-17" }]) { name } }`);
    // A page from PagerDuty that no mapping routes yet: it belongs to no team.
    await s.db('page_events').insert({ source: 'pagerduty', external_id: 'P-UNROUTED', team_id: null, routing_key: 'PXYZ', service: 'Search', urgency: 'HIGH', triggered_at: new Date('2026-05-02T01:00:00Z') });
    ids.alphaSnapshot = (await ok(`mutation { createSnapshot(input: { label: "alpha", range: ${RANGE}, teams: ["alpha"] }) { id } }`)).createSnapshot.id;
    ids.betaSnapshot = (await ok(`mutation { createSnapshot(input: { label: "beta", range: ${RANGE}, teams: ["beta"] }) { id } }`)).createSnapshot.id;
    ids.betaToken = (await createToken(s.db, { name: 'beta reader', scopes: ['read'], teams: ['beta'] })).id;
    ids.orgToken = (await createToken(s.db, { name: 'org reader', scopes: ['read'] })).id;
    ids.alphaGroup = (await ok(`mutation { createGroup(name: "Alpha group") { id } }`)).createGroup.id;
    ids.betaGroup = (await ok(`mutation { createGroup(name: "Beta group") { id } }`)).createGroup.id;
    await ok(`mutation { a: setTeamGroup(team: "alpha", group: "${ids.alphaGroup}") { slug } b: setTeamGroup(team: "beta", group: "${ids.betaGroup}") { slug } }`);
    for (const scope of LIMITED) {
      // An admin token limited to teams can no longer be made; one stored before that rule is inserted as it was.
      const secret = newSecret();
      const [row] = await insertToken(s.db, { id: randomUUID(), name: `alpha ${scope}`, hash: hashSecret(secret), scopes: [scope], teams: ['alpha'], expiresAt: null });
      await s.db('tokens').where({ id: row.id }).update({ created_at: new Date(Date.now() + LIMITED.indexOf(scope) * 1000) });
      tokens[scope] = secret;
      limitedTokenIds.push(row.id);
    }
  });
  afterAll(() => s?.close());

  it('has team-limit cases for every root field of the schema and every HTTP route', () => {
    const schema = buildSchema();
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ].sort();
    expect(Object.keys(CASES).sort()).toEqual(fields);
    expect(Object.keys(HTTP_CASES).sort()).toEqual(Object.keys(HTTP_SCOPES).sort());
  });

  describe('leaves beta untouched', () => {
    let before: string;
    beforeAll(async () => {
      before = await state();
    });

    const gqlCases = Object.entries(CASES).flatMap(([field, cases]) => cases.flatMap((c) => LIMITED.map((scope) => [field, c.name, scope, c] as const)));
    it.each(gqlCases)('%s, %s, as an alpha-limited %s token', async (_field, _name, scope, c) => {
      const res = await s.gqlAs(tokens[scope], fill(c.op));
      const expected = c.expect(scope);
      if ('data' in expected) {
        expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
        expect(res.data).toEqual(expected.data);
      } else {
        expect(codes(res), JSON.stringify(res)).toEqual(expected.errors);
        expect(Object.values(res.data ?? {}).filter((v) => v !== null)).toEqual([]);
      }
    });

    const httpCases = Object.entries(HTTP_CASES).flatMap(([route, cases]) => cases.flatMap((c) => LIMITED.map((scope) => [route, c.name, scope, c] as const)));
    it.each(httpCases)('%s, %s, as an alpha-limited %s token', async (_route, _name, scope, c) => {
      const res = await fetch(`${s.url}${fill(c.req.path)}`, {
        method: c.req.method,
        headers: { authorization: `Bearer ${tokens[scope]}`, ...(c.req.body ? { 'content-type': 'text/csv' } : {}) },
        body: c.req.body,
      });
      const status = c.expect(scope);
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.error.code).toBe({ 400: 'BAD_USER_INPUT', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[status]);
      expect(JSON.stringify(body)).not.toContain('beta-feed');
    });

    it('after every case above, beta\'s rows, the tokens, snapshots and mappings are as they were', async () => {
      expect(await state()).toEqual(before);
    });
  });

  it('lets a limited token do its work on its own team: export, import, events and mappings', async () => {
    const csv = await fetch(`${s.url}/api/export.csv?from=2026-05-01&to=2026-05-14`, { headers: { authorization: `Bearer ${tokens.read}` } });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split(/\r\n/).slice(1);
    expect(lines.map((l) => l.split(',')[0])).toEqual(['alpha']);
    const imported = await fetch(`${s.url}/api/import?kind=pages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.ingest}`, 'content-type': 'text/csv' },
      body: 'source,externalId,team,triggeredAt\npd,P-A1,alpha,2026-05-02T03:00:00Z\n',
    });
    expect(await imported.json()).toMatchObject({ inserted: 1 });
    const again = await s.gqlAs(tokens.ingest, `mutation { recordPages(input: [{ source: "pd", externalId: "P-A1", team: "alpha", triggeredAt: "2026-05-02T03:00:00Z", resolvedAt: "2026-05-02T04:00:00Z" }]) { updated } }`);
    expect(again.data).toEqual({ recordPages: { updated: 1 } });
    const mapped = await s.gqlAs(tokens.plan, `mutation { setSourceMapping(input: { source: "github", key: "acme/alpha-2", team: "alpha" }) { key team { slug } } }`);
    expect(mapped.data).toEqual({ setSourceMapping: { key: 'acme/alpha-2', team: { slug: 'alpha' } } });
    const made = await s.gqlAs(tokens.admin, `mutation { createToken(input: { name: "alpha ci", scopes: [ingest], teams: ["alpha"] }) { teams } }`);
    expect(made.data).toEqual({ createToken: { teams: ['alpha'] } });
  });
});

describe('HEADROOM_TRUST_PROXY', () => {
  /** The Set-Cookie of a sign-in sent as a TLS-terminating load balancer forwards it. */
  async function signInBehindProxy(s: TestServer) {
    const { token } = await createToken(s.db, { name: 'browser', scopes: ['read'] });
    const res = await fetch(`${s.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ token }),
    });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!;
  }

  it('makes the session cookie Secure when the proxy in front says the client used https', async () => {
    const s = await startTestServer('pglite', { trustProxy: 1 });
    try {
      expect(await signInBehindProxy(s)).toMatch(/;\s*Secure/i);
    } finally {
      await s.close();
    }
  });

  it('ignores X-Forwarded-Proto from a client when no proxy is trusted (the default)', async () => {
    const s = await startTestServer('pglite');
    try {
      expect(await signInBehindProxy(s)).not.toMatch(/;\s*Secure/i);
    } finally {
      await s.close();
    }
  });
});

describe('HEADROOM_PUBLIC_READ', () => {
  it('opens reads, and only reads, to callers without a token', async () => {
    const s = await startTestServer('pglite', { publicRead: true });
    try {
      expect(codes(await s.gqlAs(null, `{ teams { slug } overview(range: ${RANGE}) { status } }`))).toEqual([]);
      expect(codes(await s.gqlAs(null, SAMPLES['Mutation.recordDailyMetrics']()))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await s.gqlAs(null, `{ tokens { id } }`))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await s.close();
    }
  });
});
