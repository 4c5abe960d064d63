import type { Knex } from 'knex';
import { DEPLOY_OUTCOMES, storeGitHubDeploy, type GitHubDeploy } from '../webhooks/github';
import type { GitHubClient } from './githubClient';
import { advanceRun, startRun } from '../backfillRuns/runs';

export const GITHUB = 'github';

// The fields of GitHub's REST answers we read (docs.github.com/rest/deployments/deployments and
// …/deployments/statuses; test/fixtures/github/ holds recorded examples).
interface RestRepository { name: string; full_name: string }
interface RestDeployment { id: number; sha: string; environment: string; created_at: string }
interface RestDeploymentStatus { state: string; environment?: string | null; created_at: string; updated_at?: string | null }
interface RestCommit { commit: { committer: { date: string } | null } }

export interface GitHubBackfillRange {
  /** The first instant whose deployments are read (the --since day, 00:00 UTC). */
  from: Date;
  /** The instant before which deployments are read (the day after --until, 00:00 UTC). */
  to: Date;
}

export interface GitHubBackfillSummary {
  repository: string;
  /** Pages of deployments read. */
  pages: number;
  /** Deployments created in the range. */
  deployments: number;
  /** Of those, deployments with no final status (pending, queued, in progress, inactive): not deploys. */
  notFinal: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Deploys to a production environment (the ones the KPIs count). */
  production: number;
  /** Deploys written without a team: the repository has no source mapping yet. */
  unrouted: number;
  /** Production successes given a lead time (deployed commit's committer date to the status). */
  withLeadTime: number;
  requests: number;
}

/**
 * Reads a repository's deployments created in the range with their statuses and writes each one
 * in a final state as the `deployment_status` webhook would (same externalId — the deployment id
 * —, routing key, environment, time and outcome), one page of deployments per transaction: a
 * replayed webhook and a re-run backfill update the same deploys instead of adding any. A run
 * that stops half-way is resumed by running it again. The run is recorded in backfill_runs (with
 * its first page, so a refused token leaves nothing behind), its counts moved with each page.
 */
export async function backfillGitHubDeploys(
  db: Knex,
  client: GitHubClient,
  repo: string,
  range: GitHubBackfillRange,
  onPage: (s: GitHubBackfillSummary) => void = () => {},
): Promise<GitHubBackfillSummary> {
  const startedAt = new Date();
  // The repository first: a bad token or an unknown repository stops here, before anything is
  // written, and its canonical full name is the routing key the webhook uses.
  const repository = await client.get<RestRepository>(`repos/${repo}`);
  const summary: GitHubBackfillSummary = {
    repository: repository.full_name, pages: 0, deployments: 0, notFinal: 0, inserted: 0, updated: 0, unchanged: 0, production: 0, unrouted: 0, withLeadTime: 0, requests: 0,
  };
  const commitDates = new Map<string, Date | null>();
  const params = { repo: repository.full_name, since: dayOf(range.from), until: dayOf(new Date(range.to.getTime() - 1)) };
  let runId: number | null = null;
  for await (const page of client.pages<RestDeployment>(`repos/${repository.full_name}/deployments`, { per_page: '100' })) {
    summary.pages++;
    const inRange = page.filter((d) => inside(d.created_at, range));
    const deploys: GitHubDeploy[] = [];
    for (const d of inRange) {
      const deploy = await finalDeploy(client, repository, d);
      if (!deploy) {
        summary.notFinal++;
        continue;
      }
      if (deploy.status === 'SUCCEEDED' && isProduction(deploy.environment)) {
        deploy.leadTimeSeconds = leadTime(await commitDate(client, repository, d.sha, commitDates), deploy.deployedAt);
        if (deploy.leadTimeSeconds !== null) summary.withLeadTime++;
      }
      deploys.push(deploy);
    }
    summary.deployments += inRange.length;
    await db.transaction(async (trx) => {
      for (const deploy of deploys) {
        const outcome = await storeGitHubDeploy(trx, deploy);
        summary[outcome.result]++;
        if (!outcome.routed) summary.unrouted++;
        if (isProduction(deploy.environment)) summary.production++;
      }
      summary.requests = client.requests;
      runId ??= await startRun(trx, GITHUB, params, countsOf(summary), startedAt);
      await advanceRun(trx, runId, null, countsOf(summary));
    });
    onPage({ ...summary });
    // GitHub lists deployments newest first: a page that reaches back past the range ends the run.
    const oldest = page.at(-1);
    if (!oldest || Date.parse(oldest.created_at) < range.from.getTime()) break;
  }
  summary.requests = client.requests;
  if (runId !== null) await advanceRun(db, runId, null, countsOf(summary), true);
  return summary;
}

const dayOf = (t: Date) => t.toISOString().slice(0, 10);

/** The summary's counts as the run records them (the repository is in its params). */
function countsOf({ repository: _, ...counts }: GitHubBackfillSummary) {
  return counts;
}

function inside(createdAt: string, range: GitHubBackfillRange): boolean {
  const t = Date.parse(createdAt);
  return t >= range.from.getTime() && t < range.to.getTime();
}

/** Only "production" counts in the KPIs (case-insensitive), as for every deploy; none given is production. */
function isProduction(environment: string | null | undefined): boolean {
  return (environment ?? 'production').trim().toLowerCase() === 'production';
}

/**
 * The deploy a deployment's statuses amount to: its newest status in a final state, as the
 * webhook ends up with after every delivery (it ignores a status older than the one stored);
 * null when no status is final yet.
 */
async function finalDeploy(client: GitHubClient, repository: RestRepository, d: RestDeployment): Promise<GitHubDeploy | null> {
  let newest: { at: number; status: RestDeploymentStatus } | null = null;
  for await (const statuses of client.pages<RestDeploymentStatus>(`repos/${repository.full_name}/deployments/${d.id}/statuses`, { per_page: '100' })) {
    for (const s of statuses) {
      if (!DEPLOY_OUTCOMES[s.state]) continue;
      const at = Date.parse(s.updated_at ?? s.created_at);
      // Listed newest first: on a tie the earlier-listed (newer) status wins, as its delivery would.
      if (!newest || at > newest.at) newest = { at, status: s };
    }
  }
  if (!newest) return null;
  const s = newest.status;
  return {
    deploymentId: d.id,
    repositoryFullName: repository.full_name,
    repositoryName: repository.name,
    environment: d.environment ?? s.environment,
    deployedAt: s.updated_at ?? s.created_at,
    status: DEPLOY_OUTCOMES[s.state],
  };
}

/** The committer date of a deployed commit (cached per sha); null when GitHub gives none. */
async function commitDate(client: GitHubClient, repository: RestRepository, sha: string, cache: Map<string, Date | null>): Promise<Date | null> {
  if (!cache.has(sha)) {
    const c = await client.get<RestCommit>(`repos/${repository.full_name}/commits/${encodeURIComponent(sha)}`);
    const date = c.commit.committer?.date ? new Date(c.commit.committer.date) : null;
    cache.set(sha, date && !Number.isNaN(date.getTime()) ? date : null);
  }
  return cache.get(sha)!;
}

/** Commit to running in production, in whole seconds; null when unknown or when the clocks disagree (negative). */
function leadTime(committed: Date | null, deployedAt: string): number | null {
  if (!committed) return null;
  const seconds = Math.round((Date.parse(deployedAt) - committed.getTime()) / 1000);
  return seconds >= 0 ? seconds : null;
}
