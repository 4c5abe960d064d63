import type { Knex } from 'knex';

// An archived team leaves the overview, plans and exports but keeps its rows: its history and the
// snapshots that name it stay readable (issue 17). Null means active.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('teams', (t) => {
    t.timestamp('archived_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('teams', (t) => {
    t.dropColumn('archived_at');
  });
}
