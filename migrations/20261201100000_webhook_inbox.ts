import type { Knex } from 'knex';

/**
 * webhook_inbox: every verified webhook delivery that carries a signal, stored before it is
 * applied, so a database hiccup or a bug while applying it never loses a page or a deploy. A
 * delivery is `pending` until applied (`done`, with its outcome) or refused for its content
 * (`rejected`, with the reason); failed attempts are retried with back-off (server/webhooks/inbox.ts).
 * The payload is the signed body as text: jsonb would refuse escapes such as \u0000 that JSON allows.
 *
 * page_events.state_changed_at: PagerDuty's `occurred_at` of the last resolve or reopen applied
 * to the page, so a late or replayed older one is ignored instead of rewriting its history.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('webhook_inbox', (t) => {
    t.bigIncrements('id').primary();
    t.string('sender', 32).notNullable();
    t.string('event', 200).notNullable();
    t.string('delivery_id', 200);
    t.text('payload').notNullable();
    t.string('state', 16).notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('last_error');
    t.jsonb('outcome');
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('processed_at', { useTz: true });
  });
  await knex.raw("CREATE INDEX webhook_inbox_due ON webhook_inbox (next_attempt_at) WHERE state = 'pending'");
  await knex.schema.alterTable('page_events', (t) => {
    t.timestamp('state_changed_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('page_events', (t) => {
    t.dropColumn('state_changed_at');
  });
  await knex.schema.dropTable('webhook_inbox');
}
