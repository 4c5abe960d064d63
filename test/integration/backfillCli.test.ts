import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Knex } from 'knex';
import { createDb, migrate } from '../../server/db/index';
import { SYSTEM } from '../../server/core/viewer';
import { upsertTeams } from '../../server/teams/service';
import { startRecordedApi, type RecordedApi } from './recordedApi';

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const GITHUB_TOKEN = 'ghp_cliFixtureToken0000000000000000000000';
const JIRA = { JIRA_EMAIL: 'planner@acme.example', JIRA_API_TOKEN: 'ATATT3xFfGF0cliFixtureToken' };
const REPO = '/repos/acme/payments-api';
const SPRINTS = '/rest/agile/1.0/board/42/sprint?maxResults=50';

/** Runs the command line as a user would, in a child process; never throws on a non-zero exit. */
function headroom(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'server/cli/main.ts', ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('headroom backfill (command line, recorded vendor APIs, PostgreSQL)', () => {
  const name = `headroom_test_backfill_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-backfill-'));
  let db: Knex;
  let github: RecordedApi;
  let jira: RecordedApi;
  let env: Record<string, string>;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    db = createDb({ databaseUrl: url });
    await migrate(db);
    await upsertTeams(db, [{ slug: 'payments', name: 'Payments', members: 5, timezone: 'Europe/Berlin' }], SYSTEM);
    github = await startRecordedApi({
      fixtures: path.join(FIXTURES, 'github'),
      authorization: `Bearer ${GITHUB_TOKEN}`,
      unauthorized: 'error.bad-credentials',
      vars: { reset: String(Math.floor(Date.now() / 1000) + 3600) },
      routes: {
        [REPO]: ['repository'],
        [`${REPO}/deployments?per_page=100`]: ['deployments.page1'],
        ['/repositories/1296269/deployments?page=2&per_page=100']: ['deployments.page2'],
        ...Object.fromEntries([1003, 1002, 1001, 1000].map((id) => [`${REPO}/deployments/${id}/statuses?per_page=100`, [`statuses.${id}`]])),
        [`${REPO}/commits/c3a1f9e0b5d24c7e8a6f1b2d3e4f5a6b7c8d9e0f`]: ['commit.c3a1f9e0b5d24c7e8a6f1b2d3e4f5a6b7c8d9e0f'],
      },
    });
    jira = await startRecordedApi({
      fixtures: path.join(FIXTURES, 'jira'),
      authorization: `Basic ${Buffer.from(`${JIRA.JIRA_EMAIL}:${JIRA.JIRA_API_TOKEN}`).toString('base64')}`,
      unauthorized: 'error.unauthorized',
      routes: Object.fromEntries([0, 3, 6].map((at, i) => [`${SPRINTS}&startAt=${at}&state=closed,active,future`, [`sprints.page${i + 1}`]])),
    });
    env = { DATABASE_URL: url, HEADROOM_DATA_DIR: tmp, GITHUB_API_URL: github.url, JIRA_URL: jira.url };
  });
  afterAll(async () => {
    await github?.close();
    await jira?.close();
    await db?.destroy();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('backfills GitHub deployments; a bad token is a clear error that never prints it', { timeout: 120_000 }, async () => {
    const refused = await headroom(['backfill', 'github', '--repo', 'acme/payments-api', '--since', '2026-03-01', '--until', '2026-03-31'], { ...env, GITHUB_TOKEN: 'ghp_wrongSecretValue' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('GitHub refused GITHUB_TOKEN (401 Bad credentials)');
    expect(refused.stdout + refused.stderr).not.toContain('ghp_wrongSecretValue');
    expect(await db('deploy_events').count('* as n').first()).toEqual({ n: 0 });

    const ok = await headroom(['backfill', 'github', '--repo', 'acme/payments-api', '--since', '2026-03-01', '--until', '2026-03-31'], { ...env, GITHUB_TOKEN });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`Backfilled acme/payments-api deployments 2026-03-01 – 2026-03-31 into PostgreSQL database "${name}"`);
    expect(ok.stdout).toContain('4 deployments read (2 pages, 8 requests); 1 without a final status skipped.');
    expect(ok.stdout).toContain('3 inserted, 0 updated, 0 unchanged; 2 to production, 1 with a lead time.');
    expect(ok.stdout).toContain('3 unrouted: map them with  headroom mapping set --source github --key acme/payments-api --team SLUG');
    expect(ok.stdout).not.toContain(GITHUB_TOKEN);

    const usage = await headroom(['backfill', 'github', '--repo', 'acme/payments-api'], { ...env, GITHUB_TOKEN });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--since is required (YYYY-MM-DD)');
  });

  it("backfills a Jira board's sprints into a team; a missing credential is a usage error", { timeout: 120_000 }, async () => {
    const missing = await headroom(['backfill', 'jira', '--board', '42', '--team', 'payments'], { ...env, JIRA_EMAIL: JIRA.JIRA_EMAIL });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('JIRA_API_TOKEN is not set');

    const ok = await headroom(['backfill', 'jira', '--board', '42', '--team', 'payments'], { ...env, ...JIRA });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Backfilled Jira board 42 into team "payments"');
    expect(ok.stdout).toContain('9 sprints read, 8 recorded, 1 skipped.');
    expect(ok.stdout).toMatch(/PAY Sprint 1 +2026-09-07 – 2026-09-20/);
    expect(ok.stdout).toContain('skipped PAY Sprint 9: future sprint without a start date');
    expect(ok.stdout + ok.stderr).not.toContain(JIRA.JIRA_API_TOKEN);
    expect(await db('sprints').count('* as n').first()).toEqual({ n: 8 });

    const none = await headroom(['backfill'], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('backfill needs a source: pagerduty, github, or jira');
  });
});
