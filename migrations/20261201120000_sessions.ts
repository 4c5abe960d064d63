import type { Knex } from 'knex';

/**
 * Dashboard sessions and one-time sign-in codes. Both belong to a token and hold only the SHA-256
 * of their secret; a session or code is usable only while its token is live (checked on use).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sessions', (t) => {
    t.string('hash', 64).primary();
    t.uuid('token_id').notNullable().references('id').inTable('tokens').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['token_id']);
    t.index(['expires_at']);
  });
  await knex.schema.createTable('sign_in_codes', (t) => {
    t.string('hash', 64).primary();
    t.uuid('token_id').notNullable().references('id').inTable('tokens').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sign_in_codes');
  await knex.schema.dropTable('sessions');
}
