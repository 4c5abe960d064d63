import type { Knex } from 'knex';

// Outgoing notifications (issue 20, README "Notifications"):
// - notification_channels: where to post (a Slack-compatible incoming webhook, or a generic JSON
//   webhook signed with the channel's own secret). The secret is kept in clear because signing needs
//   it; the API never returns it after creation.
// - notification_subscriptions: which events a channel receives, for one team or (team_id null) the
//   whole org. group_id is reserved for group targets (no groups table yet: no foreign key).
// - notification_team_status: the last status each team was notified at, so a WARN or BREACH is
//   sent when it starts, not again while it stays.
// - notification_events: one-off events already enqueued (a sprint ended under-reserved, a week's
//   digest), by key, so two evaluations (or two instances) never send one twice.
// - notification_outbox: one row per message to send, written in the transaction that decides it;
//   the dispatcher sends due rows, retries with back-off and keeps the outcome as the delivery log.
const INBOX_SCOPE = -1;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notification_channels', (t) => {
    t.bigIncrements('id');
    t.text('name').notNullable().unique();
    t.text('kind').notNullable();
    t.text('url').notNullable();
    t.text('secret');
    t.boolean('enabled').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('created_by').notNullable();
  });
  await knex.raw(`ALTER TABLE notification_channels ADD CONSTRAINT notification_channels_kind CHECK (kind IN ('slack', 'webhook'))`);
  await knex.schema.createTable('notification_subscriptions', (t) => {
    t.bigIncrements('id');
    t.bigInteger('channel_id').notNullable().references('id').inTable('notification_channels').onDelete('CASCADE');
    t.integer('team_id').references('id').inTable('teams').onDelete('CASCADE');
    t.bigInteger('group_id');
    t.specificType('events', 'text[]').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('created_by').notNullable();
  });
  await knex.raw(`ALTER TABLE notification_subscriptions ADD CONSTRAINT notification_subscriptions_one_target CHECK (team_id IS NULL OR group_id IS NULL)`);
  // One subscription per channel and target (the org counts as target 0/0).
  await knex.raw(`CREATE UNIQUE INDEX notification_subscriptions_target ON notification_subscriptions (channel_id, COALESCE(team_id, 0), COALESCE(group_id, 0))`);
  await knex.schema.createTable('notification_team_status', (t) => {
    t.integer('team_id').primary().references('id').inTable('teams').onDelete('CASCADE');
    t.text('status').notNullable();
    t.timestamp('changed_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('notification_events', (t) => {
    t.text('key').primary();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('notification_outbox', (t) => {
    t.bigIncrements('id');
    t.bigInteger('channel_id').references('id').inTable('notification_channels').onDelete('SET NULL');
    // The channel's name when the row was written: the log still reads after the channel is deleted.
    t.text('channel_name').notNullable();
    t.text('event').notNullable();
    t.integer('team_id').references('id').inTable('teams').onDelete('SET NULL');
    t.jsonb('payload').notNullable();
    t.text('state').notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('last_error');
    t.timestamp('last_attempt_at', { useTz: true });
    t.timestamp('delivered_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_state CHECK (state IN ('pending', 'delivered', 'failed'))`);
  // The dispatcher's scan: due pending rows, oldest first.
  await knex.raw(`CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at, id) WHERE state = 'pending'`);
  // What only the Data page shows: cached answers that ask for it are invalidated (graphql/dataVersions.ts).
  for (const table of ['notification_channels', 'notification_subscriptions', 'notification_outbox']) {
    await knex.raw(`CREATE TRIGGER data_version_${table}_scope AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('${INBOX_SCOPE}')`);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('notification_outbox');
  await knex.schema.dropTable('notification_events');
  await knex.schema.dropTable('notification_team_status');
  await knex.schema.dropTable('notification_subscriptions');
  await knex.schema.dropTable('notification_channels');
}
