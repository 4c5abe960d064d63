import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startArgs } from '../../scripts/start-args';
import { freePort } from '../../scripts/free-port';

// What `npm start` runs: the server bundle (scripts/build-server.mjs, built by `npm run build`
// before the tests) on the embedded database, seeded with demo data on first start.
const BUNDLE = path.resolve(import.meta.dirname, '../../dist/server.mjs');

describe('the bundled server, as npm start runs it', () => {
  let child: ChildProcess;
  let output = '';
  let url: string;
  let dataDir: string;

  beforeAll(async () => {
    expect(fs.existsSync(BUNDLE), 'dist/server.mjs is built by npm run build').toBe(true);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-start-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HEADROOM_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    child = spawn(process.execPath, startArgs(), { cwd: path.dirname(path.dirname(BUNDLE)), env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not listening after 60 s:\n${output}`)), 60_000);
      const check = () => {
        if (output.includes('Headroom is listening')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
  }, 90_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the dashboard, the health check and the demo data to the first admin token', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const token = fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ teams { slug } }' }),
    });
    const { data, errors } = await res.json();
    expect(errors).toBeUndefined();
    expect(data.teams.length).toBeGreaterThanOrEqual(3);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('stopped');
  });
});
