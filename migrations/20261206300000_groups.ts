import type { Knex } from 'knex';

// Groups of teams (department, tribe), nested at most three levels (server/groups/rules.ts checks
// depth and cycles in the service, under a lock; the database keeps the references sound). A team
// belongs to at most one group; a token may be limited to a group and then sees the group's teams as
// they are at each request, nested groups included (issue 20).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('groups', (t) => {
    t.increments('id').primary();
    t.string('name', 200).notNullable().unique();
    // RESTRICT: a group with subgroups is not deleted (the service says so first, in words).
    t.integer('parent_id').references('id').inTable('groups').onDelete('RESTRICT');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['parent_id']);
  });
  await knex.raw('ALTER TABLE groups ADD CONSTRAINT groups_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)');
  await knex.schema.alterTable('teams', (t) => {
    t.integer('group_id').references('id').inTable('groups').onDelete('RESTRICT');
    t.index(['group_id']);
  });
  await knex.schema.alterTable('tokens', (t) => {
    t.integer('group_id').references('id').inTable('groups').onDelete('RESTRICT');
  });
  // Group changes move teams between group rows of the overview: every cached answer is stale
  // (the org-wide data version, as for teams; migrations/20261204090000_data_versions).
  await knex.raw(`CREATE TRIGGER data_version_groups_scope AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON groups
                  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('0')`);
  // The tokens trigger lists its columns: group_id joins them (a token never changes group, but
  // the list says which columns matter).
  await knex.raw('DROP TRIGGER data_version_tokens_scope ON tokens');
  await knex.raw(`CREATE TRIGGER data_version_tokens_scope AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, name, hash, scopes, teams, group_id, expires_at, created_at, revoked_at ON tokens
                  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('0')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER data_version_tokens_scope ON tokens');
  await knex.raw(`CREATE TRIGGER data_version_tokens_scope AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, name, hash, scopes, teams, expires_at, created_at, revoked_at ON tokens
                  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('0')`);
  await knex.raw('DROP TRIGGER data_version_groups_scope ON groups');
  await knex.schema.alterTable('tokens', (t) => t.dropColumn('group_id'));
  await knex.schema.alterTable('teams', (t) => t.dropColumn('group_id'));
  await knex.schema.dropTable('groups');
}
