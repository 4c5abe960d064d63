import type { Knex } from 'knex';

// A sprint keeps the guardrail version in force when it was first planned; re-planning it under a
// newer version is an explicit act, recorded here with who did it and when (issue 15).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sprints', (t) => {
    t.string('replanned_by', 200);
    t.timestamp('replanned_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sprints', (t) => {
    t.dropColumn('replanned_by');
    t.dropColumn('replanned_at');
  });
}
