import { z } from 'zod';
import type { Knex } from 'knex';
import { deployFields, deployRow } from '../ingest/deploys';
import { writeDeploys, type DeployStatus } from '../signals/deployQueries';
import { routeTeam } from '../routing/service';
import { text } from '../core/fields';
import { asLabel, checkSignal, label, parsePayload, resultOf, type WebhookOutcome } from './payload';

export const GITHUB_SOURCE = 'github';

/** Final deployment states; pending, queued, in_progress and inactive do not describe a deploy's outcome. */
export const DEPLOY_OUTCOMES: Record<string, DeployStatus> = { success: 'SUCCEEDED', failure: 'FAILED', error: 'FAILED' };
// Every state GitHub documents for a deployment status.
const STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'] as const;

// The fields of a deployment_status event we read.
const deploymentStatusEvent = z.object({
  deployment_status: z.object({
    state: z.enum(STATES),
    created_at: z.string(),
    updated_at: z.string().nullish(),
    environment: label.nullish(),
  }),
  deployment: z.object({
    id: z.union([z.number().int().nonnegative(), text]),
    environment: label.nullish(),
  }),
  // The full name routes the deploy (source mappings): the same text rules as any key.
  repository: z.object({ name: label, full_name: text }),
});
type DeploymentStatusEvent = z.output<typeof deploymentStatusEvent>;

/** A GitHub deployment in a final state, as the webhook and the REST backfill both read it. */
export interface GitHubDeploy {
  /** The deployment id: the deploy's externalId on every path, so a replay or a backfill updates it. */
  deploymentId: number | string;
  /** The repository's full name, owner/repo: the routing key of its source mapping. */
  repositoryFullName: string;
  repositoryName: string;
  /** The deployment's environment (else its status's); none is production. */
  environment: string | null | undefined;
  /** The final status's updated_at (else created_at). */
  deployedAt: string;
  status: DeployStatus;
  /** Known only to the backfill (commit to deploy); null keeps what is stored. */
  leadTimeSeconds?: number | null;
}

function deployOf(d: GitHubDeploy, leadTimeSeconds: number | null) {
  const externalId = String(d.deploymentId);
  return checkSignal(deployFields, {
    source: GITHUB_SOURCE,
    externalId,
    service: asLabel(d.repositoryName),
    environment: asLabel(d.environment) ?? 'production',
    deployedAt: d.deployedAt,
    status: d.status,
    leadTimeSeconds,
  }, `GitHub deployment ${externalId}`);
}

function fromEvent(e: DeploymentStatusEvent, status: DeployStatus): GitHubDeploy {
  return {
    deploymentId: e.deployment.id,
    repositoryFullName: e.repository.full_name,
    repositoryName: e.repository.name,
    environment: e.deployment.environment ?? e.deployment_status.environment,
    deployedAt: e.deployment_status.updated_at ?? e.deployment_status.created_at,
    status,
  };
}

/**
 * Reads a verified deployment_status delivery without the database: stored when its state is
 * final, ignored otherwise. Throws PayloadError for anything that could never become a deploy.
 */
export function readGitHubDeploymentStatus(body: unknown): { ignored: string } | { event: 'deployment_status' } {
  const e = parsePayload(deploymentStatusEvent, body, 'GitHub deployment_status');
  const status = DEPLOY_OUTCOMES[e.deployment_status.state];
  if (!status) return { ignored: `deployment state ${e.deployment_status.state} is not final` };
  deployOf(fromEvent(e, status), null);
  return { event: 'deployment_status' };
}

/**
 * A deployment_status event in a final state becomes (an update of) the deploy whose externalId
 * is the deployment id, attributed by the repository's source mapping. Under a per-deployment
 * lock, a status older than the stored one is ignored (deliveries can arrive out of order), and
 * a lead time recorded by another path is kept.
 */
export async function applyGitHubDeploymentStatus(db: Knex, body: unknown): Promise<WebhookOutcome> {
  const e = parsePayload(deploymentStatusEvent, body, 'GitHub deployment_status');
  const status = DEPLOY_OUTCOMES[e.deployment_status.state];
  if (!status) return { status: 'ignored', reason: `deployment state ${e.deployment_status.state} is not final` };
  return db.transaction((trx) => storeGitHubDeploy(trx, fromEvent(e, status)));
}

/**
 * Writes (an update of) the deploy of a GitHub deployment: the one path of the webhook and the
 * REST backfill, so both give the same row. Under a per-deployment lock, a status older than the
 * stored one is ignored (deliveries can arrive out of order), and a lead time is kept unless a
 * new one is given. Throws PayloadError for a deployment that could never become a deploy.
 */
export async function storeGitHubDeploy(trx: Knex.Transaction, d: GitHubDeploy): Promise<Extract<WebhookOutcome, { status: 'stored' }>> {
  const externalId = String(d.deploymentId);
  const routingKey = d.repositoryFullName;
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`deploy_events|${GITHUB_SOURCE}|${externalId}`]);
  const stored: { team_id: number | null; deployed_at: Date; lead_time_seconds: number | null } | undefined = await trx('deploy_events')
    .select('team_id', 'deployed_at', 'lead_time_seconds')
    .where({ source: GITHUB_SOURCE, external_id: externalId })
    .first();
  const teamId = (await routeTeam(trx, GITHUB_SOURCE, [routingKey])) ?? stored?.team_id ?? null;
  const deploy = deployOf(d, d.leadTimeSeconds ?? stored?.lead_time_seconds ?? null);
  const team = teamId === null ? null : ((await trx('teams').select('slug').where('id', teamId).first())?.slug ?? null);
  const outcome = { status: 'stored', kind: 'deploy', externalId, team, routed: teamId !== null } as const;
  if (stored && new Date(stored.deployed_at).getTime() > deploy.deployedAt.getTime()) return { ...outcome, result: 'unchanged' };
  return { ...outcome, result: resultOf(await writeDeploys(trx, [deployRow(deploy, teamId, routingKey)])) };
}
