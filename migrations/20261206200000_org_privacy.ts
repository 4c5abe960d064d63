import type { Knex } from 'knex';

// The org's privacy setting (issue 20): whether per-person figures (who carried the pager) are
// hidden. One row, so reading it is one primary-key lookup and there is never a second opinion;
// who changed it and when are kept beside it. A whole-scope trigger bumps the org-wide data
// version (migrations/20261204090000_data_versions) so that cached GraphQL answers showing
// per-person figures die the moment the org hides them.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE org_privacy (
      one boolean PRIMARY KEY DEFAULT true CHECK (one),
      hide_people boolean NOT NULL DEFAULT false,
      changed_by text,
      changed_at timestamptz
    )`);
  await knex.raw('INSERT INTO org_privacy (one) VALUES (true)');
  await knex.raw(`CREATE TRIGGER data_version_org_privacy_scope AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_privacy
                  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('0')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER data_version_org_privacy_scope ON org_privacy');
  await knex.raw('DROP TABLE org_privacy');
}
