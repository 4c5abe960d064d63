import { DataPanel } from '../../components/DataPanel';
import { WEBHOOK_SOURCES, type WebhookSource } from '../../graphql/dataOperations';
import { timeAgo } from '../../lib/freshness';
import { useQuery } from '../../lib/useQuery';
import { useViewer } from '../../lib/viewer';
import type { Viewer } from '../../graphql/operations';

const NO_VARS = {};

/** webhookSources answers org-wide tokens that connect sources (ingest or admin): server/core/permissions.ts. */
export const canSeeWebhooks = (viewer: Viewer | null | undefined) =>
  !!viewer && viewer.teams == null && (viewer.scopes.includes('admin') || viewer.scopes.includes('ingest'));

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the inbox holds beside applied deliveries, in words; empty when nothing waits or was refused. */
function inboxText(s: WebhookSource): string {
  const parts = [
    s.pending > 0 && `${plural(s.pending, 'delivery', 'deliveries')} waiting${s.failing > 0 ? ` (${s.failing} failing, retried)` : ''}`,
    s.rejected > 0 && `${s.rejected} rejected (kept in the inbox: npm run headroom -- inbox list)`,
  ].filter(Boolean);
  return parts.join(', ');
}

/** Each sender: its URL on this server, whether its secret is set (or the variable to set), its last delivery. */
export function WebhookSourceList({ sources, origin, now }: { sources: readonly WebhookSource[]; origin: string; now: Date }) {
  return (
    <ul className="webhook-sources">
      {sources.map((s) => {
        const inbox = inboxText(s);
        return (
          <li key={s.source} data-testid={`webhook-source-${s.source}`}>
            <span className="webhook-sources__name">{s.name}</span> ({s.signals}):{' '}
            <code data-testid={`webhook-${s.source}`}>{origin + s.path}</code>
            <span className="webhook-sources__status">
              {s.secretConfigured ? (
                <span data-testid={`webhook-secret-${s.source}`}>
                  <span className="badge badge--ok">
                    <span className="badge__icon" aria-hidden="true">✓</span>secret set
                  </span>
                </span>
              ) : (
                // The variable stays outside the badge (which never wraps), so a phone can wrap the line.
                <span data-testid={`webhook-secret-${s.source}`}>
                  <span className="badge badge--warn">
                    <span className="badge__icon" aria-hidden="true">!</span>secret not set
                  </span>{' '}
                  — set <code>{s.envVar}</code>
                </span>
              )}
              {' · '}
              <span className="muted" data-testid={`webhook-last-${s.source}`}>
                {s.lastDeliveryAt ? `last delivery ${timeAgo(s.lastDeliveryAt, now)}` : 'no delivery yet'}
                {inbox && `; ${inbox}`}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function LoadedWebhookSources({ origin }: { origin: string }) {
  const query = useQuery(WEBHOOK_SOURCES, NO_VARS);
  return (
    <DataPanel query={query} what="webhook senders" minHeight={60}>
      {(d) => <WebhookSourceList sources={d.webhookSources} origin={origin} now={new Date()} />}
    </DataPanel>
  );
}

/** The webhook senders of this server for whoever may see them; others are told who can. */
export function WebhookSources({ origin }: { origin: string }) {
  const { viewer } = useViewer();
  if (viewer === undefined) return null;
  if (canSeeWebhooks(viewer)) return <LoadedWebhookSources origin={origin} />;
  return (
    <p className="muted" data-testid="webhook-sources-hidden">
      An admin (or an org-wide ingest token) sees this server’s webhook URLs here, with whether each one’s secret is set.
    </p>
  );
}
