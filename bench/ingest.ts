import { DateTime } from 'luxon';
import { DEFAULT_SCHEDULE, isSleepInterruption } from '../server/kpi/hourClasses';
import { DEFAULT_LOAD_MODEL } from '../server/kpi/loadModel';
import { pageDays } from '../server/signals/teamClocks';
import type { Dataset } from './dataset';
import { gql, gqlRaw } from './graphql';
import { csvField, type Sql } from './sql';

/** Records per GraphQL call and per raw INSERT statement (issue 8: 5,000 records a call). */
export const BATCH = 5_000;

export interface Rate {
  records: number;
  seconds: number;
  perSecond: number;
}

function rate(records: number, ms: number): Rate {
  return { records, seconds: Math.round(ms) / 1000, perSecond: Math.round(records / (ms / 1000)) };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const MUTATIONS = {
  daily: 'mutation Ingest($input: [DailyMetricsInput!]!) { recordDailyMetrics(input: $input) { received inserted updated unchanged } }',
  pages: 'mutation Ingest($input: [PageInput!]!) { recordPages(input: $input) { received inserted updated unchanged } }',
  deploys: 'mutation Ingest($input: [DeployInput!]!) { recordDeploys(input: $input) { received inserted updated unchanged } }',
  sprints: 'mutation Ingest($input: [SprintInput!]!) { upsertSprints(input: $input) { name } }',
};

export type IngestKindName = 'daily' | 'pages' | 'deploys';

export async function createTeams(url: string, token: string, data: Dataset): Promise<void> {
  for (const part of chunks(data.teams, 1_000)) {
    await gql(url, token, 'mutation T($input: [TeamInput!]!) { upsertTeams(input: $input) { slug } }', { input: part });
  }
}

/** Sends records through GraphQL, BATCH a call, one call at a time; bodies are serialized before the clock starts. */
export async function ingestGraphql(url: string, token: string, kind: keyof typeof MUTATIONS, records: object[], batch = BATCH): Promise<Rate> {
  const bodies = chunks(records, batch).map((input) => JSON.stringify({ query: MUTATIONS[kind], variables: { input } }));
  const t = performance.now();
  for (const body of bodies) await gqlRaw(url, token, body);
  return rate(records.length, performance.now() - t);
}

interface RawTable {
  table: string;
  columns: string[];
  key: string[];
  rows: unknown[][];
  /**
   * Pages only: the page_event_days rows Headroom also stores for each resolved page (its hours
   * split by day and class), by external id — the rest of "the same rows" as the server writes.
   */
  days?: Map<string, unknown[][]>;
}

/** The data set's records as the rows the server writes (team ids resolved, local days computed). */
export async function rawTables(sql: Sql, data: Dataset): Promise<Record<IngestKindName, RawTable>> {
  const ids = new Map((await sql.query<{ id: number; slug: string }>('SELECT id, slug FROM teams')).map((t) => [t.slug, t.id]));
  const zones = new Map(data.teams.map((t) => [t.slug, t.timezone]));
  const localDate = (iso: string, team: string) => DateTime.fromISO(iso, { zone: zones.get(team)! }).toISODate();
  return {
    daily: {
      table: 'daily_metrics',
      columns: ['team_id', 'date', 'source', 'service', 'alerts', 'pages', 'page_hours', 'off_hours_page_hours', 'sleep_page_hours', 'sleep_interruptions', 'deploys', 'failed_deploys', 'toil_hours'],
      key: ['team_id', 'date', 'source', 'service'],
      rows: data.daily.map((r) => [ids.get(r.team), r.date, r.source, '', r.alerts, r.pages, r.pageHours, r.offHoursPageHours, r.sleepPageHours, r.sleepInterruptions, r.deploys, r.failedDeploys, r.toilHours]),
    },
    pages: {
      table: 'page_events',
      columns: ['source', 'external_id', 'team_id', 'service', 'urgency', 'triggered_at', 'acknowledged_at', 'resolved_at', 'local_date', 'sleep_interruption'],
      key: ['source', 'external_id'],
      rows: data.pages.map((p) => [
        p.source, p.externalId, ids.get(p.team), p.service, p.urgency, p.triggeredAt, p.acknowledgedAt, p.resolvedAt,
        localDate(p.triggeredAt, p.team), isSleepInterruption(new Date(p.triggeredAt), zones.get(p.team)!),
      ]),
      days: new Map(data.pages.filter((p) => p.resolvedAt).map((p) => {
        const clock = { teamId: ids.get(p.team)!, timezone: zones.get(p.team)!, schedule: DEFAULT_SCHEDULE, maxHoursPerPage: DEFAULT_LOAD_MODEL.maxHoursPerPage };
        const days = pageDays(clock, new Date(p.triggeredAt), new Date(p.resolvedAt!));
        return [p.externalId, days.map((d) => [clock.teamId, d.date, d.business_hours, d.off_hours, d.sleep_hours])];
      })),
    },
    deploys: {
      table: 'deploy_events',
      columns: ['source', 'external_id', 'team_id', 'service', 'environment', 'deployed_at', 'status', 'lead_time_seconds', 'local_date'],
      key: ['source', 'external_id'],
      rows: data.deploys.map((d) => [d.source, d.externalId, ids.get(d.team), d.service, d.environment, d.deployedAt, d.status, d.leadTimeSeconds, localDate(d.deployedAt, d.team)]),
    },
  };
}

/** An empty copy of a table with the same indexes, defaults and foreign key to teams — no triggers. */
async function cloneTable(sql: Sql, table: string, name: string): Promise<void> {
  await sql.query(`DROP TABLE IF EXISTS ${name}`);
  await sql.query(`CREATE TABLE ${name} (LIKE ${table} INCLUDING ALL)`);
  await sql.query(`ALTER TABLE ${name} ADD FOREIGN KEY (team_id) REFERENCES teams(id)`);
}

/**
 * The storage limit of issue 19: an empty table with the same columns (and defaults) and a unique
 * key on the same columns as the real one — no other index, no foreign key, no trigger.
 */
async function bareTable(sql: Sql, t: RawTable, name: string): Promise<void> {
  await sql.query(`DROP TABLE IF EXISTS ${name}`);
  await sql.query(`CREATE TABLE ${name} (LIKE ${t.table} INCLUDING DEFAULTS)`);
  await sql.query(`ALTER TABLE ${name} ADD UNIQUE (${t.key.join(', ')})`);
}

function insertStatements(t: RawTable, into: string) {
  const n = t.columns.length;
  const update = [...t.columns.filter((c) => !t.key.includes(c)).map((c) => `${c} = excluded.${c}`), 'updated_at = now()'].join(', ');
  return chunks(t.rows, BATCH).map((rows) => ({
    text: `INSERT INTO ${into} (${t.columns.join(', ')}) VALUES ${rows.map((_, i) => `(${t.columns.map((_, j) => `$${i * n + j + 1}`).join(', ')})`).join(', ')}
           ON CONFLICT (${t.key.join(', ')}) DO UPDATE SET ${update}`,
    params: rows.flat(),
  }));
}

/**
 * Records through GraphQL (into the server's database) and the same rows by multi-row INSERT into
 * the raw database, batch by batch in turns: into a bare table (`into: 'bare'`, issue 19's limit for
 * daily metrics), or into the real table with its triggers (`'table'`, issue 8's limit for pages;
 * rawLimits empties it again). Both targets are ratios of the two, and the machine's speed moves
 * from one minute to the next (the GraphQL ingestion runs first, the other limits a minute later):
 * taken in turns, both sides are timed in the same seconds.
 */
export async function ingestInTurns(url: string, token: string, kind: IngestKindName, records: object[], sql: Sql, t: RawTable, into: 'bare' | 'table' = 'bare'): Promise<{ graphql: Rate; raw: Rate }> {
  const name = into === 'bare' ? `bench_bare_${t.table}` : t.table;
  if (into === 'bare') await bareTable(sql, t, name);
  const bodies = chunks(records, BATCH).map((input) => JSON.stringify({ query: MUTATIONS[kind], variables: { input } }));
  const statements = insertStatements(t, name);
  if (bodies.length !== statements.length || records.length !== t.rows.length) throw new Error(`ingestInTurns: ${records.length} records but ${t.rows.length} rows`);
  let graphqlMs = 0;
  let rawMs = 0;
  for (let i = 0; i < bodies.length; i++) {
    let start = performance.now();
    await gqlRaw(url, token, bodies[i]);
    graphqlMs += performance.now() - start;
    start = performance.now();
    await sql.query(statements[i].text, statements[i].params);
    rawMs += performance.now() - start;
  }
  if (into === 'bare') await sql.query(`DROP TABLE ${name}`);
  return { graphql: rate(records.length, graphqlMs), raw: rate(t.rows.length, rawMs) };
}

async function timedInsert(sql: Sql, t: RawTable, into: string): Promise<Rate> {
  const statements = insertStatements(t, into);
  const start = performance.now();
  for (const s of statements) await sql.query(s.text, s.params);
  return rate(t.rows.length, performance.now() - start);
}

/**
 * timedInsert for pages, with their page_event_days rows: each batch's pages upserted RETURNING
 * their ids, then their day rows upserted, as two plain statements.
 */
async function timedInsertWithDays(sql: Sql, t: RawTable): Promise<Rate> {
  const statements = insertStatements(t, t.table);
  const batches = chunks(t.rows, BATCH);
  const externalId = t.columns.indexOf('external_id');
  const start = performance.now();
  for (let b = 0; b < statements.length; b++) {
    const ids = await sql.query<{ id: number; external_id: string }>(`${statements[b].text} RETURNING id, external_id`, statements[b].params);
    const byExternalId = new Map(ids.map((r) => [r.external_id, r.id]));
    const days = batches[b].flatMap((row) => (t.days!.get(row[externalId] as string) ?? []).map((d) => [byExternalId.get(row[externalId] as string), ...d]));
    for (const part of chunks(days, 10_000)) {
      await sql.query(
        `INSERT INTO page_event_days (page_id, team_id, date, business_hours, off_hours, sleep_hours)
         VALUES ${part.map((_, i) => `(${[1, 2, 3, 4, 5, 6].map((j) => `$${i * 6 + j}`).join(', ')})`).join(', ')}
         ON CONFLICT (page_id, date) DO UPDATE SET business_hours = excluded.business_hours, off_hours = excluded.off_hours, sleep_hours = excluded.sleep_hours`,
        part.flat(),
      );
    }
  }
  return rate(t.rows.length, performance.now() - start);
}

async function timedCopy(sql: Sql, t: RawTable, into: string): Promise<Rate> {
  const csv = chunks(t.rows, BATCH).map((rows) => rows.map((r) => r.map(csvField).join(',') + '\n').join(''));
  const start = performance.now();
  await sql.copyCsv(into, t.columns, csv);
  return rate(t.rows.length, performance.now() - start);
}

export interface RawLimits {
  /** Multi-row INSERT … ON CONFLICT DO UPDATE, BATCH rows a statement, into the real table (its indexes, foreign keys and triggers). */
  insert: Rate;
  /** COPY … FROM STDIN (CSV) into the real table. */
  copy: Rate;
  /** The same INSERTs into a copy of the table with its indexes and foreign key but no triggers: the rollup's share. */
  insertWithoutTriggers: Rate;
  /** The same INSERTs into a bare table: the same columns and key only (issue 19's limit: the cost of storing the rows at all). */
  insertBare: Rate;
  /** Pages only: the INSERTs with each page's page_event_days rows, which Headroom stores too. */
  insertWithDays?: Rate;
  /** Daily metrics: insertBare timed in turns with the GraphQL ingestion (ingestInTurns), the figure its ratio is taken against. */
  insertBareInTurns?: Rate;
  /** Pages: insert timed in turns with the GraphQL ingestion (ingestInTurns), the figure issue 8's ratio is taken against. */
  insertInTurns?: Rate;
}

const KINDS: IngestKindName[] = ['daily', 'pages', 'deploys'];

/**
 * The raw limits of writing the data set, kind after kind as the GraphQL ingestion wrote them, into
 * an empty database with the real schema (openRawSql). Emptied between the methods with TRUNCATE
 * (which rebuilds team_day_signals, untimed).
 */
export async function rawLimits(sql: Sql, tables: Record<IngestKindName, RawTable>, log: (m: string) => void): Promise<Record<IngestKindName, RawLimits>> {
  const empty = () => sql.query('TRUNCATE daily_metrics, page_events, page_event_days, deploy_events');
  const insert = {} as Record<IngestKindName, Rate>;
  const copy = {} as Record<IngestKindName, Rate>;
  const bare = {} as Record<IngestKindName, Rate>;
  const bareKey = {} as Record<IngestKindName, Rate>;
  await empty(); // pages were written in turns with their GraphQL ingestion (ingestInTurns)
  for (const k of KINDS) insert[k] = await timedInsert(sql, tables[k], tables[k].table);
  await empty();
  const pagesWithDays = await timedInsertWithDays(sql, tables.pages);
  await empty();
  for (const k of KINDS) copy[k] = await timedCopy(sql, tables[k], tables[k].table);
  await empty();
  for (const k of KINDS) {
    const name = `bench_raw_${tables[k].table}`;
    await cloneTable(sql, tables[k].table, name);
    bare[k] = await timedInsert(sql, tables[k], name);
    await sql.query(`DROP TABLE ${name}`);
    await bareTable(sql, tables[k], name);
    bareKey[k] = await timedInsert(sql, tables[k], name);
    await sql.query(`DROP TABLE ${name}`);
  }
  const out = {} as Record<IngestKindName, RawLimits>;
  for (const k of KINDS) {
    out[k] = { insert: insert[k], copy: copy[k], insertWithoutTriggers: bare[k], insertBare: bareKey[k], ...(k === 'pages' ? { insertWithDays: pagesWithDays } : {}) };
    log(`  ${k}: INSERT ${insert[k].perSecond.toLocaleString('en-US')} rec/s${k === 'pages' ? ` (${pagesWithDays.perSecond.toLocaleString('en-US')} with their day rows)` : ''}, COPY ${copy[k].perSecond.toLocaleString('en-US')} rec/s, INSERT without triggers ${bare[k].perSecond.toLocaleString('en-US')} rec/s, into a bare table ${bareKey[k].perSecond.toLocaleString('en-US')} rec/s`);
  }
  return out;
}
