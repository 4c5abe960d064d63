import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createToken } from '../../server/auth/service';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

/** Authentication of a known token without a database round trip (server/auth/tokenCache.ts, issue 19). */
describe.each(DB_KINDS)('known tokens authenticate from memory, on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(() => s?.close());

  /** The SQL statements that read or write the tokens table while `fn` runs. */
  async function tokenQueries(fn: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const listen = (q: { sql: string }) => {
      if (/\btokens\b/.test(q.sql)) seen.push(q.sql);
    };
    s.db.on('query', listen);
    try {
      await fn();
    } finally {
      s.db.removeListener('query', listen);
    }
    return seen;
  }

  async function lastUsed(id: string): Promise<Date | null> {
    return (await s.db('tokens').where({ id }).first()).last_used_at;
  }

  it('looks a token up once, records its use, then answers without reading the tokens table', async () => {
    const { id, token } = await createToken(s.db, { name: 'reader', scopes: ['read'] });
    expect(await lastUsed(id)).toBeNull();
    const first = await tokenQueries(() => s.gqlAs(token, '{ viewer { name } }'));
    expect(first.some((q) => /^select/i.test(q))).toBe(true);
    // The touch is sent without waiting for it: give it a moment.
    for (let i = 0; i < 50 && !(await lastUsed(id)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await lastUsed(id)).not.toBeNull();

    const again = await tokenQueries(async () => {
      for (let i = 0; i < 3; i++) expect((await s.gqlAs(token, '{ viewer { name } }')).data.viewer.name).toBe('reader');
    });
    expect(again).toEqual([]);
  });

  it('records a token’s use without changing the data version of any team or the org', async () => {
    const { token } = await createToken(s.db, { name: 'toucher', scopes: ['read'] });
    await s.gql('mutation { upsertTeams(input: [{ slug: "web", name: "Web", members: 3 }]) { slug } }');
    const versions = async () => Object.fromEntries((await s.db('data_versions').select('scope', 'version')).map((r: any) => [r.scope, String(r.version)]));
    const before = await versions();
    await s.gqlAs(token, '{ viewer { name } }');
    await new Promise((r) => setTimeout(r, 200));
    const after = await versions();
    for (const scope of Object.keys(before)) if (Number(scope) >= 0) expect(after[scope], `scope ${scope}`).toBe(before[scope]);
  });

  it('refuses a token at once once it is revoked, though it was known', async () => {
    const { id, token } = await createToken(s.db, { name: 'soon revoked', scopes: ['read'] });
    expect((await s.gqlAs(token, '{ viewer { name } }')).data.viewer.name).toBe('soon revoked');
    expect((await s.gqlAs(token, '{ viewer { name } }')).data.viewer.name).toBe('soon revoked');
    expect((await s.gql('mutation($id: ID!) { revokeToken(id: $id) }', { id })).data.revokeToken).toBe(true);
    const refused = await s.gqlAs(token, '{ viewer { name } }');
    expect(refused.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
