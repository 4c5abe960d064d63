import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startArgs } from '../../scripts/start-args';
import { freePort } from '../../scripts/free-port';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * A deployment as `npm ci --omit=dev` leaves it: what `npm run build` wrote (dist/, built before the
 * tests by `npm test`), the start and bin entries, and a node_modules holding only the production
 * packages of package-lock.json (linked from the checkout's). Nothing else resolves from there, so
 * a bundle importing a devDependency, or a start that needs a build tool, fails here.
 */
function productionCopy(): string {
  for (const built of ['dist/server.mjs', 'dist/cli.mjs', 'dist/client/index.html']) {
    expect(fs.existsSync(path.join(ROOT, built)), `${built} is built by npm run build`).toBe(true);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-deploy-'));
  for (const p of ['package.json', 'dist', 'scripts/start.mjs', 'scripts/dist.mjs', 'bin/headroom.mjs']) {
    fs.cpSync(path.join(ROOT, p), path.join(dir, p), { recursive: true });
  }
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  for (const [key, entry] of Object.entries<{ dev?: boolean; devOptional?: boolean }>(lock.packages)) {
    // Top-level packages only: a linked package brings its nested node_modules along.
    if (!key.startsWith('node_modules/') || key.lastIndexOf('node_modules/') !== 0 || entry.dev || entry.devOptional) continue;
    const target = path.join(ROOT, key);
    if (!fs.existsSync(target)) continue; // optional, for another platform
    fs.mkdirSync(path.dirname(path.join(dir, key)), { recursive: true });
    fs.symlinkSync(fs.realpathSync(target), path.join(dir, key), 'dir');
  }
  return dir;
}

interface Started {
  child: ChildProcess;
  output(): string;
  /** Resolves when the output contains `text`; rejects if the process exits first. */
  waitFor(text: string): Promise<void>;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
// SIGTERM, not SIGKILL: npm forwards it to the server, which stops; a killed npm would leave it running.
afterAll(() => children.filter((c) => c.exitCode === null && c.signalCode === null).forEach((c) => c.kill('SIGTERM')));

function run(command: string, args: string[], opts: { cwd: string; env: Record<string, string | undefined> }): Started {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...opts.env };
  const child = spawn(command, args, { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d;
    waiters.forEach((w) => w());
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor: (text) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (output.includes(text)) {
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
        check();
        void exited.then((code) => reject(new Error(`exited with ${code} before "${text}":\n${output}`)));
      }),
  };
}

/** A fresh clone after `npm install`: the tracked files and the checkout's node_modules, no dist/. */
function freshClone(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-clone-'));
  const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const file of tracked) fs.cpSync(path.join(ROOT, file), path.join(dir, file));
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start on a deployment with production dependencies only', () => {
  let deploy: string;
  let dataDir: string;
  let port: number;
  let url: string;
  let server: Started;
  let pid: number;
  const tmp: string[] = [];

  beforeAll(async () => {
    deploy = productionCopy();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-start-'));
    tmp.push(deploy, dataDir);
    // A lock left by a server killed before a container restart: its PID now belongs to a live
    // process (this one) that started at another time. It must not keep the new server out.
    const bootId = fs.existsSync('/proc/sys/kernel/random/boot_id') ? fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() : undefined;
    fs.writeFileSync(path.join(dataDir, 'headroom.lock'), JSON.stringify({ pid: process.pid, start: '1', boot: bootId }));
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = run('npm', ['start'], { cwd: deploy, env: { PORT: String(port), HEADROOM_DATA_DIR: dataDir } });
    await server.waitFor('Headroom is listening');
    pid = JSON.parse(server.output().split('\n').find((l) => l.includes('Headroom is listening'))!).pid;
  }, 120_000);

  afterAll(() => {
    if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    tmp.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
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

  it('prints the sign-in link only once the port is its own', () => {
    const out = server.output();
    expect(out.indexOf('/signin')).toBeGreaterThan(out.indexOf('Headroom is listening'));
  });

  it('sends the dashboard precompressed as the browser accepts it; hashed assets are cached for a year, index.html revalidated', async () => {
    const index = await fetch(`${url}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const script = (await index.text()).match(/src="(\/assets\/index-[^"]+\.js)"/)![1];
    const raw = fs.readFileSync(path.join(deploy, 'dist/client', script));

    const br = await fetch(`${url}${script}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(Number(br.headers.get('content-length'))).toBeLessThan(raw.length / 2);
    expect(Buffer.from(await br.arrayBuffer()).equals(raw)).toBe(true); // fetch decodes: the same script

    const gz = await fetch(`${url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(`${url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(raw.length);
  });

  it('runs the headroom command from its bundle', () => {
    const help = spawnSync(process.execPath, [path.join(deploy, 'bin/headroom.mjs'), 'help'], { encoding: 'utf8' });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('token');
    // The server holds the embedded database: the command says so instead of opening it twice.
    const busy = spawnSync(process.execPath, [path.join(deploy, 'bin/headroom.mjs'), 'token', 'list'], { encoding: 'utf8', env: { ...process.env, HEADROOM_DATA_DIR: dataDir } });
    expect(busy.status).toBe(1);
    expect(busy.stderr).toContain(`in use by process ${pid}`);
  });

  it('a second server on the same port stops with a message naming the port, before any sign-in link', async () => {
    const otherData = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-start-'));
    tmp.push(otherData);
    const second = run(process.execPath, startArgs(deploy), { cwd: deploy, env: { PORT: String(port), HEADROOM_DATA_DIR: otherData, HEADROOM_SEED_DEMO: 'false' } });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(second.output()).not.toContain('signin');
    expect(second.output()).not.toContain('Headroom is listening');
  });

  it('a second server on the same data folder is refused while the first holds it', async () => {
    const second = run(process.execPath, startArgs(deploy), { cwd: deploy, env: { PORT: String(await freePort()), HEADROOM_DATA_DIR: dataDir } });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`The embedded database in ${dataDir} is in use by process ${pid}.`);
  });

  it('a secret that is too short stops the start with exit code 2, without showing it', async () => {
    const secret = 'pd-webhook-s3cret';
    const refused = run(process.execPath, startArgs(deploy), { cwd: deploy, env: { PORT: String(port), HEADROOM_DATA_DIR: dataDir, PAGERDUTY_WEBHOOK_SECRET: secret } });
    expect(await refused.exited).toBe(2);
    expect(refused.output()).toContain('PAGERDUTY_WEBHOOK_SECRET: must be at least 32 characters (got 17 characters; value not shown)');
    expect(refused.output()).not.toContain(secret);
  });

  it('SIGTERM to npm start: /readyz answers 503 while draining, then no process is left', async () => {
    // A request still being sent when the signal arrives is finished, so it sees the draining state.
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /readyz HTTP/1.1\r\nHost: headroom\r\n');
    let response = '';
    socket.on('data', (d) => (response += d));
    const answered = new Promise((resolve) => socket.once('end', resolve));

    server.child.kill('SIGTERM');
    await server.waitFor('shutting down');
    socket.write('\r\n');
    await answered;
    expect(response).toMatch(/^HTTP\/1\.1 503 /);
    expect(response).toMatch(/connection: close/i);
    expect(response).toContain('{"status":"draining"}');

    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('stopped');
    expect(alive(pid), `server process ${pid} still running after npm exited`).toBe(false);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('without dist/ and without the build tools, says to run npm run build', () => {
    fs.rmSync(path.join(deploy, 'dist/server.mjs'));
    const res = spawnSync('npm', ['start'], { cwd: deploy, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, HEADROOM_DATA_DIR: dataDir } });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('Headroom is not built (dist/server.mjs missing) and the build tools are not installed.');
    expect(res.stderr).toContain('npm run build');
  });
});

describe('npm install && npm start on a fresh clone', () => {
  it('builds what is missing and serves the dashboard and the demo data', { timeout: 240_000 }, async () => {
    const clone = freshClone();
    const dataDir = path.join(clone, '.headroom');
    try {
      const port = await freePort();
      const server = run('npm', ['start'], { cwd: clone, env: { PORT: String(port) } });
      await server.waitFor('Headroom is listening');
      expect(server.output()).toContain('Building dist/client/index.html, dist/server.mjs');
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
      const token = fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ teams { slug } }' }),
      });
      expect((await res.json()).data.teams.length).toBeGreaterThanOrEqual(3);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
    }
  });
});
