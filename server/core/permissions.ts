import { ORG_DEFAULT, requireScope, requireTeams, type Scope, type Viewer } from './viewer';

/**
 * The one place that says which scope each operation needs: every GraphQL root field and every
 * HTTP endpoint beside GraphQL. The GraphQL guard (server/auth/guard.ts) and the HTTP middleware
 * read it at the edge, and every service reads it again through `authorize`, so a call that does
 * not come through GraphQL or HTTP (CLI, scripts, tests) is held to the same rule and the two can
 * never disagree. A root field missing here makes the schema refuse to build.
 * 'public' fields answer without a token.
 */
const GRAPHQL_SCOPES = {
  'Query.ok': 'public',
  'Query.viewer': 'public',
  'Query.teams': 'read',
  'Query.team': 'read',
  'Query.overview': 'read',
  'Query.overviewGroups': 'read',
  'Query.orgTotal': 'read',
  'Query.groups': 'read',
  'Query.guardrailDefaults': 'read',
  'Query.guardrailDefaultsHistory': 'read',
  'Query.loadModelDefaults': 'read',
  'Query.loadModelDefaultsHistory': 'read',
  'Query.snapshots': 'read',
  'Query.snapshot': 'read',
  'Query.snapshotDiff': 'read',
  'Query.sourceMappings': 'read',
  'Query.unrouted': 'read',
  'Query.freshness': 'read',
  // Every reader may know why per-person figures are missing; changing it decides what all of them see.
  'Query.orgPrivacy': 'read',
  // Org-wide only (the service refuses a token limited to teams): backfills span every team.
  'Query.backfills': 'ingest',
  'Query.tokens': 'admin',
  // Those who connect sources; org-wide only, which the service checks (routing/webhookSources.ts).
  'Query.webhookSources': 'ingest',
  // Notifications (server/notifications): org-wide only, which the service checks.
  'Query.notificationChannels': 'plan',
  'Query.notificationDeliveries': 'plan',
  'Mutation.noop': 'public',
  'Mutation.upsertTeams': 'admin',
  'Mutation.archiveTeam': 'admin',
  // Groups are managed with teams (admin): who sits where decides what group tokens see.
  'Mutation.createGroup': 'admin',
  'Mutation.renameGroup': 'admin',
  'Mutation.moveGroup': 'admin',
  'Mutation.deleteGroup': 'admin',
  'Mutation.setTeamGroup': 'admin',
  'Mutation.recordDailyMetrics': 'ingest',
  'Mutation.recordPages': 'ingest',
  'Mutation.recordDeploys': 'ingest',
  'Mutation.upsertSprints': 'plan',
  'Mutation.deleteSprint': 'plan',
  'Mutation.setGuardrail': 'plan',
  'Mutation.setLoadModel': 'plan',
  'Mutation.createSnapshot': 'plan',
  'Mutation.deleteSnapshot': 'admin',
  'Mutation.createToken': 'admin',
  'Mutation.revokeToken': 'admin',
  'Mutation.setSourceMapping': 'plan',
  'Mutation.setOrgPrivacy': 'admin',
  'Mutation.createNotificationChannel': 'plan',
  'Mutation.updateNotificationChannel': 'plan',
  'Mutation.deleteNotificationChannel': 'plan',
  'Mutation.subscribeNotifications': 'plan',
  'Mutation.unsubscribeNotifications': 'plan',
  'Mutation.sendTestNotification': 'plan',
} as const satisfies Record<string, Scope | 'public'>;

/** The GraphQL root fields' scopes, looked up by `Type.field`. */
export const FIELD_SCOPES: Readonly<Record<string, Scope | 'public'>> = GRAPHQL_SCOPES;

/** HTTP endpoints beside GraphQL, declared here too (webhooks authenticate by signature instead). */
export const HTTP_SCOPES = {
  'POST /api/import': 'ingest',
  'GET /api/export.csv': 'read',
  'GET /api/snapshots/:file': 'read',
} as const satisfies Record<string, Scope>;

/** What a service does, named by the root field or endpoint that exposes it. */
export type Operation = keyof typeof GRAPHQL_SCOPES | keyof typeof HTTP_SCOPES;

/** The scope an operation needs. */
export function scopeOf(operation: Operation): Scope | 'public' {
  return (GRAPHQL_SCOPES as Record<string, Scope | 'public'>)[operation] ?? (HTTP_SCOPES as Record<string, Scope>)[operation];
}

/**
 * The one authorization of a call, for services to start with: the scope its operation needs
 * (UNAUTHENTICATED without a token, FORBIDDEN without the scope), and the teams it acts on (a
 * write that leaves its team out acts on the org default, only for tokens not limited to teams).
 * GraphQL's guard applies the same rules before a resolver runs; calls from anywhere else (CLI,
 * scripts, tests) get them here.
 */
export function authorize(viewer: Viewer, operation: Operation, teams: Iterable<string | null | undefined> = []): void {
  const scope = scopeOf(operation);
  if (scope !== 'public') requireScope(viewer, scope);
  requireTeams(viewer, [...teams].map((t) => t ?? ORG_DEFAULT));
}
