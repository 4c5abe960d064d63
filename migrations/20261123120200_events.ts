import type { Knex } from 'knex';

// Page and deploy events. team_id is null while a signal is unrouted (no source mapping yet):
// it is kept, shown, and attributed once a mapping exists — never dropped.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('page_events', (t) => {
    t.bigIncrements('id').primary();
    t.string('source', 200).notNullable();
    t.string('external_id', 200).notNullable();
    t.integer('team_id').references('teams.id').onDelete('CASCADE');
    t.string('routing_key', 200);
    t.string('service', 200).notNullable().defaultTo('');
    t.string('urgency', 8).notNullable().defaultTo('HIGH');
    t.timestamp('triggered_at', { useTz: true }).notNullable();
    t.timestamp('acknowledged_at', { useTz: true });
    t.timestamp('resolved_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['source', 'external_id']);
    t.index(['team_id', 'triggered_at']);
  });
  await knex.schema.createTable('deploy_events', (t) => {
    t.bigIncrements('id').primary();
    t.string('source', 200).notNullable();
    t.string('external_id', 200).notNullable();
    t.integer('team_id').references('teams.id').onDelete('CASCADE');
    t.string('routing_key', 200);
    t.string('service', 200).notNullable().defaultTo('');
    t.string('environment', 200).notNullable().defaultTo('production');
    t.timestamp('deployed_at', { useTz: true }).notNullable();
    t.string('status', 16).notNullable();
    t.double('lead_time_seconds');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['source', 'external_id']);
    t.index(['team_id', 'deployed_at']);
  });
  await knex.schema.createTable('source_mappings', (t) => {
    t.increments('id').primary();
    t.string('source', 200).notNullable();
    t.string('key', 200).notNullable();
    t.integer('team_id').notNullable().references('teams.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['source', 'key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('source_mappings');
  await knex.schema.dropTable('deploy_events');
  await knex.schema.dropTable('page_events');
}
