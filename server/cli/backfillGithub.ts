import { parseArgs } from 'node:util';
import { addDays, dayNumber } from '../core/calendar';
import { GITHUB_PUBLIC_API, GitHubApiError, GitHubClient } from '../backfill/githubClient';
import { backfillGitHubDeploys, type GitHubBackfillSummary } from '../backfill/githubDeploys';
import { withDatabase } from './database';
import { CliError, err, out, UsageError, type Command } from './command';

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export const backfillGithubCommand: Command = {
  name: 'github',
  summary: 'Deployments and their statuses of a GitHub repository',
  usage: [
    'github --repo OWNER/NAME --since YYYY-MM-DD [--until YYYY-MM-DD]',
    '',
    '  Reads the deployments created from --since to --until (UTC days; --until defaults to today)',
    '  with their statuses, and records each one in a final state as the deployment_status webhook',
    '  does: same externalId (the deployment id), so re-running it or a replayed webhook never counts',
    '  a deploy twice. Routed by the repository\'s source mapping; unmapped deploys wait unrouted.',
    '  GITHUB_TOKEN (needs read access to deployments and contents) is read from the environment;',
    `  GITHUB_API_URL defaults to ${GITHUB_PUBLIC_API} (GitHub Enterprise: https://HOST/api/v3).`,
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { repo: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals.length) throw new UsageError(`backfill github takes options only; got ${positionals.join(' ')}`);
    if (!values.repo || !REPO.test(values.repo)) throw new UsageError(`--repo must be OWNER/NAME${values.repo ? `; got "${values.repo}"` : ''}`);
    const since = day('--since', values.since);
    const until = values.until === undefined ? new Date().toISOString().slice(0, 10) : day('--until', values.until);
    if (until < since) throw new UsageError(`--until (${until}) is before --since (${since})`);
    const token = process.env.GITHUB_TOKEN;
    if (!token) throw new UsageError('GITHUB_TOKEN is not set: a GitHub token that can read the repository\'s deployments');
    const client = new GitHubClient({ baseUrl: process.env.GITHUB_API_URL || GITHUB_PUBLIC_API, token, onWait: (m) => err(m) });
    return withDatabase(async (db, where) => {
      try {
        const range = { from: new Date(`${since}T00:00:00Z`), to: new Date(`${addDays(until, 1)}T00:00:00Z`) };
        const s = await backfillGitHubDeploys(db, client, values.repo!, range, process.stderr.isTTY ? (p) => err(progress(p)) : undefined);
        out(`Backfilled ${s.repository} deployments ${since} – ${until} into ${where}:`);
        out(`  ${s.deployments} deployments read (${s.pages} pages, ${s.requests} requests); ${s.notFinal} without a final status skipped.`);
        out(`  ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged; ${s.production} to production, ${s.withLeadTime} with a lead time.`);
        if (s.unrouted) out(`  ${s.unrouted} unrouted: map them with  headroom mapping set --source github --key ${s.repository} --team SLUG`);
        return 0;
      } catch (e) {
        if (e instanceof GitHubApiError) throw new CliError(`${e.message} Pages read before the error are kept; run the same command again to resume.`);
        throw e;
      }
    });
  },
};

function day(option: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${option} is required (YYYY-MM-DD)`);
  if (dayNumber(value) === null) throw new UsageError(`${option} must be a date YYYY-MM-DD; got "${value}"`);
  return value;
}

const progress = (p: GitHubBackfillSummary) =>
  `  page ${p.pages}: ${p.deployments} deployments read, ${p.inserted + p.updated + p.unchanged} deploys written, ${p.requests} requests`;
