import type { Knex } from 'knex';

// A notification subscription may target a group (issue 20, README "Notifications"): the column
// reserved by 20261206400000_notifications becomes a reference to groups, with the type of
// groups.id. RESTRICT: a group with subscriptions is not deleted — the groups service refuses first,
// naming the channels (server/groups/service.ts deleteGroup), so no channel silently stops hearing
// about the teams it was set up for.
const TARGET_INDEX = 'CREATE UNIQUE INDEX notification_subscriptions_target ON notification_subscriptions (channel_id, COALESCE(team_id, 0), COALESCE(group_id, 0))';

export async function up(knex: Knex): Promise<void> {
  // The one-subscription-per-target index is built again after the type change: kept, it would hold
  // the bigint expression, which ON CONFLICT (… COALESCE(group_id, 0)) no longer matches.
  await knex.raw('DROP INDEX notification_subscriptions_target');
  await knex.raw('ALTER TABLE notification_subscriptions ALTER COLUMN group_id TYPE integer');
  await knex.raw(TARGET_INDEX);
  await knex.raw(`ALTER TABLE notification_subscriptions ADD CONSTRAINT notification_subscriptions_group_id_foreign
                  FOREIGN KEY (group_id) REFERENCES groups (id) ON DELETE RESTRICT`);
  // deleteGroup looks a group's subscriptions up by group.
  await knex.raw('CREATE INDEX notification_subscriptions_group ON notification_subscriptions (group_id) WHERE group_id IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  // Code before this migration reads a subscription without a team as org-wide: a group
  // subscription left behind would widen to every team, so it goes.
  await knex('notification_subscriptions').whereNotNull('group_id').delete();
  await knex.raw('DROP INDEX notification_subscriptions_group');
  await knex.raw('ALTER TABLE notification_subscriptions DROP CONSTRAINT notification_subscriptions_group_id_foreign');
  await knex.raw('DROP INDEX notification_subscriptions_target');
  await knex.raw('ALTER TABLE notification_subscriptions ALTER COLUMN group_id TYPE bigint');
  await knex.raw(TARGET_INDEX);
}
