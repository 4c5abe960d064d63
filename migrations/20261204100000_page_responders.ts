import type { Knex } from 'knex';

// Who carried each page (issue 20): the names or emails the sender gave (PagerDuty's assignees).
// A text[] column rather than a child table: a page has a handful of responders, they are always
// written and read with their page (one upsert, one row lock, no second table to keep in step
// with page_events' upsert), and per-person figures unnest them beside page_event_days.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("ALTER TABLE page_events ADD COLUMN responders text[] NOT NULL DEFAULT '{}'");
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE page_events DROP COLUMN responders');
}
