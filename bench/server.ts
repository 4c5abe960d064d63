import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startArgs } from '../scripts/start-args';
import { freePort } from '../scripts/free-port';

/** Peak and current resident memory of a process, from /proc/<pid>/status (kB → MB). */
export function readRss(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

export interface ServerOptions {
  databaseUrl?: string;
  dataDir: string;
  adminToken: string;
  logFile: string;
  /** NODE_ENV for the server; unset by default, as `npm start` runs it. */
  nodeEnv?: string;
}

/**
 * The real server (server/main.ts) as a child process — `node dist/server.mjs`, one process, so
 * its pid is the server's own and /proc/<pid>/status tells its memory. RSS is sampled every 100 ms and
 * attributed to the phase the bench is in.
 */
export class ServerProcess {
  private samples = new Map<string, number>();
  private phase = 'start';
  private timer: NodeJS.Timeout;
  private lastHwm = 0;

  private constructor(private child: ChildProcess, readonly url: string) {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
    child.once('exit', (code, signal) => {
      if (!this.stopping) console.error(`[bench] the server (pid ${child.pid}) exited unexpectedly: code ${code}, signal ${signal}`);
    });
  }

  private stopping = false;

  get pid(): number {
    return this.child.pid!;
  }

  static async start(opts: ServerOptions): Promise<ServerProcess> {
    const port = await freePort();
    const root = path.resolve(import.meta.dirname, '..');
    const log = fs.openSync(opts.logFile, 'a');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      HEADROOM_DATA_DIR: opts.dataDir,
      HEADROOM_ADMIN_TOKEN: opts.adminToken,
      HEADROOM_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    };
    if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
    if (opts.nodeEnv) env.NODE_ENV = opts.nodeEnv;
    // As `npm start` runs it: the bundle of server/main.ts (scripts/build-server.mjs), rebuilt here,
    // with the node flags of its last step.
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'inherit' });
    const child = spawn(process.execPath, startArgs(root), { cwd: root, env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`);
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`server exited with code ${code}; see ${opts.logFile}`))));
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        const res = await Promise.race([fetch(`${server.url}/readyz`), exited]);
        if (res.ok) break;
      } catch (e) {
        if (e instanceof Error && e.message.startsWith('server exited')) throw e;
      }
      if (Date.now() > deadline) throw new Error(`server not ready after 120 s; see ${opts.logFile}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return server;
  }

  /** Attributes the following RSS samples to `name`. */
  setPhase(name: string) {
    this.sample();
    this.phase = name;
  }

  private sample() {
    const r = readRss(this.pid);
    if (!r) return;
    this.lastHwm = Math.max(this.lastHwm, r.hwmMb);
    this.samples.set(this.phase, Math.max(this.samples.get(this.phase) ?? 0, r.rssMb));
  }

  /** Highest RSS seen per phase, and the kernel's high-water mark (VmHWM) of the whole life. */
  memory(): { peakMb: number; byPhaseMb: Record<string, number> } {
    this.sample();
    return { peakMb: this.lastHwm, byPhaseMb: Object.fromEntries([...this.samples].map(([k, v]) => [k, Math.round(v)])) };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.sample();
    clearInterval(this.timer);
    if (this.child.exitCode !== null) return;
    const done = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timeout = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await done;
    clearTimeout(timeout);
  }
}
