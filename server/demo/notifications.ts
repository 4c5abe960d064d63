import type { Knex } from 'knex';
import { scopeFor } from '../core/scope';
import { createChannel, notificationChannels, subscribe, updateChannel } from '../notifications/service';

export const DEMO_CHANNEL = 'Ops alerts (demo)';

/**
 * A Slack channel set up as a team would set it up — Payments' status alarms and under-reserved
 * sprints, and the org's weekly digest — but left disabled: its address leads nowhere, and a demo
 * must never send anything. The Data page shows it; pointed at a real incoming webhook and
 * enabled, it goes live. Re-seeding keeps it as it is (the user may have changed it).
 */
export async function seedDemoNotifications(db: Knex): Promise<void> {
  const scope = scopeFor(db);
  if ((await notificationChannels(scope)).some((c) => c.name === DEMO_CHANNEL)) return;
  const { channel } = await createChannel(scope, { name: DEMO_CHANNEL, kind: 'SLACK', url: 'https://hooks.slack.com/services/T0000DEMO/B0000DEMO/demo' });
  await updateChannel(scope, channel.id, { enabled: false });
  await subscribe(scope, { channel: channel.id, team: 'payments', events: ['TEAM_STATUS', 'SPRINT_UNDER_RESERVED'] });
  await subscribe(scope, { channel: channel.id, team: null, events: ['WEEKLY_DIGEST'] });
}
