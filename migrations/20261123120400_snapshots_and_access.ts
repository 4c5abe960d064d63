import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('snapshots', (t) => {
    t.uuid('id').primary();
    t.string('label', 200).notNullable();
    t.date('range_from').notNullable();
    t.date('range_to').notNullable();
    t.specificType('teams', 'text[]').notNullable();
    // The frozen document, stored as text so it is returned byte for byte as it was written.
    t.text('document').notNullable();
    t.string('author', 200).notNullable();
    t.string('server_version', 32).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('deleted_at', { useTz: true });
    t.string('deleted_by', 200);
    t.index(['created_at']);
  });
  await knex.schema.createTable('tokens', (t) => {
    t.uuid('id').primary();
    t.string('name', 200).notNullable();
    // SHA-256 of the secret; the secret itself is never stored.
    t.string('hash', 64).notNullable().unique();
    t.specificType('scopes', 'text[]').notNullable();
    t.specificType('teams', 'text[]');
    t.timestamp('expires_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('tokens');
  await knex.schema.dropTable('snapshots');
}
