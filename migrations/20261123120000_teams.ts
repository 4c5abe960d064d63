import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('teams', (t) => {
    t.increments('id').primary();
    t.string('slug', 64).notNullable().unique();
    t.string('name', 200).notNullable();
    t.string('timezone', 64).notNullable().defaultTo('UTC');
    t.integer('members');
    t.double('focus_hours_per_day').notNullable().defaultTo(6);
    // Per-team hour-class boundaries; null means the PagerDuty-style defaults.
    t.jsonb('hour_schedule');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('teams');
}
