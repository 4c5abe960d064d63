import { authorize } from '../core/permissions';
import { ForbiddenError } from '../core/errors';
import type { Scope } from '../core/scope';
import { inboxCounts } from './queries';
import { WEBHOOK_SENDER_IDS, WEBHOOK_SENDERS, webhookPath, type WebhookSender } from './senders';

export interface WebhookSourceStatus {
  source: WebhookSender;
  name: string;
  signals: string;
  path: string;
  envVar: string;
  secretConfigured: boolean;
  lastDeliveryAt: Date | null;
  pending: number;
  failing: number;
  rejected: number;
}

/**
 * Every webhook sender of this server, whether its secret is set here (never the secret) and what
 * its inbox holds. `configured` is the senders whose secret this server was started with.
 *
 * For the tokens that connect sources (ingest, and admin), org-wide only: the inbox holds
 * deliveries of every team and of none yet (unrouted), so its counts would tell a token limited to
 * teams about the others.
 */
export async function webhookSources(scope: Scope, configured: ReadonlySet<WebhookSender>): Promise<WebhookSourceStatus[]> {
  authorize(scope.viewer, 'Query.webhookSources');
  if (scope.viewer.teams !== null) {
    throw new ForbiddenError(`The token "${scope.viewer.name}" is limited to teams; webhook deliveries belong to no team until routed, so only an org-wide token sees them.`);
  }
  const counts = new Map((await inboxCounts(scope.db)).map((r) => [r.sender, r]));
  return WEBHOOK_SENDER_IDS.map((source) => {
    const c = counts.get(source);
    return {
      source,
      ...WEBHOOK_SENDERS[source],
      path: webhookPath(source),
      secretConfigured: configured.has(source),
      lastDeliveryAt: c?.lastDeliveryAt ?? null,
      pending: c?.pending ?? 0,
      failing: c?.failing ?? 0,
      rejected: c?.rejected ?? 0,
    };
  });
}
