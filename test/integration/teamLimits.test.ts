import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Readable } from 'node:stream';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { SYSTEM, type Viewer } from '../../server/core/viewer';
import { recordPages } from '../../server/ingest/pages';
import { recordDeploys } from '../../server/ingest/deploys';
import { recordDailyMetrics } from '../../server/ingest/dailyMetrics';
import { importCsv } from '../../server/ingest/csvImport';
import { INGEST_KINDS } from '../../server/ingest/kinds';
import { setSourceMapping } from '../../server/routing/service';
import { upsertTeams } from '../../server/teams/service';
import { createToken, revokeToken, visibleTokens } from '../../server/auth/service';
import { ForbiddenError } from '../../server/core/errors';

/**
 * The services hold team limits on their own, whatever path calls them (GraphQL, CSV import, the
 * CLI): here they are called directly, without the GraphQL guard in front.
 */
const ALPHA: Viewer = { tokenId: '00000000-0000-4000-8000-000000000001', name: 'alpha ci', scopes: ['ingest', 'plan', 'admin'], teams: ['alpha'] };

describe.each(DB_KINDS)('team limits in the services on %s', (kind) => {
  let s: TestServer;
  const teamOf = async (table: string, externalId: string) =>
    (await s.db(`${table} as e`).join('teams as t', 't.id', 'e.team_id').select('t.slug').where('e.external_id', externalId).first())?.slug ?? null;
  const forbidden = async (p: Promise<unknown>) => {
    const e = await p.then(() => null, (x) => x);
    expect(e).toBeInstanceOf(ForbiddenError);
    return e as ForbiddenError;
  };

  beforeAll(async () => {
    s = await startTestServer(kind);
    await upsertTeams(s.db, [{ slug: 'alpha', name: 'Alpha' }, { slug: 'beta', name: 'Beta', timezone: 'Asia/Tokyo' }], SYSTEM);
    await recordPages(s.db, [{ source: 'pd', externalId: 'P-B1', team: 'beta', triggeredAt: '2026-05-02T03:00:00Z', resolvedAt: '2026-05-02T05:00:00Z' }], SYSTEM);
    await recordDeploys(s.db, [{ source: 'gh', externalId: 'D-B1', team: 'beta', deployedAt: '2026-05-02T10:00:00Z', status: 'FAILED' }], SYSTEM);
    await setSourceMapping(s.db, { source: 'github', key: 'acme/beta', team: 'beta' }, SYSTEM);
  });
  afterAll(() => s?.close());

  it('refuses records for another team, naming each, whether that team exists or not', async () => {
    const e = await forbidden(recordDailyMetrics(s.db, [
      { team: 'alpha', date: '2026-05-02' }, { team: 'beta', date: '2026-05-02' }, { team: 'nobody', date: '2026-05-02' },
    ], ALPHA));
    expect(e.records).toEqual([
      { index: 1, field: 'team', message: `is outside this token's teams; it cannot write team "beta"` },
      { index: 2, field: 'team', message: `is outside this token's teams; it cannot write team "nobody"` },
    ]);
    expect(e.message).toMatch(/^The token "alpha ci" is limited to alpha: 2 daily metrics records were refused; nothing was written/);
    expect(await s.db('daily_metrics').count('* as n').first()).toEqual({ n: 0 });
  });

  it('refuses to move or overwrite another team\'s event, and writes nothing of the batch', async () => {
    const e = await forbidden(recordPages(s.db, [
      { source: 'pd', externalId: 'P-A1', team: 'alpha', triggeredAt: '2026-05-02T03:00:00Z' },
      { source: 'pd', externalId: 'P-B1', team: 'alpha', triggeredAt: '2026-05-02T03:00:00Z' },
    ], ALPHA));
    expect(e.records).toEqual([{ index: 1, field: 'externalId', message: expect.stringContaining('stored for another team (or none)') }]);
    // The message does not say which team: a limited token learns nothing about others.
    expect(e.message).not.toContain('beta');
    expect(await teamOf('page_events', 'P-B1')).toBe('beta');
    expect(await s.db('page_events').where({ external_id: 'P-A1' }).first()).toBeUndefined();
    await forbidden(recordDeploys(s.db, [{ source: 'gh', externalId: 'D-B1', team: 'alpha', deployedAt: '2026-05-02T10:00:00Z', status: 'SUCCEEDED' }], ALPHA));
    expect(await s.db('deploy_events').where({ external_id: 'D-B1' }).first()).toMatchObject({ status: 'FAILED' });
  });

  it('refuses a CSV file with a line for another team or moving another team\'s event, naming the line', async () => {
    const file = (text: string) => Readable.from([text]);
    const daily = await forbidden(importCsv(s.db, INGEST_KINDS.daily, file('team,date,alerts\nalpha,2026-05-03,1\nbeta,2026-05-03,9\n'), ALPHA));
    expect(daily.records).toEqual([{ index: 3, field: 'team', message: expect.stringContaining('"beta"') }]);
    expect(daily.message).toContain('First: line 3 team');
    const move = await forbidden(importCsv(s.db, INGEST_KINDS.deploys, file('source,externalId,team,deployedAt,status\ngh,D-A1,alpha,2026-05-02T10:00:00Z,SUCCEEDED\ngh,D-B1,alpha,2026-05-02T10:00:00Z,SUCCEEDED\n'), ALPHA));
    expect(move.records).toEqual([{ index: 3, field: 'externalId', message: expect.any(String) }]);
    expect(await s.db('daily_metrics').count('* as n').first()).toEqual({ n: 0 });
    expect(await s.db('deploy_events').where({ external_id: 'D-A1' }).first()).toBeUndefined();
    expect(await teamOf('deploy_events', 'D-B1')).toBe('beta');
  });

  it('lets a limited token update its own events, and an unrestricted one move an event between teams', async () => {
    const page = (team: string, resolvedAt?: string) => [{ source: 'pd', externalId: 'P-A2', team, triggeredAt: '2026-05-01T20:00:00Z', resolvedAt }];
    const day = async () => (await s.db.raw(`SELECT local_date::text AS d FROM page_events WHERE external_id = 'P-A2'`)).rows[0].d;
    expect(await recordPages(s.db, page('alpha'), ALPHA)).toMatchObject({ inserted: 1 });
    expect(await recordPages(s.db, page('alpha', '2026-05-01T21:00:00Z'), ALPHA)).toMatchObject({ updated: 1 });
    expect(await day()).toBe('2026-05-01');
    // The move recomputes the page's day in the new team's zone: 20:00 UTC is the next morning in Tokyo.
    expect(await recordPages(s.db, page('beta', '2026-05-01T21:00:00Z'), SYSTEM)).toMatchObject({ updated: 1 });
    expect(await teamOf('page_events', 'P-A2')).toBe('beta');
    expect(await day()).toBe('2026-05-02');
    // Now beta's: the alpha token cannot take it back.
    await forbidden(recordPages(s.db, page('alpha'), ALPHA));
    expect(await teamOf('page_events', 'P-A2')).toBe('beta');
  });

  it('refuses re-pointing another team\'s source mapping, and mapping to another team', async () => {
    const e = await forbidden(setSourceMapping(s.db, { source: 'github', key: 'acme/beta', team: 'alpha' }, ALPHA));
    expect(e.message).toContain('mapped to a team outside this token\'s teams');
    await forbidden(setSourceMapping(s.db, { source: 'github', key: 'acme/new', team: 'beta' }, ALPHA));
    expect(await s.db('source_mappings').select('key').orderBy('key')).toEqual([{ key: 'acme/beta' }]);
    const own = await setSourceMapping(s.db, { source: 'github', key: 'acme/alpha', team: 'alpha' }, ALPHA);
    expect(own.team.slug).toBe('alpha');
    // Re-pointing a key of its own team to its own team is fine.
    await setSourceMapping(s.db, { source: 'github', key: 'acme/alpha', team: 'alpha' }, ALPHA);
  });

  it('keeps an admin token limited to teams within them: teams, tokens', async () => {
    await forbidden(upsertTeams(s.db, [{ slug: 'beta', name: 'Taken' }], ALPHA));
    await forbidden(upsertTeams(s.db, [{ slug: 'gamma', name: 'New' }], ALPHA));
    expect(await upsertTeams(s.db, [{ slug: 'alpha', name: 'Alpha team' }], ALPHA)).toMatchObject([{ slug: 'alpha', name: 'Alpha team' }]);
    expect(await s.db('teams').select('slug', 'name').orderBy('slug')).toEqual([{ slug: 'alpha', name: 'Alpha team' }, { slug: 'beta', name: 'Beta' }]);

    const beta = await createToken(s.db, { name: 'beta reader', scopes: ['read'], teams: ['beta'] });
    const both = await createToken(s.db, { name: 'both', scopes: ['read'], teams: ['alpha', 'beta'] });
    const mine = await createToken(s.db, { name: 'alpha reader', scopes: ['read'], teams: ['alpha'] }, ALPHA);
    expect((await visibleTokens(s.db, ALPHA)).map((t) => t.name)).toEqual(['alpha reader']);
    await expect(revokeToken(s.db, beta.id, ALPHA)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(revokeToken(s.db, both.id, ALPHA)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await revokeToken(s.db, mine.id, ALPHA)).toBe(true);
    await forbidden(createToken(s.db, { name: 'wider', scopes: ['read'], teams: ['alpha', 'beta'] }, ALPHA));
    const reader: Viewer = { ...ALPHA, scopes: ['read'] };
    await forbidden(createToken(s.db, { name: 'more scopes', scopes: ['ingest'], teams: ['alpha'] }, reader));
  });

  it('refuses an admin token limited to teams, for every caller: admin is org-wide', async () => {
    await expect(createToken(s.db, { name: 'team admin', scopes: ['read', 'admin'], teams: ['alpha'] })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', records: [{ index: 0, field: 'teams', message: expect.stringContaining('an admin token acts for the whole org') }] },
    });
  });
});
