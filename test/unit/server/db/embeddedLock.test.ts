import { describe, it, expect, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireEmbeddedLock, EmbeddedDbBusyError } from '../../../../server/db/embeddedLock';

const MODULE = path.resolve(import.meta.dirname, '../../../../server/db/embeddedLock.ts');
// A separate process takes the lock, as a server or a CLI command would.
const TAKE_LOCK = `const { acquireEmbeddedLock } = await import(${JSON.stringify(MODULE)}); acquireEmbeddedLock(process.argv[1]); console.log('locked');`;

describe('acquireEmbeddedLock', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-lock-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('lets one holder in at a time and frees the folder on release', () => {
    const d = dir();
    const release = acquireEmbeddedLock(d);
    expect(() => acquireEmbeddedLock(d)).toThrow(EmbeddedDbBusyError);
    expect(() => acquireEmbeddedLock(d)).toThrow(`in use by process ${process.pid}`);
    release();
    acquireEmbeddedLock(d)();
    expect(fs.existsSync(path.join(d, 'headroom.lock'))).toBe(false);
  });

  it('takes over a lock whose process has ended', () => {
    const d = dir();
    // Above any real pid_max (2^22), so no live process holds it.
    fs.writeFileSync(path.join(d, 'headroom.lock'), '99999999');
    const release = acquireEmbeddedLock(d);
    expect(fs.readFileSync(path.join(d, 'headroom.lock'), 'utf8')).toContain(String(process.pid));
    release();
  });

  it('refuses a lock held by another live process', async () => {
    const d = dir();
    const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `${TAKE_LOCK} setInterval(() => {}, 1000);`, d], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((resolve, reject) => {
        holder.stdout!.once('data', resolve);
        holder.once('exit', reject);
      });
      expect(() => acquireEmbeddedLock(d)).toThrow(`in use by process ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  // After a container restart PIDs start again from 1, so the PID in a lock left by a killed
  // server may now belong to a live process that is not Headroom (here: this test's process).
  it.runIf(process.platform === 'linux')('takes over a lock left by a killed process whose PID now belongs to another process', () => {
    const d = dir();
    const killed = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `${TAKE_LOCK} process.kill(process.pid, 'SIGKILL');`, d], { encoding: 'utf8' });
    expect(killed.signal).toBe('SIGKILL');
    const file = path.join(d, 'headroom.lock');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(String(killed.pid), String(process.pid)));
    const release = acquireEmbeddedLock(d);
    expect(() => acquireEmbeddedLock(d)).toThrow(`in use by process ${process.pid}`);
    release();
  });
});
