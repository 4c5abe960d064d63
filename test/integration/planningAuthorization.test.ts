import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { SYSTEM, type Viewer } from '../../server/core/viewer';
import { scopeFor } from '../../server/core/scope';
import { upsertTeams } from '../../server/teams/service';
import { setGuardrail, setLoadModel } from '../../server/planning/policies';
import { upsertSprints } from '../../server/planning/sprints';

/**
 * Planning's services hold scopes and team limits on their own: called directly with a scope made
 * in one line, without the GraphQL guard in front, they refuse what the guard refuses.
 */
const PLAN_ALPHA: Viewer = { tokenId: '00000000-0000-4000-8000-000000000002', name: 'alpha planner', scopes: ['plan'], teams: ['alpha'] };
const READER: Viewer = { tokenId: '00000000-0000-4000-8000-000000000003', name: 'reader', scopes: ['read'], teams: null };
const SPRINT = { name: 'S1', startDate: '2026-05-04', endDate: '2026-05-17', capacityHours: 100 };

describe.each(DB_KINDS)('planning services authorize on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await upsertTeams(s.db, [{ slug: 'alpha', name: 'Alpha' }, { slug: 'beta', name: 'Beta' }], SYSTEM);
  });
  afterAll(() => s?.close());

  it('refuses another team, the org default and a token without the plan scope, writing nothing', async () => {
    const alpha = scopeFor(s.db, PLAN_ALPHA);
    await expect(setGuardrail(alpha, 'beta', { reserveFloor: 0.3 }, 'not ours')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' }, message: 'The token "alpha planner" is limited to alpha; it cannot act on team "beta".',
    });
    await expect(setGuardrail(alpha, null, { reserveFloor: 0.3 }, 'org-wide')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(setLoadModel(alpha, 'beta', { minutesPerAlert: 9 })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(setLoadModel(alpha, null, { minutesPerAlert: 9 }, 'org-wide')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' }, message: 'The token "alpha planner" is limited to alpha; it cannot act on team "(org default)".',
    });
    await expect(upsertSprints(alpha, [{ team: 'alpha', ...SPRINT }, { team: 'beta', ...SPRINT }])).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(upsertSprints(scopeFor(s.db, READER), [{ team: 'alpha', ...SPRINT }])).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('needs the "plan" scope'),
    });
    expect(Number((await s.db('sprints').count({ n: '*' }).first())!.n)).toBe(0);
    expect(Number((await s.db('guardrail_policies').count({ n: '*' }).whereNotNull('team_id').first())!.n)).toBe(0);
    expect(Number((await s.db('load_models').count({ n: '*' }).first())!.n)).toBe(0);
    expect(Number((await s.db('load_model_changes').count({ n: '*' }).first())!.n)).toBe(0);
  });

  it('lets the token act on its own team and records it as the author', async () => {
    const alpha = scopeFor(s.db, PLAN_ALPHA);
    const version = await setGuardrail(alpha, 'alpha', { reserveFloor: 0.3 }, 'after the review');
    expect(version).toMatchObject({ reserveFloor: 0.3, author: 'alpha planner' });
    expect((await upsertSprints(alpha, [{ team: 'alpha', ...SPRINT }])).map((r) => r.name)).toEqual(['S1']);
  });
});
