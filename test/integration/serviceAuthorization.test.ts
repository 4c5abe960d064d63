import { Readable } from 'node:stream';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { pino } from 'pino';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { ANONYMOUS, SCOPES, SYSTEM, grants, type Viewer } from '../../server/core/viewer';
import { FIELD_SCOPES, HTTP_SCOPES, scopeOf, type Operation } from '../../server/core/permissions';
import { createContext, type Context } from '../../server/figures/context';
import { archiveTeam, upsertTeams } from '../../server/teams/service';
import { visibleTeam, visibleTeams } from '../../server/teams/visible';
import { recordDailyMetrics } from '../../server/ingest/dailyMetrics';
import { recordPages } from '../../server/ingest/pages';
import { recordDeploys } from '../../server/ingest/deploys';
import { importCsv } from '../../server/ingest/csvImport';
import { csvKindOf } from '../../server/ingest/kinds';
import { setSourceMapping, visibleMappings, visibleUnrouted } from '../../server/routing/service';
import { webhookSources } from '../../server/routing/webhookSources';
import { guardrailDefaults, guardrailDefaultsHistory, loadModelDefaults, loadModelDefaultsHistory, setGuardrail, setLoadModel } from '../../server/planning/policies';
import { overview } from '../../server/figures/kpis';
import { deleteSprint, upsertSprints } from '../../server/planning/sprints';
import { createSnapshot, deleteSnapshot, exportDocuments, listSnapshots, requireSnapshot, snapshotDiff } from '../../server/snapshots/service';
import { freshness } from '../../server/figures/freshness';
import { createToken, revokeToken, visibleTokens } from '../../server/auth/service';
import { latestBackfills } from '../../server/backfillRuns/service';
import { createGroup, deleteGroup, moveGroup, renameGroup, setTeamGroup, visibleGroups } from '../../server/groups/service';
import { groupByName } from '../../server/groups/queries';
import { orgTotal, overviewGroups } from '../../server/figures/groupOverview';
import { privacySetting, setOrgPrivacy } from '../../server/privacy/service';
import {
  createChannel, deleteChannel, notificationChannels, notificationDeliveries, sendTestNotification, subscribe, unsubscribe, updateChannel,
} from '../../server/notifications/service';

// Nothing listens on the discard port: a test notification to it fails at once, without a network.
const NOWHERE = 'http://127.0.0.1:9/hook';

/**
 * Services hold the scope table on their own: called directly with a scope made in one line,
 * without the GraphQL guard or the HTTP middleware in front, each refuses every viewer whose
 * scopes lack what its operation needs (server/core/permissions.ts), and writes nothing.
 */

const RANGE = { from: '2026-03-02', to: '2026-03-15' };
const PAGE = { source: 'api', externalId: 'p-1', team: 'alpha', triggeredAt: '2026-03-03T10:00:00Z', resolvedAt: '2026-03-03T11:00:00Z' };
const DEPLOY = { source: 'api', externalId: 'd-1', team: 'alpha', deployedAt: '2026-03-03T10:00:00Z', status: 'SUCCEEDED' };

interface Fixture {
  snapshotId: string;
  tokenId: string;
  groupId: number;
  channelId: string;
  subscriptionId: string;
}

/** One call per operation of the table that a service carries out, made as `ctx`'s viewer. */
const CALLS: Partial<Record<Operation, (ctx: Context, f: Fixture) => Promise<unknown>>> = {
  'Query.teams': (ctx) => visibleTeams(ctx),
  'Query.team': (ctx) => visibleTeam(ctx, 'alpha'),
  'Query.snapshots': (ctx) => listSnapshots(ctx, 20),
  'Query.snapshot': (ctx, f) => requireSnapshot(ctx, f.snapshotId),
  'Query.snapshotDiff': (ctx, f) => snapshotDiff(ctx, f.snapshotId),
  'Query.sourceMappings': (ctx) => visibleMappings(ctx),
  'Query.unrouted': (ctx) => visibleUnrouted(ctx),
  'Query.freshness': (ctx) => freshness(ctx),
  'Query.backfills': (ctx) => latestBackfills(ctx),
  'Query.overview': (ctx) => overview(ctx, RANGE),
  'Query.overviewGroups': (ctx) => overviewGroups(ctx, RANGE),
  'Query.orgTotal': (ctx) => orgTotal(ctx, RANGE),
  'Query.groups': (ctx) => visibleGroups(ctx),
  'Query.guardrailDefaults': (ctx) => guardrailDefaults(ctx),
  'Query.guardrailDefaultsHistory': (ctx) => guardrailDefaultsHistory(ctx),
  'Query.loadModelDefaults': (ctx) => loadModelDefaults(ctx),
  'Query.loadModelDefaultsHistory': (ctx) => loadModelDefaultsHistory(ctx),
  'Query.tokens': (ctx) => visibleTokens(ctx.db, ctx.viewer),
  'Query.webhookSources': (ctx) => webhookSources(ctx, new Set()),
  'Mutation.upsertTeams': (ctx) => upsertTeams(ctx.db, [{ slug: 'gamma', name: 'Gamma' }], ctx.viewer),
  // After upsertTeams in the table's order: gamma exists by then.
  'Mutation.archiveTeam': (ctx) => archiveTeam(ctx.db, 'gamma', ctx.viewer),
  'Mutation.createGroup': (ctx) => createGroup(ctx, { name: 'Platform' }),
  'Mutation.renameGroup': (ctx, f) => renameGroup(ctx, f.groupId, 'Fixture group renamed'),
  'Mutation.moveGroup': (ctx, f) => moveGroup(ctx, f.groupId, null),
  // After createGroup in the table's order: Platform exists by then (and is empty).
  'Mutation.deleteGroup': async (ctx) => deleteGroup(ctx, (await groupByName(ctx.db, 'Platform'))?.id ?? 0),
  'Mutation.setTeamGroup': (ctx, f) => setTeamGroup(ctx, 'alpha', f.groupId),
  'Mutation.recordDailyMetrics': (ctx) => recordDailyMetrics(ctx.db, [{ team: 'alpha', date: '2026-03-04', pages: 1 }], ctx.viewer),
  'Mutation.recordPages': (ctx) => recordPages(ctx.db, [PAGE], ctx.viewer),
  'Mutation.recordDeploys': (ctx) => recordDeploys(ctx.db, [DEPLOY], ctx.viewer),
  'Mutation.upsertSprints': (ctx) => upsertSprints(ctx, [{ team: 'alpha', name: 'S1', startDate: '2026-03-02', endDate: '2026-03-15', capacityHours: 100 }]),
  // After upsertSprints in the table's order: S1 exists by then.
  'Mutation.deleteSprint': (ctx) => deleteSprint(ctx, 'alpha', 'S1'),
  'Mutation.setGuardrail': (ctx) => setGuardrail(ctx, 'alpha', { reserveFloor: 0.3 }, 'after the review'),
  'Mutation.setLoadModel': (ctx) => setLoadModel(ctx, 'alpha', { minutesPerAlert: 9 }, 'after the review'),
  'Mutation.createSnapshot': (ctx) => createSnapshot(ctx, { label: 'review', range: RANGE }),
  'Mutation.deleteSnapshot': (ctx, f) => deleteSnapshot(ctx, f.snapshotId),
  'Mutation.createToken': (ctx) => createToken(ctx.db, { name: 'new', scopes: ['read'] }, ctx.viewer),
  'Mutation.revokeToken': (ctx, f) => revokeToken(ctx.db, f.tokenId, ctx.viewer),
  'Mutation.setSourceMapping': (ctx) => setSourceMapping(ctx.db, { source: 'pagerduty', key: 'PSERVICE', team: 'alpha' }, ctx.viewer),
  'POST /api/import': (ctx) => importCsv(ctx.db, csvKindOf('daily')!, Readable.from(['team,date,pages\nalpha,2026-03-05,2\n']), ctx.viewer),
  'GET /api/export.csv': async (ctx) => {
    for await (const batch of await exportDocuments(() => ctx, null, RANGE)) void batch;
  },
  'GET /api/snapshots/:file': (ctx, f) => requireSnapshot(ctx, f.snapshotId, 'GET /api/snapshots/:file'),
  'Query.orgPrivacy': (ctx) => privacySetting(ctx),
  'Mutation.setOrgPrivacy': (ctx) => setOrgPrivacy(ctx, { hidePeople: false }),
  'Query.notificationChannels': (ctx) => notificationChannels(ctx),
  'Query.notificationDeliveries': (ctx) => notificationDeliveries(ctx),
  'Mutation.createNotificationChannel': (ctx) => createChannel(ctx, { name: '#ops', kind: 'WEBHOOK', url: NOWHERE }),
  'Mutation.updateNotificationChannel': (ctx, f) => updateChannel(ctx, f.channelId, { name: 'Fixture channel renamed' }),
  'Mutation.subscribeNotifications': (ctx, f) => subscribe(ctx, { channel: f.channelId, team: 'alpha', events: ['TEAM_STATUS'] }),
  'Mutation.unsubscribeNotifications': (ctx, f) => unsubscribe(ctx, f.subscriptionId),
  'Mutation.sendTestNotification': (ctx, f) => sendTestNotification(ctx, f.channelId),
  'Mutation.deleteNotificationChannel': (ctx, f) => deleteChannel(ctx, f.channelId),
};

/**
 * Root fields answered by resolvers over plain queries, with no service of their own: the GraphQL
 * guard is their only gate (test/integration/access.test.ts covers them). A new operation must be
 * added to CALLS or here, with its reason.
 */
const GRAPHQL_ONLY: Operation[] = [];

const OPERATIONS = [...Object.keys(FIELD_SCOPES), ...Object.keys(HTTP_SCOPES)] as Operation[];
const GUARDED = OPERATIONS.filter((op) => scopeOf(op) !== 'public' && !GRAPHQL_ONLY.includes(op));

/** A token holding one scope (not limited to teams), and no token at all. */
const VIEWERS: Viewer[] = [
  ...SCOPES.map((scope, i): Viewer => ({ tokenId: `00000000-0000-4000-8000-00000000001${i}`, name: `${scope} only`, scopes: [scope], teams: null })),
  ANONYMOUS,
];

/** Every (operation, viewer) pair whose viewer lacks the operation's scope, from the table. */
const REFUSALS = GUARDED.flatMap((op) =>
  VIEWERS.filter((v) => !grants(v.scopes, scopeOf(op) as (typeof SCOPES)[number])).map((viewer) => ({
    op,
    viewer,
    code: viewer.tokenId === null ? 'UNAUTHENTICATED' : 'FORBIDDEN',
  })),
);

const TABLES = ['teams', 'daily_metrics', 'page_events', 'deploy_events', 'sprints', 'guardrail_policies', 'load_models', 'load_model_changes', 'source_mappings', 'snapshots', 'tokens', 'groups', 'notification_channels', 'notification_subscriptions', 'notification_outbox'];

describe('the service authorization table', () => {
  it('has a service call, or a stated reason for none, for every operation that needs a scope', () => {
    expect([...Object.keys(CALLS), ...GRAPHQL_ONLY].sort()).toEqual(OPERATIONS.filter((op) => scopeOf(op) !== 'public').sort());
  });
});

describe.each(DB_KINDS)('services authorize on %s', (kind) => {
  let s: TestServer;
  const f: Fixture = { snapshotId: '', tokenId: '', groupId: 0, channelId: '', subscriptionId: '' };
  const ctxOf = (viewer: Viewer) => createContext(s.db, pino({ level: 'silent' }), viewer);

  /** Row counts of every table a service writes, and how many snapshots and tokens are deleted or revoked. */
  async function counts() {
    const n = async (q: PromiseLike<{ n?: unknown } | undefined>) => Number((await q)?.n);
    return {
      ...Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await n(s.db(t).count({ n: '*' }).first())]))),
      archivedTeams: await n(s.db('teams').count({ n: '*' }).whereNotNull('archived_at').first()),
      deletedSnapshots: await n(s.db('snapshots').count({ n: '*' }).whereNotNull('deleted_at').first()),
      revokedTokens: await n(s.db('tokens').count({ n: '*' }).whereNotNull('revoked_at').first()),
    };
  }

  beforeAll(async () => {
    s = await startTestServer(kind);
    const system = ctxOf(SYSTEM);
    await upsertTeams(s.db, [{ slug: 'alpha', name: 'Alpha', members: 4 }], SYSTEM);
    f.snapshotId = (await createSnapshot(system, { label: 'before', range: RANGE })).id;
    f.tokenId = (await createToken(s.db, { name: 'to revoke', scopes: ['read'] })).id;
    f.groupId = (await createGroup(system, { name: 'Fixture group' })).id;
    f.channelId = (await createChannel(system, { name: 'Fixture channel', kind: 'SLACK', url: NOWHERE })).channel.id;
    // The whole org's digest: another target than the subscribe call's, so that call cannot replace it.
    f.subscriptionId = (await subscribe(system, { channel: f.channelId, events: ['WEEKLY_DIGEST'] })).id;
  });
  afterAll(() => s?.close());

  it.each(REFUSALS.map((r) => [r.op, r.viewer.name, r.code, r] as const))('%s refuses %s (%s) and writes nothing', async (op, _name, code, r) => {
    const before = await counts();
    await expect(CALLS[op]!(ctxOf(r.viewer), f)).rejects.toMatchObject({ extensions: { code } });
    expect(await counts()).toEqual(before);
  });

  it('holds a token limited to teams to them in the snapshot service too, as the guard does', async () => {
    const planner: Viewer = { tokenId: '00000000-0000-4000-8000-000000000020', name: 'alpha planner', scopes: ['plan'], teams: ['alpha'] };
    const before = await counts();
    await expect(createSnapshot(ctxOf(planner), { label: 'not ours', range: RANGE, teams: ['beta'] })).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' }, message: 'The token "alpha planner" is limited to alpha; it cannot act on team "beta".',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses the org-wide backfills to a token limited to teams, whatever its scope', async () => {
    const ingestA: Viewer = { tokenId: '00000000-0000-4000-8000-000000000021', name: 'alpha feeder', scopes: ['ingest'], teams: ['alpha'] };
    await expect(latestBackfills(ctxOf(ingestA))).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' }, message: 'Backfills bring in every team\'s history: the token "alpha feeder" is limited to alpha, so it cannot see them.',
    });
  });

  it('lets a viewer holding the scope through (the refusals above are the scope check, not the input)', async () => {
    // Deleting and revoking last: the calls before them use the snapshot and the token.
    const last: Operation[] = ['Mutation.deleteSnapshot', 'Mutation.revokeToken', 'Mutation.deleteNotificationChannel'];
    for (const op of [...GUARDED.filter((o) => !last.includes(o)), ...last]) {
      const holder = VIEWERS.find((v) => v.scopes[0] === scopeOf(op))!;
      await expect(Promise.resolve(CALLS[op]!(ctxOf(holder), f)).then(() => 'ok'), op).resolves.toBe('ok');
    }
  });
});
