import type { Knex } from 'knex';

// Sprints, load models and guardrail policy versions. A null team_id is the org default.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('guardrail_policies', (t) => {
    t.increments('id').primary();
    t.integer('team_id').references('teams.id').onDelete('CASCADE');
    t.integer('version').notNullable();
    t.double('reserve_floor').notNullable();
    t.double('ops_ceiling').notNullable();
    t.double('max_page_hours_per_week').notNullable();
    t.double('max_sleep_interruptions_per_week').notNullable();
    t.double('max_change_failure_rate').notNullable();
    t.integer('lookback_sprints').notNullable();
    t.text('reason').notNullable();
    t.string('author', 200).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  // Versions are never overwritten: one row per (scope, version).
  await knex.raw('CREATE UNIQUE INDEX guardrail_policies_scope_version ON guardrail_policies (COALESCE(team_id, 0), version)');

  await knex.schema.createTable('load_models', (t) => {
    t.increments('id').primary();
    t.integer('team_id').references('teams.id').onDelete('CASCADE');
    t.double('business_weight').notNullable();
    t.double('off_hours_weight').notNullable();
    t.double('sleep_weight').notNullable();
    t.double('minutes_per_alert').notNullable();
    t.double('hours_per_failed_deploy').notNullable();
    t.double('max_hours_per_page').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('CREATE UNIQUE INDEX load_models_scope ON load_models (COALESCE(team_id, 0))');

  await knex.schema.createTable('sprints', (t) => {
    t.increments('id').primary();
    t.integer('team_id').notNullable().references('teams.id').onDelete('CASCADE');
    t.string('name', 200).notNullable();
    t.date('start_date').notNullable();
    t.date('end_date').notNullable();
    t.double('capacity_hours');
    t.double('days_off').notNullable().defaultTo(0);
    t.double('reserved_ops_share');
    t.double('feature_points_planned');
    t.double('feature_points_completed');
    t.integer('guardrail_policy_id').references('guardrail_policies.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['team_id', 'name']);
    t.index(['team_id', 'end_date']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sprints');
  await knex.schema.dropTable('load_models');
  await knex.schema.dropTable('guardrail_policies');
}
