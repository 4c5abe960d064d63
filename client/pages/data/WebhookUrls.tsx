/** The webhook senders this server takes: where each posts, and which secret verifies it (server/webhooks/routes.ts). */
const SENDERS = [
  { path: 'pagerduty', name: 'PagerDuty', what: 'incidents, as pages', envVar: 'PAGERDUTY_WEBHOOK_SECRET' },
  { path: 'github', name: 'GitHub', what: 'deployment status events, as deploys', envVar: 'GITHUB_WEBHOOK_SECRET' },
] as const;

/** Each webhook URL of this server with its sender and the secret it needs. */
export function WebhookUrls({ origin }: { origin: string }) {
  return (
    <ul className="webhook-urls">
      {SENDERS.map((s) => (
        <li key={s.path}>
          {s.name} ({s.what}): <code data-testid={`webhook-${s.path}`}>{origin}/webhooks/{s.path}</code>, signed with the secret in{' '}
          <code>{s.envVar}</code>
        </li>
      ))}
    </ul>
  );
}
