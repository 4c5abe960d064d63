import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs, type BenchOptions } from './args';
import { generateDataset, type Dataset } from './dataset';
import { createEnvironment, type BenchEnvironment } from './environment';
import { createTeams, ingestGraphql, ingestInTurns, rawLimits, rawTables, type RawLimits, type Rate } from './ingest';
import { busyRetries, COMPUTE, gql, rateLimitedWaits } from './graphql';
import { OVERVIEW, OVERVIEW_SERIES, TEAM_PLAN, TEAM_SERIES } from './operations';
import { OVERVIEW_ROLLUP_SQL, OVERVIEW_SQL, PLAN_ROLLUP_SQL, PLAN_SQL, SERIES_WEEK_ROLLUP_SQL, SERIES_WEEK_SQL } from './handwritten';
import { timeInTurns, timeRuns, type Latency } from './stats';
import { loadTest, type LoadResult } from './load';
import { bundleSizes, type BundleSizes } from './bundle';
import { startBareServer } from './bareServer';
import { liveTest, type LiveResult } from './live';
import { fmtLatency, fmtMs, fmtRate, fmtRatio, printTable, type Row } from './report';
import type { Sql } from './sql';
import type { ServerProcess } from './server';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(ROOT, 'bench-results');

const log = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function gitDescribe(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT }).toString().trim().length > 0;
    return { commit, dirty };
  } catch {
    return { commit: 'unknown', dirty: true };
  }
}

function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` };
}

/** The team the single-team figures are taken on: the noisiest (most alerts), a worst case. */
function noisiestTeam(data: Dataset): string {
  const alerts = new Map<string, number>();
  for (const r of data.daily) alerts.set(r.team, (alerts.get(r.team) ?? 0) + r.alerts);
  return [...alerts].sort((a, b) => b[1] - a[1])[0][0];
}

interface SqlFigure {
  /** Over the base tables, the view's rule written set-based. */
  tables: Latency;
  /** Over team_day_signals, when the schema has it. */
  rollup: Latency | null;
  /** The better of the two: the limit the ratio is taken against. */
  best: Latency;
  /** True when `best` was timed in turns with the GraphQL figures it is compared with (timeInTurns). */
  inTurns?: boolean;
}

interface SqlBaselines {
  overview: SqlFigure;
  seriesWeek: SqlFigure;
  plan: SqlFigure;
  overviewRows: Record<string, number | string>[];
  /** The statement the overview's `best` figure is of, to time it again beside the GraphQL figures. */
  overviewStatement: { text: string; params: unknown[] };
}

async function sqlFigure(sql: Sql, runs: number, hasRollup: boolean, tables: string, rollup: string, params: unknown[]): Promise<SqlFigure> {
  // The base-table statement takes seconds where no statistics guide the planner (PGlite has no
  // autovacuum): then a few runs tell enough, and keep the bench within its time.
  const first = performance.now();
  await sql.query(tables, params);
  const slow = performance.now() - first > 1_000;
  const t = await timeRuns(slow ? 3 : runs, () => sql.query(tables, params), slow ? 0 : 3);
  const r = hasRollup ? await timeRuns(runs, () => sql.query(rollup, params)) : null;
  return { tables: t, rollup: r, best: r && r.p50 < t.p50 ? r : t };
}

async function sqlBaselines(sql: Sql, data: Dataset, slug: string, runs: number): Promise<SqlBaselines> {
  const ids = (await sql.query<{ id: number }>('SELECT id FROM teams ORDER BY id')).map((r) => r.id);
  const [{ id: teamId }] = await sql.query<{ id: number }>('SELECT id FROM teams WHERE slug = $1', [slug]);
  const [{ exists: hasRollup }] = await sql.query<{ exists: boolean }>("SELECT to_regclass('team_day_signals') IS NOT NULL AS exists");
  const from90 = addDays(data.endDate, -89);
  const params = [addDays(from90, -90), data.endDate, ids, from90];
  const overviewRows = await sql.query<Record<string, number | string>>(OVERVIEW_SQL, params);
  if (hasRollup) {
    const rolled = await sql.query<Record<string, number | string>>(OVERVIEW_ROLLUP_SQL, params);
    // Counts must match; hours may differ by the rollup's fixed-point grid, at most 2^-21 h per row
    // summed (migrations/20261207100000_incremental_rollup): 1e-3 h allows ~2,000 rows.
    const tolerance = (k: string) => (k.toLowerCase().includes('hours') ? 1e-3 : 1e-6);
    const differ = rolled.filter((r, i) => Object.keys(r).some((k) => k !== 'slug' && Math.abs(Number(r[k]) - Number(overviewRows[i][k])) > tolerance(k)));
    if (differ.length) log(`WARNING: team_day_signals differs from the base tables for ${differ.length} teams`);
  }
  const overview = await sqlFigure(sql, runs, hasRollup, OVERVIEW_SQL, OVERVIEW_ROLLUP_SQL, params);
  const overviewStatement = { text: overview.best === overview.rollup ? OVERVIEW_ROLLUP_SQL : OVERVIEW_SQL, params };
  const seriesWeek = await sqlFigure(sql, runs, hasRollup, SERIES_WEEK_SQL, SERIES_WEEK_ROLLUP_SQL, [data.startDate, data.endDate, [teamId]]);
  // The plan reads the last lookbackSprints + 3 (default 6) sprints; their span bounds the signals.
  const last = data.sprints.filter((s) => s.team === slug).slice(-6);
  const plan = await sqlFigure(sql, runs, hasRollup, PLAN_SQL, PLAN_ROLLUP_SQL, [last[0].startDate, last.at(-1)!.endDate, [teamId], 6]);
  return { overview, seriesWeek, plan, overviewRows, overviewStatement };
}

/** Checks that the hand-written statement is the same aggregate: equal figures except open pages' hours. */
type OverviewKpis = Record<string, number> & { previous: Record<string, number> };

function compareOverview(graphqlRows: { team: { slug: string }; kpis: OverviewKpis }[], sqlRows: Record<string, number | string>[]) {
  const bySlug = new Map(sqlRows.map((r) => [r.slug as string, r]));
  const mismatches: string[] = [];
  for (const g of graphqlRows) {
    const s = bySlug.get(g.team.slug);
    if (!s) { mismatches.push(`${g.team.slug}: missing in SQL`); continue; }
    for (const f of ['alerts', 'pages', 'sleepInterruptions', 'deploys', 'failedDeploys', 'toilHours']) {
      if (Math.abs(Number(s[f]) - g.kpis[f]) > 1e-6) mismatches.push(`${g.team.slug}.${f}: GraphQL ${g.kpis[f]} vs SQL ${s[f]}`);
    }
    // Hours go out rounded to two decimals (the API's figures); counts exactly.
    const HOURS = 0.005 + 1e-9;
    for (const f of ['alerts', 'pages', 'sleepInterruptions', 'pageHours']) {
      const prev = Number(s[`prev${f[0].toUpperCase()}${f.slice(1)}`]);
      if (Math.abs(prev - g.kpis.previous[f]) > (f === 'pageHours' ? HOURS : 1e-6)) mismatches.push(`${g.team.slug}.previous.${f}: GraphQL ${g.kpis.previous[f]} vs SQL ${prev}`);
    }
    // Open pages add at most 8 hours each, and only to the GraphQL figure.
    const extra = g.kpis.pageHours - Number(s.pageHours);
    if (extra < -HOURS || extra > 200) mismatches.push(`${g.team.slug}.pageHours: GraphQL ${g.kpis.pageHours} vs SQL ${s.pageHours}`);
  }
  return { teams: graphqlRows.length, mismatches: mismatches.slice(0, 20), mismatchCount: mismatches.length };
}

/**
 * Writes the data set through GraphQL. Given the raw database, daily metrics go in turns with the
 * same rows into a bare table there, and pages in turns with the same rows into its page_events
 * (ingestInTurns); those rates are returned beside.
 */
async function ingestAll(server: ServerProcess, env: BenchEnvironment, data: Dataset, rawSql?: Sql) {
  server.setPhase('ingest');
  await createTeams(server.url, env.adminToken, data);
  const graphql: Record<string, Rate> = {};
  let dailyBareInTurns: Rate | undefined;
  let pagesInsertInTurns: Rate | undefined;
  if (rawSql) {
    const tables = await rawTables(rawSql, data);
    log(`ingesting ${data.daily.length.toLocaleString()} daily metrics through GraphQL, in turns with the same rows into a bare table`);
    ({ graphql: graphql.daily, raw: dailyBareInTurns } = await ingestInTurns(server.url, env.adminToken, 'daily', data.daily, rawSql, tables.daily));
    log(`  ${fmtRate(graphql.daily.perSecond)} (bare table ${fmtRate(dailyBareInTurns.perSecond)}); ${data.pages.length.toLocaleString()} pages, in turns with the same rows by INSERT`);
    ({ graphql: graphql.pages, raw: pagesInsertInTurns } = await ingestInTurns(server.url, env.adminToken, 'pages', data.pages, rawSql, tables.pages, 'table'));
    log(`  ${fmtRate(graphql.pages.perSecond)} (INSERT ${fmtRate(pagesInsertInTurns.perSecond)}); ${data.deploys.length.toLocaleString()} deploys`);
  } else {
    log(`ingesting ${data.daily.length.toLocaleString()} daily metrics through GraphQL`);
    graphql.daily = await ingestGraphql(server.url, env.adminToken, 'daily', data.daily);
    log(`  ${fmtRate(graphql.daily.perSecond)}; ${data.pages.length.toLocaleString()} pages`);
    graphql.pages = await ingestGraphql(server.url, env.adminToken, 'pages', data.pages);
    log(`  ${fmtRate(graphql.pages.perSecond)}; ${data.deploys.length.toLocaleString()} deploys`);
  }
  graphql.deploys = await ingestGraphql(server.url, env.adminToken, 'deploys', data.deploys);
  log(`  ${fmtRate(graphql.deploys.perSecond)}; ${data.sprints.length.toLocaleString()} sprints`);
  graphql.sprints = await ingestGraphql(server.url, env.adminToken, 'sprints', data.sprints, 2_000);
  log(`  ${fmtRate(graphql.sprints.perSecond)}`);
  return { graphql, dailyBareInTurns, pagesInsertInTurns };
}

async function analyze(sql: Sql) {
  // PostgreSQL's autovacuum would analyze the freshly loaded tables within a minute or so; the
  // bench does it at once so every run plans with statistics. (PGlite has no autovacuum.)
  if (sql.kind === 'postgres') await sql.query('VACUUM ANALYZE');
}

async function full(opts: BenchOptions) {
  const started = Date.now();
  const loadAtStart = os.loadavg();
  const env = await createEnvironment(opts.embedded, opts.adminUrl, RESULTS, opts.nodeEnv ?? undefined);
  log(`${env.describe()}; ${opts.teams} teams, data set ending ${opts.endDate}; load average ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}`);
  const data = generateDataset(opts.teams, opts.endDate, opts.seed);
  const slug = noisiestTeam(data);
  const range90 = { from: addDays(data.endDate, -89), to: data.endDate };
  const range2y = { from: data.startDate, to: data.endDate };
  const memory: { peakMb: number; byPhaseMb: Record<string, number> }[] = [];
  let server: ServerProcess | null = null;
  onInterrupt(async () => {
    await server?.stop();
    await env.cleanup(false);
  });
  try {
    server = await env.startServer();
    const rawSql = await env.openRawSql(data);
    let raw: Record<string, RawLimits>;
    let graphql: Record<string, Rate>;
    try {
      const ingested = await ingestAll(server, env, data, rawSql);
      graphql = ingested.graphql;
      log('raw limits: multi-row INSERT … ON CONFLICT and COPY');
      raw = await rawLimits(rawSql, await rawTables(rawSql, data), log);
      raw.daily.insertBareInTurns = ingested.dailyBareInTurns;
      raw.pages.insertInTurns = ingested.pagesInsertInTurns;
    } finally {
      await rawSql.close();
    }

    if (env.mode === 'embedded') {
      memory.push(server.memory());
      await server.stop();
      server = null;
    }
    log('hand-written SQL');
    const sql = await env.openSql();
    let baselines: SqlBaselines;
    let counts: Record<string, number>;
    try {
      await analyze(sql);
      baselines = await sqlBaselines(sql, data, slug, opts.runs);
      const [c] = await sql.query<Record<string, number>>(
        `SELECT (SELECT count(*) FROM daily_metrics) AS daily_metrics, (SELECT count(*) FROM page_events) AS page_events,
                (SELECT count(*) FROM page_event_days) AS page_event_days, (SELECT count(*) FROM deploy_events) AS deploy_events,
                (SELECT count(*) FROM sprints) AS sprints, (SELECT count(*) FROM page_events WHERE resolved_at IS NULL) AS open_pages,
                pg_database_size(current_database()) AS bytes`,
      );
      counts = c;
    } finally {
      await sql.close();
    }
    if (!server) server = await env.startServer();

    log('GraphQL latencies');
    server.setPhase('queries');
    const token = env.adminToken;
    const check = await gql(server.url, token, OVERVIEW, { range: range90 })
      .then((d) => compareOverview(d.overview, baselines.overviewRows))
      .catch((e: Error) => ({ teams: 0, mismatches: [`overview failed: ${e.message.slice(0, 200)}`], mismatchCount: 1 }));
    if (check.mismatchCount) log(`WARNING: overview and hand-written SQL differ: ${check.mismatches.join('; ')}`);
    // Every figure is computed (Cache-Control: no-cache), as after each write; the overview is also
    // timed as served while the data does not change, from the response cache.
    const computed = () => gql(server!.url, token, OVERVIEW, { range: range90 }, COMPUTE);
    const cached = () => gql(server!.url, token, OVERVIEW, { range: range90 });
    let overview: Latency;
    let overviewCached: Latency;
    let overviewSql = baselines.overview;
    if (env.mode === 'embedded') {
      // PGlite serves one connection: its SQL figure is the one timed with the server stopped.
      overview = await timeRuns(opts.runs, computed);
      overviewCached = await timeRuns(opts.runs, cached);
    } else {
      // The overview's targets are ratios to its hand-written statement: the three are timed in
      // turns, so the machine's drift between minutes (other work, a neighbour's) moves them alike.
      const sql = await env.openSql();
      try {
        const { statement, ...turns } = await timeInTurns(opts.runs, { statement: () => sql.query(baselines.overviewStatement.text, baselines.overviewStatement.params), computed, cached });
        ({ computed: overview, cached: overviewCached } = turns);
        const which = baselines.overview.best === baselines.overview.rollup ? 'rollup' : 'tables';
        overviewSql = { ...baselines.overview, [which]: statement, best: statement, inTurns: true };
        log(`  overview's hand-written SQL, in turns ${fmtLatency(statement)}`);
      } finally {
        await sql.close();
      }
    }
    log(`  overview ${fmtLatency(overview)}`);
    log(`  overview from the cache ${fmtLatency(overviewCached)}`);
    const overviewCharts = await timeRuns(Math.max(5, Math.round(opts.runs / 3)), () => gql(server!.url, token, OVERVIEW_SERIES, { range: range90, sparkBucket: 'WEEK' }, COMPUTE), 1);
    log(`  overview charts ${fmtLatency(overviewCharts)}`);
    const series = await timeRuns(opts.runs, () => gql(server!.url, token, TEAM_SERIES, { slug, range: range2y, bucket: 'WEEK' }, COMPUTE));
    log(`  series ${fmtLatency(series)}`);
    const plan = await timeRuns(opts.runs, () => gql(server!.url, token, TEAM_PLAN, { slug }, COMPUTE));
    log(`  plan ${fmtLatency(plan)}`);

    let load: LoadResult | null = null;
    let loadComputed: LoadResult | null = null;
    let bare: (LoadResult & { bytes: number }) | null = null;
    let live: LiveResult | null = null;
    if (!opts.skipLoad) {
      const body = JSON.stringify({ query: OVERVIEW, variables: { range: range90 } });
      const summary = (l: LoadResult) => `${l.requestsPerSecond} req/s, p99 ${fmtMs(l.latencyMs.p99)}, errors ${l.errors + l.non2xx + l.timeouts + l.graphqlErrors}`;
      log(`load: ${opts.connections} clients on overview for ${opts.loadSeconds} s`);
      server.setPhase('load');
      load = await loadTest(server.url, token, body, opts.connections, opts.loadSeconds);
      log(`  ${summary(load)}`);
      // The limit: the same bytes from a bare Node server (bench/bare-server.mjs), same clients.
      const served = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      const bytes = Buffer.from(await served.arrayBuffer());
      log(`bare Node server sending the overview's ${bytes.length.toLocaleString('en-US')} bytes: ${opts.connections} clients for ${opts.loadSeconds} s`);
      const bareServer = await startBareServer(bytes, served.headers.get('etag'));
      try {
        bare = { ...(await loadTest(bareServer.url, token, body, opts.connections, opts.loadSeconds)), bytes: bytes.length };
      } finally {
        await bareServer.stop();
      }
      log(`  ${summary(bare)}`);
      log(`live: ${opts.connections} clients on overview while pages stream in at 10/s, one recordPages call each, for ${opts.loadSeconds} s`);
      server.setPhase('live');
      live = await liveTest(server.url, token, body, data, opts.connections, opts.loadSeconds);
      log(`  ${summary(live.load)}; writes ${live.writes.succeeded}/${live.writes.sent} ok (${live.writes.perSecond}/s, p50 ${live.writes.latencyMs.p50} ms)${live.writes.firstError ? `; first error: ${live.writes.firstError}` : ''}`);
      log(`load, fresh answers (no-cache; identical requests arriving during a computation share the next one): ${opts.connections} clients for ${opts.loadSeconds} s`);
      server.setPhase('load computed');
      loadComputed = await loadTest(server.url, token, body, opts.connections, opts.loadSeconds, COMPUTE);
      log(`  ${summary(loadComputed)}`);
    }
    memory.push(server.memory());
    await server.stop();
    server = null;

    log(opts.skipBuild ? 'bundle sizes (dist/client as built)' : 'bundle sizes (vite build)');
    let bundle: BundleSizes | null = null;
    try {
      bundle = bundleSizes(ROOT, !opts.skipBuild);
    } catch (e) {
      log(`no bundle sizes: ${e instanceof Error ? e.message : e}`);
    }

    const result = {
      issue: 19,
      mode: env.mode,
      startedAt: new Date(started).toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      git: gitDescribe(),
      machine: machine(),
      serverNodeEnv: opts.nodeEnv,
      // Other work on the machine slows every figure: the 1-minute load average before and after.
      loadAverage: { start: round2(loadAtStart[0]), end: round2(os.loadavg()[0]) },
      // Ingestion calls retried after a busy answer or a cut connection, and waits for the rate limit.
      retries: { busy: busyRetries, rateLimited: rateLimitedWaits },
      dataset: { teams: opts.teams, seed: opts.seed, startDate: data.startDate, endDate: data.endDate, singleTeam: slug, stored: counts },
      ingestion: Object.fromEntries(
        (['daily', 'pages', 'deploys'] as const).map((k) => [k, {
          graphql: graphql[k], ...raw[k],
          ratio: round2((raw[k].insertInTurns ?? raw[k].insert).perSecond / graphql[k].perSecond),
          ratioWithoutTriggers: round2(raw[k].insertWithoutTriggers.perSecond / graphql[k].perSecond),
          ...(raw[k].insertWithDays ? { ratioWithDays: round2(raw[k].insertWithDays!.perSecond / graphql[k].perSecond) } : {}),
        }]),
      ),
      sprintsIngestion: graphql.sprints,
      queries: {
        overview90d: { graphql: overview, cached: overviewCached, sql: overviewSql, ratio: round2(overview.p50 / overviewSql.best.p50), check },
        overviewCharts90d: { graphql: overviewCharts },
        teamSeries2yWeek: { graphql: series, sql: baselines.seriesWeek, ratio: round2(series.p50 / baselines.seriesWeek.best.p50) },
        teamPlan: { graphql: plan, sql: baselines.plan, ratio: round2(plan.p50 / baselines.plan.best.p50) },
      },
      load,
      bare,
      live,
      loadComputed,
      serverMemory: { peakRssMb: Math.round(Math.max(...memory.map((m) => m.peakMb))), byPhaseMb: Object.assign({}, ...memory.map((m) => m.byPhaseMb)) },
      bundle,
    };
    const rows = tableRows(result);
    const targets = rows.filter((r) => r.ok !== undefined && r.ok !== null).map((r) => ({ figure: r.figure, target: r.target, value: r.headroom, ratio: r.ratio, ok: r.ok }));
    fs.mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, opts.out ?? `bench-${env.mode}-${opts.teams}teams-${result.startedAt.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify({ ...result, targets }, null, 2) + '\n');
    console.log('\n' + printTable(rows) + '\n');
    log(`results: ${path.relative(ROOT, file)} (${result.durationSeconds} s)`);
  } finally {
    if (server) await server.stop();
    await env.cleanup(opts.keep);
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** On Ctrl-C or SIGTERM: stop the server and drop the database before exiting. */
function onInterrupt(cleanup: () => Promise<void>) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      cleanup().finally(() => process.exit(130));
    });
  }
}

type FullResult = {
  ingestion: Record<string, RawLimits & { graphql: Rate; ratio: number; ratioWithoutTriggers: number; ratioWithDays?: number }>;
  queries: {
    overview90d: { graphql: Latency; cached: Latency; sql: SqlFigure; ratio: number };
    overviewCharts90d: { graphql: Latency };
    teamSeries2yWeek: { graphql: Latency; sql: SqlFigure; ratio: number };
    teamPlan: { graphql: Latency; sql: SqlFigure; ratio: number };
  };
  load: LoadResult | null;
  bare: (LoadResult & { bytes: number }) | null;
  live: LiveResult | null;
  loadComputed: LoadResult | null;
  serverMemory: { peakRssMb: number };
  bundle: BundleSizes | null;
};

/** "rollup ms (tables ms)": the SQL limit on the schema as it is, and over the base tables. */
function sqlCell(f: SqlFigure, p: 'p50' | 'p95'): string {
  const turns = f.inTurns ? ', in turns' : '';
  return f.rollup ? `${fmtMs(f.rollup[p])} (tables ${fmtMs(f.tables[p])})${turns}` : `${fmtMs(f.tables[p])}${turns}`;
}

function tableRows(r: FullResult): Row[] {
  const names: Record<string, string> = { daily: 'ingest daily metrics', pages: 'ingest page events', deploys: 'ingest deploy events' };
  const rows: Row[] = Object.entries(r.ingestion).map(([k, v]) => ({
    figure: `${names[k]} (GraphQL, 5,000/call)`,
    headroom: fmtRate(v.graphql.perSecond),
    limit: v.insertInTurns ? `${fmtRate(v.insertInTurns.perSecond)}, in turns` : fmtRate(v.insert.perSecond),
    copy: fmtRate(v.copy.perSecond),
    ratio: `${fmtRatio(v.ratio)} (${fmtRatio(v.ratioWithoutTriggers)} bare${v.ratioWithDays ? `, ${fmtRatio(v.ratioWithDays)} with day rows` : ''})`,
    target: 'ratio ≤ 2.0',
    ok: v.ratio <= 2.0,
  }));
  const daily = r.ingestion.daily;
  if (daily) {
    const bare = daily.insertBareInTurns ?? daily.insertBare;
    const ratio = bare.perSecond / daily.graphql.perSecond;
    rows.push({ figure: 'ingest daily metrics vs a bare table (columns + key, no triggers)', headroom: fmtRate(daily.graphql.perSecond), limit: `${fmtRate(bare.perSecond)}${daily.insertBareInTurns ? ', in turns' : ''}`, ratio: fmtRatio(ratio), target: 'ratio ≤ 3.0', ok: ratio <= 3 });
  }
  const q = r.queries;
  rows.push(
    { figure: 'overview(90 days) p50', headroom: fmtMs(q.overview90d.graphql.p50) + (q.overview90d.graphql.errors ? ` (${q.overview90d.graphql.errors} failed)` : ''), limit: sqlCell(q.overview90d.sql, 'p50'), ratio: fmtRatio(q.overview90d.ratio), target: '≤ 2× SQL, ≤ 150 ms', ok: q.overview90d.ratio <= 2 && q.overview90d.graphql.p50 <= 150 },
    { figure: 'overview(90 days) p95', headroom: fmtMs(q.overview90d.graphql.p95), limit: sqlCell(q.overview90d.sql, 'p95'), ratio: fmtRatio(q.overview90d.graphql.p95 / q.overview90d.sql.best.p95) },
    { figure: 'overview(90 days) from the cache p50/p95', headroom: fmtLatency(q.overview90d.cached), limit: sqlCell(q.overview90d.sql, 'p50'), ratio: fmtRatio(q.overview90d.cached.p50 / q.overview90d.sql.best.p50), target: '< 0.5× SQL', ok: q.overview90d.cached.p50 / q.overview90d.sql.best.p50 < 0.5 },
    { figure: 'overview charts (every team, WEEK) p50/p95', headroom: fmtLatency(q.overviewCharts90d.graphql), limit: '' },
    { figure: 'team.series(2 years, WEEK) p50', headroom: fmtMs(q.teamSeries2yWeek.graphql.p50) + (q.teamSeries2yWeek.graphql.errors ? ` (${q.teamSeries2yWeek.graphql.errors} failed)` : ''), limit: sqlCell(q.teamSeries2yWeek.sql, 'p50'), ratio: fmtRatio(q.teamSeries2yWeek.ratio) },
    { figure: 'team.series(2 years, WEEK) p95', headroom: fmtMs(q.teamSeries2yWeek.graphql.p95), limit: sqlCell(q.teamSeries2yWeek.sql, 'p95') },
    { figure: 'team.plan p50', headroom: fmtMs(q.teamPlan.graphql.p50) + (q.teamPlan.graphql.errors ? ` (${q.teamPlan.graphql.errors} failed)` : ''), limit: sqlCell(q.teamPlan.sql, 'p50'), ratio: fmtRatio(q.teamPlan.ratio), target: 'p50 ≤ 50 ms', ok: q.teamPlan.graphql.p50 <= 50 },
    { figure: 'team.plan p95', headroom: fmtMs(q.teamPlan.graphql.p95), limit: sqlCell(q.teamPlan.sql, 'p95') },
  );
  if (r.load) {
    const errors = r.load.errors + r.load.non2xx + r.load.timeouts + r.load.graphqlErrors;
    rows.push(
      { figure: `load: ${r.load.connections} clients × ${r.load.seconds} s on overview`, headroom: `${r.load.requestsPerSecond} req/s`, limit: '' },
      { figure: 'load p99 / errors', headroom: `${fmtMs(r.load.latencyMs.p99)} / ${errors}`, limit: '', target: 'p99 ≤ 1 s, 0 errors', ok: r.load.requests > 0 && r.load.latencyMs.p99 <= 1000 && errors === 0 },
    );
  }
  if (r.load && r.bare) {
    const share = r.load.requestsPerSecond / r.bare.requestsPerSecond;
    const errors = r.load.errors + r.load.non2xx + r.load.timeouts + r.load.graphqlErrors;
    rows.push({ figure: `served vs a bare Node server sending the same ${Math.round(r.bare.bytes / 1024)} KB`, headroom: `${r.load.requestsPerSecond} req/s`, limit: `${r.bare.requestsPerSecond} req/s`, ratio: `${Math.round(share * 100)}%`, target: '≥ 25%, 0 errors', ok: share >= 0.25 && errors === 0 });
  }
  if (r.load && r.live) {
    const l = r.live.load;
    const share = l.requestsPerSecond / r.load.requestsPerSecond;
    const errors = l.errors + l.non2xx + l.timeouts + l.graphqlErrors;
    const w = r.live.writes;
    rows.push(
      { figure: `live: overview while pages stream in at ${w.perSecondTarget}/s`, headroom: `${l.requestsPerSecond} req/s, p99 ${fmtMs(l.latencyMs.p99)}, ${errors} errors`, limit: `${r.load.requestsPerSecond} req/s quiet`, ratio: `${Math.round(share * 100)}%`, target: '≥ 50% of quiet, 0 errors', ok: share >= 0.5 && errors === 0 },
      { figure: 'live: writes (one recordPages call each)', headroom: `${w.succeeded}/${w.sent} ok, ${w.perSecond}/s, p50 ${fmtMs(w.latencyMs.p50)}`, limit: '', target: 'every write succeeds', ok: w.sent > 0 && w.failed === 0 },
    );
  }
  if (r.loadComputed) {
    const l = r.loadComputed;
    const errors = l.errors + l.non2xx + l.timeouts + l.graphqlErrors;
    rows.push({ figure: `load, fresh answers (no-cache): req/s, p99 / errors`, headroom: `${l.requestsPerSecond} req/s, ${fmtMs(l.latencyMs.p99)} / ${errors}`, limit: '' });
  }
  rows.push({ figure: 'server peak RSS (VmHWM)', headroom: `${r.serverMemory.peakRssMb} MB`, limit: '', target: '≤ 250 MB', ok: r.serverMemory.peakRssMb <= 250 });
  if (r.bundle) {
    rows.push(
      { figure: 'overview initial JS (gzip)', headroom: `${r.bundle.overviewInitialJsGzipKb} KB`, limit: '' },
      { figure: 'overview initial JS as the browser receives it (brotli)', headroom: `${r.bundle.overviewInitialJsBrotliKb} KB`, limit: '', target: '≤ 150 KB', ok: r.bundle.overviewInitialJsBrotliKb <= 150 },
    );
  }
  return rows;
}

/** The growth curve: overview latency at several org sizes, one fresh data set each. */
async function growth(opts: BenchOptions) {
  const started = Date.now();
  const points = [];
  for (const teams of opts.growth!) {
    const env = await createEnvironment(opts.embedded, opts.adminUrl, RESULTS, opts.nodeEnv ?? undefined);
    let server: ServerProcess | null = null;
    onInterrupt(async () => {
      await server?.stop();
      await env.cleanup(false);
    });
    try {
      log(`growth: ${teams} teams (${env.describe()})`);
      const data = generateDataset(teams, opts.endDate, opts.seed);
      server = await env.startServer();
      const t = performance.now();
      const { graphql } = await ingestAll(server, env, data);
      const ingestSeconds = Math.round((performance.now() - t) / 100) / 10;
      if (env.mode === 'embedded') { await server.stop(); server = null; }
      const sql = await env.openSql();
      let sqlOverview: SqlFigure;
      try {
        await analyze(sql);
        const ids = (await sql.query<{ id: number }>('SELECT id FROM teams')).map((r) => r.id);
        const [{ exists }] = await sql.query<{ exists: boolean }>("SELECT to_regclass('team_day_signals') IS NOT NULL AS exists");
        const from = addDays(data.endDate, -89);
        sqlOverview = await sqlFigure(sql, opts.runs, exists, OVERVIEW_SQL, OVERVIEW_ROLLUP_SQL, [addDays(from, -90), data.endDate, ids, from]);
      } finally {
        await sql.close();
      }
      if (!server) server = await env.startServer();
      const range = { from: addDays(data.endDate, -89), to: data.endDate };
      const overview = await timeRuns(opts.runs, () => gql(server!.url, env.adminToken, OVERVIEW, { range }, COMPUTE));
      const records = data.daily.length + data.pages.length + data.deploys.length;
      points.push({ teams, records, ingestSeconds, ingestion: graphql, overview, sql: sqlOverview, ratio: round2(overview.p50 / sqlOverview.best.p50), serverMemory: server.memory() });
      log(`  overview ${fmtLatency(overview)}; SQL ${fmtLatency(sqlOverview.best)}`);
    } finally {
      if (server) await server.stop();
      await env.cleanup(opts.keep);
    }
  }
  const result = { issue: 8, kind: 'growth', mode: opts.embedded ? 'embedded' : 'postgres', startedAt: new Date(started).toISOString(), durationSeconds: Math.round((Date.now() - started) / 1000), command: `npm run bench -- ${process.argv.slice(2).join(' ')}`, git: gitDescribe(), machine: machine(), points };
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, opts.out ?? `growth-${result.mode}-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log('\n' + printTable(points.map((p) => ({
    figure: `overview(90 days), ${p.teams} teams (${p.records.toLocaleString('en-US')} records)`,
    headroom: fmtLatency(p.overview),
    limit: `${fmtLatency(p.sql.best)}${p.sql.rollup ? ` (tables ${fmtLatency(p.sql.tables)})` : ''}`,
    ratio: fmtRatio(p.ratio),
  }))) + '\n');
  log(`results: ${path.relative(ROOT, file)} (${result.durationSeconds} s)`);
}

const opts = parseArgs(process.argv.slice(2));
(opts.growth ? growth(opts) : full(opts)).catch((e) => {
  console.error(e);
  process.exit(1);
});
