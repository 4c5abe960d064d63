import { DataPanel } from '../../components/DataPanel';
import { BACKFILLS, type BackfillRun } from '../../graphql/dataOperations';
import { timeAgo } from '../../lib/freshness';
import { useQuery } from '../../lib/useQuery';
import { useViewer } from '../../lib/viewer';
import { canSeeWebhooks } from './WebhookSources';

const NO_VARS = {};

const VENDOR: Record<string, string> = { pagerduty: 'PagerDuty incidents', github: 'GitHub deployments', jira: 'Jira sprints' };

/** Where a run stands, in words: never run, running or stopped half-way, or finished with what it counted. */
function runText(r: BackfillRun, now: Date): string {
  if (!r.startedAt) return 'never run';
  const range = `${r.since} – ${r.until}`;
  const counts = r.counts.map((c) => `${c.value.toLocaleString('en-US')} ${c.name}`).join(', ');
  if (!r.finishedAt) return `${range}: started ${timeAgo(r.startedAt, now)}, not finished (run the command again to continue)${counts ? `; so far ${counts}` : ''}`;
  return `${range}: finished ${timeAgo(r.finishedAt, now)}${counts ? `; ${counts}` : ''}`;
}

/** Each vendor's last backfill and the exact command to run one (credentials from the environment, never shown). */
export function BackfillList({ runs, now }: { runs: readonly BackfillRun[]; now: Date }) {
  return (
    <ul className="webhook-sources">
      {runs.map((r) => (
        <li key={r.source} data-testid={`backfill-${r.source}`}>
          <span className="webhook-sources__name">{VENDOR[r.source] ?? r.source}</span>:{' '}
          <span className="muted" data-testid={`backfill-last-${r.source}`}>
            {runText(r, now)}
          </span>
          <pre className="data-format__example backfill-command" tabIndex={0} data-testid={`backfill-command-${r.source}`}>
            {r.environment.map((v) => `${v}=… `).join('')}
            {r.command}
          </pre>
        </li>
      ))}
    </ul>
  );
}

function LoadedBackfills() {
  const query = useQuery(BACKFILLS, NO_VARS);
  return (
    <DataPanel query={query} what="backfills" minHeight={60}>
      {(d) => <BackfillList runs={d.backfills} now={new Date()} />}
    </DataPanel>
  );
}

/** The backfills for whoever may see them (org-wide ingest or admin tokens, like the webhooks); others are told who can. */
export function Backfills() {
  const { viewer } = useViewer();
  if (viewer === undefined) return null;
  if (canSeeWebhooks(viewer)) return <LoadedBackfills />;
  return (
    <p className="muted" data-testid="backfills-hidden">
      An admin (or an org-wide ingest token) sees each vendor’s last backfill here, with the command to run one.
    </p>
  );
}
