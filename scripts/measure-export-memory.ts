/**
 * Measures that GET /api/export.csv streams: 500 teams × 2 years of daily metrics, exported for
 * the whole two years, while the server's resident memory is sampled from /proc. Prints the peak
 * RSS before and during the export and the export's size. Needs PostgreSQL at 127.0.0.1:5432.
 *
 *   npx tsx scripts/measure-export-memory.ts [--teams 500]
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startArgs } from './start-args';

const { values } = parseArgs({ options: { teams: { type: 'string', default: '500' } } });
const TEAMS = Number(values.teams);
const DAYS = 730;
const ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = `headroom_export_${process.pid}`;
const DB_URL = `postgres://postgres@127.0.0.1:5432/${NAME}`;
const TOKEN = `hr_${'m'.repeat(43)}`;
const PORT = 4390;

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

async function main() {
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${NAME}`);
  // The server as npm start runs it: the bundle, with its heap settings.
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  const server = spawn(process.execPath, startArgs(), {
    env: { ...process.env, DATABASE_URL: DB_URL, PORT: String(PORT), HEADROOM_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    for (let i = 0; i < 120; i++) {
      if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    console.error('server ready; loading data');
    // Bulk-load straight into PostgreSQL: the ingestion path is measured by npm run bench.
    const db = new pg.Client({ connectionString: DB_URL });
    await db.connect();
    await db.query(`INSERT INTO teams (slug, name, members) SELECT 'team-' || g, 'Team ' || g, 6 FROM generate_series(1, $1) g`, [TEAMS]);
    await db.query(
      `INSERT INTO daily_metrics (team_id, date, source, alerts, pages, page_hours, deploys, failed_deploys, toil_hours)
       SELECT t.id, d::date, 'bulk', (random() * 20)::int, (random() * 2)::int, random() * 3, (random() * 5)::int, 0, random() * 2
         FROM teams t CROSS JOIN generate_series(current_date - $1::int + 1, current_date, interval '1 day') d`,
      [DAYS],
    );
    await db.end();
    const pid = server.pid!;
    console.error(`data loaded; exporting (server pid ${pid})`);
    const idle = rssKb(pid);
    let peak = idle;
    const sampler = setInterval(() => { peak = Math.max(peak, rssKb(pid)); }, 100);
    const from = new Date(Date.now() - (DAYS - 1) * 864e5).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const started = Date.now();
    const res = await fetch(`${base}/api/export.csv?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    let bytes = 0;
    let firstByteMs = 0;
    for await (const chunk of res.body!) {
      if (!firstByteMs) firstByteMs = Date.now() - started;
      bytes += (chunk as Uint8Array).length;
    }
    clearInterval(sampler);
    console.log(JSON.stringify({ teams: TEAMS, days: DAYS, dailyRows: TEAMS * DAYS, status: res.status, bytes, firstByteMs, totalMs: Date.now() - started, rssIdleMb: Math.round(idle / 1024), rssPeakMb: Math.round(peak / 1024) }));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
