import type { Knex } from 'knex';

/**
 * Page and deploy events feed the KPIs.
 *
 * - page_events.local_date / deploy_events.local_date: the day of the trigger / deploy in the
 *   team's time zone, computed at ingest (null while unrouted: no team, no time zone).
 * - page_events.sleep_interruption: triggered in the team's sleep hours.
 * - page_events.alt_routing_keys: further keys a webhook can be routed by (PagerDuty team ids).
 * - page_event_days: a resolved page's hours, capped by the load model's maxHoursPerPage and split
 *   by hour class per local day, written in the same transaction as the page. Open pages are split
 *   at query time up to now (server/kpi/openPages.ts).
 * - team_daily_signals: what the KPI queries read; daily_metrics plus the events, with the rule
 *   that keeps a source from being counted twice (docs/ingestion.md, "Data sources and double
 *   counting"): when events of a source exist for a team and day, they replace that source's
 *   daily aggregate for the fields they cover (page fields for page events, deploy fields for
 *   production deploy events).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('page_events', (t) => {
    t.date('local_date');
    t.boolean('sleep_interruption').notNullable().defaultTo(false);
    t.specificType('alt_routing_keys', 'text[]');
    t.index(['team_id', 'local_date', 'source']);
    t.index(['source', 'routing_key']);
  });
  await knex.schema.alterTable('deploy_events', (t) => {
    t.date('local_date');
    t.index(['team_id', 'local_date', 'source']);
    t.index(['source', 'routing_key']);
  });
  await knex.schema.createTable('page_event_days', (t) => {
    t.bigInteger('page_id').notNullable().references('page_events.id').onDelete('CASCADE');
    t.integer('team_id').notNullable().references('teams.id').onDelete('CASCADE');
    t.date('date').notNullable();
    t.double('business_hours').notNullable();
    t.double('off_hours').notNullable();
    t.double('sleep_hours').notNullable();
    t.primary(['page_id', 'date']);
    t.index(['team_id', 'date']);
  });
  await knex.raw(TEAM_DAILY_SIGNALS_VIEW);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP VIEW IF EXISTS team_daily_signals');
  await knex.schema.dropTable('page_event_days');
  await knex.schema.alterTable('deploy_events', (t) => {
    t.dropIndex(['team_id', 'local_date', 'source']);
    t.dropIndex(['source', 'routing_key']);
    t.dropColumn('local_date');
  });
  await knex.schema.alterTable('page_events', (t) => {
    t.dropIndex(['team_id', 'local_date', 'source']);
    t.dropIndex(['source', 'routing_key']);
    t.dropColumn('local_date');
    t.dropColumn('sleep_interruption');
    t.dropColumn('alt_routing_keys');
  });
}

// Only production deploys count; environment names are compared case-insensitively.
// Each branch returns the columns of daily_metrics, so the KPI queries read the view as they read the table.
// Exported for 20261123140000_performance, whose down() restores it: applied in the field, never edited.
export const TEAM_DAILY_SIGNALS_VIEW = `
CREATE VIEW team_daily_signals AS
SELECT m.team_id, m.date, m.source, m.service, m.alerts,
       CASE WHEN c.pages THEN 0 ELSE m.pages END                   AS pages,
       CASE WHEN c.pages THEN 0 ELSE m.page_hours END              AS page_hours,
       CASE WHEN c.pages THEN 0 ELSE m.off_hours_page_hours END    AS off_hours_page_hours,
       CASE WHEN c.pages THEN 0 ELSE m.sleep_page_hours END        AS sleep_page_hours,
       CASE WHEN c.pages THEN 0 ELSE m.sleep_interruptions END     AS sleep_interruptions,
       CASE WHEN c.deploys THEN 0 ELSE m.deploys END               AS deploys,
       CASE WHEN c.deploys THEN 0 ELSE m.failed_deploys END        AS failed_deploys,
       m.toil_hours
  FROM daily_metrics m
  CROSS JOIN LATERAL (
    SELECT EXISTS (SELECT 1 FROM page_events p
                    WHERE p.team_id = m.team_id AND p.local_date = m.date AND p.source = m.source)
           OR EXISTS (SELECT 1 FROM page_event_days d JOIN page_events p ON p.id = d.page_id
                       WHERE d.team_id = m.team_id AND d.date = m.date AND p.source = m.source) AS pages,
           EXISTS (SELECT 1 FROM deploy_events e
                    WHERE e.team_id = m.team_id AND e.local_date = m.date AND e.source = m.source
                      AND lower(e.environment) = 'production') AS deploys
  ) c
UNION ALL
SELECT p.team_id, p.local_date, p.source, p.service, 0,
       1, 0::float8, 0::float8, 0::float8, CASE WHEN p.sleep_interruption THEN 1 ELSE 0 END,
       0, 0, 0::float8
  FROM page_events p
 WHERE p.team_id IS NOT NULL AND p.local_date IS NOT NULL
UNION ALL
SELECT d.team_id, d.date, p.source, p.service, 0,
       0, d.business_hours + d.off_hours + d.sleep_hours, d.off_hours, d.sleep_hours, 0,
       0, 0, 0::float8
  FROM page_event_days d
  JOIN page_events p ON p.id = d.page_id
UNION ALL
SELECT e.team_id, e.local_date, e.source, e.service, 0,
       0, 0::float8, 0::float8, 0::float8, 0,
       1, CASE WHEN e.status IN ('FAILED', 'ROLLED_BACK') THEN 1 ELSE 0 END, 0::float8
  FROM deploy_events e
 WHERE e.team_id IS NOT NULL AND e.local_date IS NOT NULL AND lower(e.environment) = 'production'
`;
