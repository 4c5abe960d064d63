import type { Knex } from 'knex';

// Every load model change with who, when and why, as guardrail versions have. load_models keeps
// one row per scope (what is in force); this table keeps what each change set. A null team_id is
// the org default. reason is optional: the API accepted setLoadModel without one before.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('load_model_changes', (t) => {
    t.increments('id').primary();
    t.integer('team_id').references('teams.id').onDelete('CASCADE');
    t.double('business_weight').notNullable();
    t.double('off_hours_weight').notNullable();
    t.double('sleep_weight').notNullable();
    t.double('minutes_per_alert').notNullable();
    t.double('hours_per_failed_deploy').notNullable();
    t.double('max_hours_per_page').notNullable();
    t.text('reason');
    t.string('changed_by', 200).notNullable();
    t.timestamp('changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  // History is read per scope, newest first.
  await knex.raw('CREATE INDEX load_model_changes_scope ON load_model_changes (COALESCE(team_id, 0), id DESC)');
  // Models set before changes were recorded start their history, so it shows what is in force.
  await knex.raw(
    `INSERT INTO load_model_changes (team_id, business_weight, off_hours_weight, sleep_weight, minutes_per_alert,
       hours_per_failed_deploy, max_hours_per_page, reason, changed_by, changed_at)
     SELECT team_id, business_weight, off_hours_weight, sleep_weight, minutes_per_alert,
       hours_per_failed_deploy, max_hours_per_page, NULL, 'unknown (before changes were recorded)', updated_at
     FROM load_models ORDER BY id`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('load_model_changes');
}
