import type { Knex } from 'knex';

// A sprint's own head count: its capacity follows who was in it, not the team's count today
// (null: the team's members count, as before).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sprints', (t) => {
    t.integer('members');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sprints', (t) => {
    t.dropColumn('members');
  });
}
