import type { Knex } from 'knex';

// Two guardrail options from issue 20, one column each on the versioned policies:
// - reserve_at: what the recommendation reserves before the floor and ceiling, the EWMA projection
//   (the spec's rule) or the range's 80th percentile. Versions made before it reserved at the
//   projection, so that is the default; a CHECK keeps anything else out of the history.
// - max_sleep_interruptions_per_person_week: the limit of the "sleep interruptions per person per
//   week" rule. Earlier versions get the built-in 2 (the rule did not exist; 2 is what a version
//   made then with the defaults would say).
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE guardrail_policies
    ADD COLUMN reserve_at text NOT NULL DEFAULT 'PROJECTION' CONSTRAINT guardrail_policies_reserve_at_check CHECK (reserve_at IN ('PROJECTION', 'P80')),
    ADD COLUMN max_sleep_interruptions_per_person_week double precision NOT NULL DEFAULT 2`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE guardrail_policies DROP COLUMN reserve_at, DROP COLUMN max_sleep_interruptions_per_person_week');
}
