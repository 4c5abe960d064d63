import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs the command line as a user would, in a child process; never throws on a non-zero exit. */
export function headroom(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'server/cli/main.ts', ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/**
 * An empty PostgreSQL database of the test's own (no migrations run) and a temporary data folder,
 * with the environment that points the command line at them; drop() removes both.
 */
export async function cliDatabase(label: string): Promise<{ name: string; url: string; tmp: string; env: Record<string, string>; drop(): Promise<void> }> {
  const name = `headroom_test_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `headroom-${label}-`));
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    name, url, tmp,
    env: { DATABASE_URL: url, HEADROOM_DATA_DIR: tmp },
    async drop() {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
