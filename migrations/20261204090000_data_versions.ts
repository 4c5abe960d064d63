import type { Knex } from 'knex';

/**
 * Data versions (issue 19, docs/performance.md): what a cached GraphQL answer depends on, so a write
 * invalidates only the answers that can show it. One counter per scope, bumped in the writing
 * transaction:
 * - a team id: that team's signals, sprints, guardrails and load model;
 * - 0, org-wide: teams (the list, names, schedules, archive), source mappings, org defaults
 *   (guardrail, load model), tokens, snapshots, events routed to no team, and any TRUNCATE. Every
 *   answer's key includes it;
 * - -1, the records only the Data page shows (the webhook inbox, backfill runs, tokens' last use):
 *   only the answers that ask for webhookSources, backfills or tokens include it, so a delivery
 *   arriving, a backfill's progress or a token's "last used" touch (at most once a minute per token)
 *   does not invalidate every dashboard.
 * A key is the sum of the counters a viewer can see (server/graphql/dataVersions.ts). Counters only
 * grow and rows are never deleted, so any committed bump in that set changes the sum.
 *
 * Statement-level triggers rather than explicit bumps in the write paths: every path is covered
 * (GraphQL, webhooks, CLI, imports, cascades, a row changed by hand or by another instance), as
 * team_day_signals' triggers already are, for one small UPDATE per distinct team per statement.
 * Token "last used" touches bump only -1: the tokens' org-wide trigger fires for their other columns.
 *
 * A bump locks its counter rows until the transaction ends, in scope order within a statement:
 * writers of one team queue behind each other, as they already do on team_day_signals' rows;
 * ingestion retries the rare deadlock between multi-statement transactions (ingest/kind.ts withRetry).
 */

const ORG = 0;
const INBOX = -1;

const BUMP_FUNCTION = `
CREATE FUNCTION bump_data_versions(scopes integer[]) RETURNS void
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
  UPDATE data_versions SET version = version + 1 WHERE scope = ANY (keys);
END
$$`;

/** For tables with a team_id: the teams of the rows before and after; a null team is org-wide. */
const ROWS_FUNCTION = `
CREATE FUNCTION bump_data_versions_of_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_data_versions(array_agg(COALESCE(team_id, ${ORG}))) FROM (SELECT DISTINCT team_id FROM new_rows) k;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM bump_data_versions(array_agg(COALESCE(team_id, ${ORG}))) FROM (SELECT team_id FROM new_rows UNION SELECT team_id FROM old_rows) k;
  ELSE
    PERFORM bump_data_versions(array_agg(COALESCE(team_id, ${ORG}))) FROM (SELECT DISTINCT team_id FROM old_rows) k;
  END IF;
  RETURN NULL;
END
$$`;

/** For whole-scope tables: the scope is the trigger's argument. */
const SCOPE_FUNCTION = `
CREATE FUNCTION bump_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_data_versions(ARRAY[TG_ARGV[0]::integer]);
  RETURN NULL;
END
$$`;

const TEAM_TABLES = ['daily_metrics', 'page_events', 'page_event_days', 'deploy_events', 'sprints', 'guardrail_policies', 'load_models', 'load_model_changes'];

// Transition tables allow one event per trigger.
const ROW_EVENTS = [
  { event: 'INSERT', referencing: 'NEW TABLE AS new_rows' },
  { event: 'UPDATE', referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows' },
  { event: 'DELETE', referencing: 'OLD TABLE AS old_rows' },
];

/** Whole-scope triggers: table, events, scope, and a name when a table has two. */
const SCOPE_TRIGGERS: [string, string, number, string?][] = [
  ['teams', 'INSERT OR UPDATE OR DELETE OR TRUNCATE', ORG],
  ['source_mappings', 'INSERT OR UPDATE OR DELETE OR TRUNCATE', ORG],
  ['snapshots', 'INSERT OR UPDATE OR DELETE OR TRUNCATE', ORG],
  // Every column but last_used_at, which each request's authentication may touch.
  ['tokens', 'INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, name, hash, scopes, teams, expires_at, created_at, revoked_at', ORG],
  ['tokens', 'UPDATE OF last_used_at', INBOX, 'use'],
  ['webhook_inbox', 'INSERT OR UPDATE OR DELETE OR TRUNCATE', INBOX],
  ['backfill_runs', 'INSERT OR UPDATE OR DELETE OR TRUNCATE', INBOX],
  // TRUNCATE fires no row-level or transition-table trigger: everything may have changed.
  ...TEAM_TABLES.map((t): [string, string, number] => [t, 'TRUNCATE', ORG]),
];

const triggerName = (table: string, what: string) => `data_version_${table}_${what}`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE data_versions (
      -- A team id; ${ORG} org-wide; ${INBOX} what only the Data page shows (inbox, backfill runs, token use). No foreign key: rows outlive their team,
      -- so the sums built on them only grow.
      scope integer PRIMARY KEY,
      version bigint NOT NULL DEFAULT 0
    )`);
  await knex.raw(`INSERT INTO data_versions (scope) VALUES (${ORG}), (${INBOX})`);
  await knex.raw(BUMP_FUNCTION);
  await knex.raw(ROWS_FUNCTION);
  await knex.raw(SCOPE_FUNCTION);
  for (const table of TEAM_TABLES) {
    for (const e of ROW_EVENTS) {
      await knex.raw(`CREATE TRIGGER ${triggerName(table, e.event.toLowerCase())} AFTER ${e.event} ON ${table}
                      REFERENCING ${e.referencing} FOR EACH STATEMENT EXECUTE FUNCTION bump_data_versions_of_rows()`);
    }
  }
  for (const [table, events, scope, name = 'scope'] of SCOPE_TRIGGERS) {
    await knex.raw(`CREATE TRIGGER ${triggerName(table, name)} AFTER ${events} ON ${table}
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('${scope}')`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const [table, , , name = 'scope'] of SCOPE_TRIGGERS) await knex.raw(`DROP TRIGGER ${triggerName(table, name)} ON ${table}`);
  for (const table of TEAM_TABLES) {
    for (const e of ROW_EVENTS) await knex.raw(`DROP TRIGGER ${triggerName(table, e.event.toLowerCase())} ON ${table}`);
  }
  await knex.raw('DROP FUNCTION bump_data_version()');
  await knex.raw('DROP FUNCTION bump_data_versions_of_rows()');
  await knex.raw('DROP FUNCTION bump_data_versions(integer[])');
  await knex.raw('DROP TABLE data_versions');
}
