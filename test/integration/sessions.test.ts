import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/service';
import { createSignInCode } from '../../server/auth/signInCodes';
import { migrationSource } from '../../migrations/index';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

describe.each(DB_KINDS)('dashboard sessions on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => {
    await s?.close();
  });

  const post = (body: unknown) =>
    fetch(`${s.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  /** `{ viewer { name } }` with only a cookie header: the status and the viewer's name, if any. */
  async function viewerWith(cookie: string): Promise<{ status: number; name?: string }> {
    const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: '{ viewer { name } }' }) });
    const body = await res.json();
    return { status: res.status, name: body.data?.viewer?.name };
  }
  /** Signs in with a token; returns the `headroom_session=…` pair of its Set-Cookie. */
  async function signIn(token: string): Promise<string> {
    const res = await post({ token });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0];
  }

  it('keeps a random session id in the cookie, never the token, stored only hashed, for 12 hours', async () => {
    const { token } = await createToken(s.db, { name: 'cookie holder', scopes: ['read'] });
    const res = await post({ token });
    expect(await res.json()).toEqual({ name: 'cookie holder', scopes: ['read'], teams: null });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/Max-Age=43200/);
    const value = decodeURIComponent(setCookie.split(';')[0].split('=')[1]);
    expect(value).not.toContain(token);
    expect(value.length).toBeGreaterThanOrEqual(40);
    const stored = await s.db('sessions').select('hash');
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain(value);
    // A token presented as the cookie (the old scheme) is not a session.
    expect((await viewerWith(`headroom_session=${token}`)).status).toBe(401);
    expect(await viewerWith(setCookie.split(';')[0])).toEqual({ status: 200, name: 'cookie holder' });
  });

  it('signing out ends the session on the server: the same cookie no longer works', async () => {
    const { token } = await createToken(s.db, { name: 'signs out', scopes: ['read'] });
    const session = await signIn(token);
    const other = await signIn(token);
    const out = await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: { cookie: session } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/headroom_session=;/);
    expect((await viewerWith(session)).status).toBe(401);
    const csv = await fetch(`${s.url}/api/export.csv?from=2026-05-01&to=2026-05-14`, { headers: { cookie: session } });
    expect(csv.status).toBe(401);
    // Only that browser's session ends; the token and its other sessions live on.
    expect(await viewerWith(other)).toEqual({ status: 200, name: 'signs out' });
  });

  it('ends the session a browser had when it signs in again', async () => {
    const { token } = await createToken(s.db, { name: 'signs in twice', scopes: ['read'] });
    const first = await signIn(token);
    const res = await fetch(`${s.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: first }, body: JSON.stringify({ token }) });
    expect(res.status).toBe(200);
    expect((await viewerWith(first)).status).toBe(401);
    expect((await viewerWith(res.headers.get('set-cookie')!.split(';')[0])).status).toBe(200);
  });

  it('ends every session of a token that is revoked or expires', async () => {
    const revoked = await createToken(s.db, { name: 'to revoke', scopes: ['read'] });
    const a = await signIn(revoked.token);
    expect((await s.gql(`mutation($id: ID!) { revokeToken(id: $id) }`, { id: revoked.id })).data.revokeToken).toBe(true);
    expect((await viewerWith(a)).status).toBe(401);

    const expiring = await createToken(s.db, { name: 'to expire', scopes: ['read'], expiresAt: new Date(Date.now() + 60_000) });
    const b = await signIn(expiring.token);
    expect((await viewerWith(b)).status).toBe(200);
    await s.db('tokens').where({ id: expiring.id }).update({ expires_at: new Date(Date.now() - 1000) });
    expect((await viewerWith(b)).status).toBe(401);
  });

  it('refuses a session past its expiry', async () => {
    const { token, id } = await createToken(s.db, { name: 'long day', scopes: ['read'] });
    const session = await signIn(token);
    expect((await viewerWith(session)).status).toBe(200);
    await s.db('sessions').where({ token_id: id }).update({ expires_at: new Date(Date.now() - 1000) });
    expect((await viewerWith(session)).status).toBe(401);
  });

  it('answers 401, not 5xx, to an unknown session and to a JSON (`j:`) cookie', async () => {
    for (const cookie of ['headroom_session=nope', 'headroom_session=j:{"a":1}', `headroom_session=${encodeURIComponent('j:{"a":1}')}`, 'headroom_session=j:[1,2]', 'headroom_session=j:"x"']) {
      expect((await viewerWith(cookie)).status, cookie).toBe(401);
      const csv = await fetch(`${s.url}/api/export.csv?from=2026-05-01&to=2026-05-14`, { headers: { cookie } });
      expect(csv.status, cookie).toBe(401);
      expect((await csv.json()).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('exchanges a one-time sign-in code once, for a session; used, expired and unknown codes get 401', async () => {
    const { id } = await createToken(s.db, { name: 'linked admin', scopes: ['admin'] });
    const code = await createSignInCode(s.db, id);
    expect(JSON.stringify(await s.db('sign_in_codes').select('*'))).not.toContain(code);
    const res = await post({ code });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'linked admin', scopes: ['admin'], teams: null });
    const session = res.headers.get('set-cookie')!.split(';')[0];
    expect(await viewerWith(session)).toEqual({ status: 200, name: 'linked admin' });

    const again = await post({ code });
    expect(again.status).toBe(401);
    expect((await again.json()).error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('sign-in link') });

    const stale = await createSignInCode(s.db, id);
    await s.db('sign_in_codes').update({ expires_at: new Date(Date.now() - 1000) });
    expect((await post({ code: stale })).status).toBe(401);
    expect((await post({ code: 'not-a-code' })).status).toBe(401);
  });

  it('refuses a sign-in code once its token is revoked', async () => {
    const { id } = await createToken(s.db, { name: 'gone', scopes: ['admin'] });
    const code = await createSignInCode(s.db, id);
    await s.gql(`mutation($id: ID!) { revokeToken(id: $id) }`, { id });
    expect((await post({ code })).status).toBe(401);
  });

  it('names what is missing from a sign-in request', async () => {
    for (const body of [{}, { token: 42 }, { code: ['x'] }, { token: '' }]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error).toEqual({ code: 'BAD_USER_INPUT', message: 'Send { "token": "hr_…" } or { "code": "…" } from a sign-in link.', requestId: expect.any(String) });
    }
  });
});

describe('the sessions migration', () => {
  it('is reversible', async () => {
    const s = await startTestServer('pglite');
    try {
      await s.db.migrate.down({ migrationSource, name: '20261201120000_sessions' } as never);
      expect(await s.db.schema.hasTable('sessions')).toBe(false);
      expect(await s.db.schema.hasTable('sign_in_codes')).toBe(false);
      await s.db.migrate.up({ migrationSource, name: '20261201120000_sessions' } as never);
      expect(await s.db.schema.hasTable('sessions')).toBe(true);
    } finally {
      await s.close();
    }
  });
});
