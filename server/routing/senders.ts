/**
 * The webhook senders this server takes: the one list that the webhook routes (server/webhooks),
 * the API (`webhookSources`) and through it the dashboard read, so a sender added here shows up
 * everywhere with its URL and the variable that holds its secret.
 */
export const WEBHOOK_SENDER_IDS = ['pagerduty', 'github'] as const;
export type WebhookSender = (typeof WEBHOOK_SENDER_IDS)[number];

export interface WebhookSenderInfo {
  /** The sender's own name, for people. */
  name: string;
  /** What it sends, and what that becomes here. */
  signals: string;
  /** The environment variable holding the secret its deliveries are signed with. */
  envVar: string;
}

export const WEBHOOK_SENDERS: Record<WebhookSender, WebhookSenderInfo> = {
  pagerduty: { name: 'PagerDuty', signals: 'incidents, as pages', envVar: 'PAGERDUTY_WEBHOOK_SECRET' },
  github: { name: 'GitHub', signals: 'deployment status events, as deploys', envVar: 'GITHUB_WEBHOOK_SECRET' },
};

/** Where a sender posts, on this server. */
export const webhookPath = (sender: WebhookSender) => `/webhooks/${sender}`;

/** What a request knows of this server's webhook set-up: the senders whose secret it was started with. */
export interface WebhookSettings {
  configuredWebhooks: ReadonlySet<WebhookSender>;
}
