import type { Knex } from 'knex';

/**
 * Data versions announced (issue 19): each bump also NOTIFYs `headroom_data_versions`, which
 * PostgreSQL delivers at commit (and not at all on rollback) to every listening instance, so each
 * keeps the counters in memory and a cached answer needs no query (server/graphql/versionFeed.ts).
 * The payload is empty: identical notifications of one transaction are delivered once, and a
 * listener rereads every counter anyway (one small table).
 */

const CHANNEL = 'headroom_data_versions';

const body = (notify: boolean) => `
CREATE OR REPLACE FUNCTION bump_data_versions(scopes integer[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  keys integer[];
BEGIN
  SELECT array_agg(DISTINCT s ORDER BY s) INTO keys FROM unnest(scopes) s WHERE s IS NOT NULL;
  IF keys IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO data_versions (scope) SELECT unnest(keys) ON CONFLICT DO NOTHING;
  PERFORM 1 FROM data_versions WHERE scope = ANY (keys) ORDER BY scope FOR NO KEY UPDATE;
  UPDATE data_versions SET version = version + 1 WHERE scope = ANY (keys);${notify ? `\n  PERFORM pg_notify('${CHANNEL}', '');` : ''}
END
$$`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(body(true));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(body(false));
}
