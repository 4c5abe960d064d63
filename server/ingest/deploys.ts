import { z } from 'zod';
import type { Knex } from 'knex';
import { instant, slug, text } from '../core/fields';
import { ingestBatch, type IngestKind } from './kind';
import { validateTeamRecords } from '../teams/teamRecords';
import { storedEventTeams } from './storedEvents';
import type { Viewer } from '../core/viewer';
import { writeDeploys, type DeployRow } from '../signals/deployQueries';

const status = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(z.enum(['SUCCEEDED', 'FAILED', 'ROLLED_BACK'], { error: 'must be SUCCEEDED, FAILED or ROLLED_BACK' }));

const seconds = z
  .number({ error: 'must be a number' })
  .finite('must be finite')
  .min(0, 'must not be negative')
  .max(1e10, 'is too large');

/** A deploy's own fields, without its team: shared by GraphQL, CSV and the GitHub webhook. */
export const deployFields = z
  .object({
    source: text.nullish().transform((v) => v ?? 'api'),
    externalId: text,
    service: text.nullish().transform((v) => v ?? ''),
    environment: text.nullish().transform((v) => v ?? 'production'),
    deployedAt: instant,
    status,
    leadTimeSeconds: seconds.nullish().transform((v) => v ?? null),
  })
  .strict();

// Omitted source is "api", omitted service is the whole team (''), omitted environment is production.
export const deployInput = deployFields.safeExtend({ team: slug });
export type DeployInput = z.output<typeof deployInput>;

export function deployRow(d: z.output<typeof deployFields>, teamId: number | null, routingKey: string | null = null): DeployRow {
  return {
    source: d.source,
    external_id: d.externalId,
    team_id: teamId,
    routing_key: routingKey,
    service: d.service,
    environment: d.environment,
    deployed_at: d.deployedAt,
    status: d.status,
    lead_time_seconds: d.leadTimeSeconds,
  };
}

/** Deploy events: re-sending a (source, externalId) updates the deploy, e.g. when it is rolled back. */
export const deploysKind: IngestKind<DeployRow> = {
  noun: 'deploy',
  validate: (db, records) =>
    validateTeamRecords(db, deployInput, records, (d, teamId) => deployRow(d, teamId), (r) => deploysKind.keyOf(r), 'externalId'),
  keyOf: (r) => `${r.source}|${r.external_id}`,
  write: writeDeploys,
  storedTeams: (trx, rows) => storedEventTeams(trx, 'deploy_events', rows),
};

export const recordDeploys = (db: Knex, input: unknown[], viewer: Viewer) => ingestBatch(db, deploysKind, input, viewer, 'Mutation.recordDeploys');
