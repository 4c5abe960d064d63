import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from './harness';

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs the command line as an operator would, in a child process; never throws on a non-zero exit. */
function headroom(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'server/cli/main.ts', ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('headroom signin-link (command line, PostgreSQL)', () => {
  let s: TestServer;
  let env: Record<string, string>;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-signin-link-'));

  beforeAll(async () => {
    s = await startTestServer('postgres');
    const { rows } = await s.db.raw('SELECT current_database() AS name');
    env = { DATABASE_URL: ADMIN_URL.replace(/\/[^/]*$/, `/${rows[0].name}`), HEADROOM_DATA_DIR: tmp, PORT: '4321', HOST: '127.0.0.1' };
  });
  afterAll(async () => {
    await s?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const redeem = (code: string) =>
    fetch(`${s.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });

  it('prints a fresh one-time link for the first admin token, or for the token named', { timeout: 120_000 }, async () => {
    const first = await headroom(['signin-link'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).not.toContain(s.adminToken);
    const code = /http:\/\/127\.0\.0\.1:4321\/signin#code=([\w-]+)/.exec(first.stdout)?.[1];
    expect(code, first.stdout).toBeDefined();
    const res = await redeem(code!);
    expect(res.status).toBe(200);
    expect((await res.json()).name).toBe('test admin');
    expect((await redeem(code!)).status).toBe(401);

    const { createToken } = (await s.gql(`mutation { createToken(input: { name: "reader", scopes: [read] }) { id } }`)).data;
    const named = await headroom(['signin-link', '--token', createToken.id, '--url', 'https://headroom.example.com/'], env);
    expect(named.code, named.stderr).toBe(0);
    const other = /https:\/\/headroom\.example\.com\/signin#code=([\w-]+)/.exec(named.stdout)?.[1];
    expect(other, named.stdout).toBeDefined();
    expect((await (await redeem(other!)).json()).name).toBe('reader');

    const unknown = await headroom(['signin-link', '--token', '5b0c3f4e-0000-4000-8000-000000000000'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No live token with id "5b0c3f4e-0000-4000-8000-000000000000"');
  });
});
