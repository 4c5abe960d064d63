import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('daily_metrics', (t) => {
    t.integer('team_id').notNullable().references('teams.id').onDelete('CASCADE');
    t.date('date').notNullable();
    t.string('source', 200).notNullable();
    // '' is "the whole team": a primary key cannot hold NULL, and '' is not a valid service name.
    t.string('service', 200).notNullable().defaultTo('');
    t.integer('alerts').notNullable().defaultTo(0);
    t.integer('pages').notNullable().defaultTo(0);
    t.double('page_hours').notNullable().defaultTo(0);
    t.double('off_hours_page_hours').notNullable().defaultTo(0);
    t.double('sleep_page_hours').notNullable().defaultTo(0);
    t.integer('sleep_interruptions').notNullable().defaultTo(0);
    t.integer('deploys').notNullable().defaultTo(0);
    t.integer('failed_deploys').notNullable().defaultTo(0);
    t.double('toil_hours').notNullable().defaultTo(0);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['team_id', 'date', 'source', 'service']);
    t.index(['date']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('daily_metrics');
}
