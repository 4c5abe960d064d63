import type { Scope } from '../core/viewer';

/**
 * The one place that says which scope each GraphQL root field needs. A root field missing here
 * makes the schema refuse to build, so a new field cannot ship without a declared scope.
 * 'public' fields answer without a token.
 */
export const FIELD_SCOPES: Record<string, Scope | 'public'> = {
  'Query.ok': 'public',
  'Query.viewer': 'public',
  'Query.teams': 'read',
  'Query.team': 'read',
  'Query.overview': 'read',
  'Query.guardrailDefaults': 'read',
  'Query.guardrailDefaultsHistory': 'read',
  'Query.loadModelDefaults': 'read',
  'Query.snapshots': 'read',
  'Query.snapshot': 'read',
  'Query.snapshotDiff': 'read',
  'Query.sourceMappings': 'read',
  'Query.unrouted': 'read',
  'Query.freshness': 'read',
  'Query.tokens': 'admin',
  'Mutation.noop': 'public',
  'Mutation.upsertTeams': 'admin',
  'Mutation.recordDailyMetrics': 'ingest',
  'Mutation.recordPages': 'ingest',
  'Mutation.recordDeploys': 'ingest',
  'Mutation.upsertSprints': 'plan',
  'Mutation.setGuardrail': 'plan',
  'Mutation.setLoadModel': 'plan',
  'Mutation.createSnapshot': 'plan',
  'Mutation.deleteSnapshot': 'admin',
  'Mutation.createToken': 'admin',
  'Mutation.revokeToken': 'admin',
  'Mutation.setSourceMapping': 'plan',
};

/** HTTP endpoints beside GraphQL, declared here too (webhooks authenticate by signature instead). */
export const HTTP_SCOPES = {
  'POST /api/import': 'ingest',
  'GET /api/export.csv': 'read',
  'GET /api/snapshots/:file': 'read',
} as const satisfies Record<string, Scope>;
