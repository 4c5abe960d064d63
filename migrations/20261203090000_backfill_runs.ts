import type { Knex } from 'knex';

// One row per backfill of a vendor's history (PagerDuty incidents, and later other sources): what
// was asked (params), how far it got (cursor, committed with the signals it wrote, so a re-run
// continues where it stopped), what it counted, when it started and finished. A run that has not
// finished is resumed by the next run with the same source and params.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('backfill_runs', (t) => {
    t.bigIncrements('id');
    t.text('source').notNullable();
    t.jsonb('params').notNullable();
    t.jsonb('cursor');
    t.jsonb('counts').notNullable().defaultTo('{}');
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true });
    t.index(['source', 'started_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('backfill_runs');
}
