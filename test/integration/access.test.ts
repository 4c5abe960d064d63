import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { buildSchema } from '../../server/graphql/schema';
import { createToken } from '../../server/auth/service';
import { FIELD_SCOPES } from '../../server/auth/fieldScopes';
import { grants, type Scope } from '../../server/auth/tokens';
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
  'Query.guardrailDefaults': () => `{ guardrailDefaults { version } }`,
  'Query.guardrailDefaultsHistory': () => `{ guardrailDefaultsHistory { version } }`,
  'Query.loadModelDefaults': () => `{ loadModelDefaults { minutesPerAlert } }`,
  'Query.snapshots': () => `{ snapshots { edges { cursor } } }`,
  'Query.snapshot': () => `{ snapshot(id: "${randomUUID()}") { id } }`,
  'Query.snapshotDiff': () => `{ snapshotDiff(a: "${randomUUID()}") { teams { team } } }`,
  'Query.sourceMappings': () => `{ sourceMappings { key } }`,
  'Query.unrouted': () => `{ unrouted { key } }`,
  'Query.freshness': () => `{ freshness { source } }`,
  'Query.tokens': () => `{ tokens { id } }`,
  'Mutation.noop': () => `mutation { noop }`,
  'Mutation.upsertTeams': () => `mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha", members: 3 }]) { slug } }`,
  'Mutation.recordDailyMetrics': () => `mutation { recordDailyMetrics(input: [{ team: "alpha", date: "2026-05-02", alerts: 3 }]) { received } }`,
  'Mutation.recordPages': () => `mutation { recordPages(input: [{ source: "pd", externalId: "P-1", team: "alpha", triggeredAt: "2026-05-02T03:00:00Z", resolvedAt: "2026-05-02T04:00:00Z" }]) { received } }`,
  'Mutation.recordDeploys': () => `mutation { recordDeploys(input: [{ source: "gh", externalId: "D-1", team: "alpha", deployedAt: "2026-05-02T10:00:00Z", status: SUCCEEDED }]) { received } }`,
  'Mutation.upsertSprints': () => `mutation { upsertSprints(input: [{ team: "alpha", name: "S1", startDate: "2026-05-04", endDate: "2026-05-17" }]) { name } }`,
  'Mutation.setGuardrail': () => `mutation { setGuardrail(team: "alpha", input: { reserveFloor: 0.25 }, reason: "matrix test") { version } }`,
  'Mutation.setLoadModel': () => `mutation { setLoadModel(team: "alpha", input: { minutesPerAlert: 6 }) { minutesPerAlert } }`,
  'Mutation.createSnapshot': () => `mutation { createSnapshot(input: { label: "matrix", range: ${RANGE}, teams: ["alpha"] }) { id } }`,
  'Mutation.deleteSnapshot': () => `mutation { deleteSnapshot(id: "${randomUUID()}") }`,
  'Mutation.createToken': () => `mutation { createToken(input: { name: "made in matrix", scopes: [read] }) { id } }`,
  'Mutation.revokeToken': () => `mutation { revokeToken(id: "${randomUUID()}") }`,
  'Mutation.setSourceMapping': () => `mutation { setSourceMapping(input: { source: "github", key: "acme/alpha", team: "alpha" }) { key } }`,
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
    expect(codes(await s.gqlAs(readA, `{ team(slug: "beta") { slug } }`))).toEqual(['FORBIDDEN']);

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
