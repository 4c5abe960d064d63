import type { Knex } from 'knex';

// The busiest responder's sleep interruptions (issue 19, server/signals/responderQueries.ts) read
// only what they need instead of every page of every team in the window:
// - the pages that count for someone's sleep: they woke someone, and they name who;
// - whether a team's pages of a window name anyone at all (busiest 0 rather than "cannot judge"),
//   one LIMIT 1 probe per team and window.
// Both partial: pages that name nobody, and pages that woke nobody, are left out. The queries
// write each predicate exactly as here, so the planner sees that it implies the index's.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("CREATE INDEX page_events_sleep_named ON page_events (team_id, local_date) WHERE sleep_interruption AND responders <> '{}'");
  await knex.raw("CREATE INDEX page_events_named ON page_events (team_id, local_date) WHERE responders <> '{}'");
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX page_events_named');
  await knex.raw('DROP INDEX page_events_sleep_named');
}
