import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ensureDataDir } from '../dataDir';

/**
 * The embedded PGlite database must be opened by one process at a time, and PGlite itself does
 * not refuse a second one (two writers corrupt the data folder). This lock file is that refusal:
 * `<dataDir>/headroom.lock` names its owner, and a lock whose owner is gone is stale and taken over.
 * Returns the function that releases it.
 *
 * The owner is a PID plus, on Linux, that process's start time (clock ticks since boot) and the
 * boot id: after a container restart or a reboot PIDs are handed out again, and a PID alone would
 * make a lock left by a killed server look held by whatever process now has that number. Not
 * proper-lockfile: it judges staleness by an mtime refreshed on a timer, and PGlite runs queries on
 * the main thread, so a long query would let a second process take over a live lock.
 * The folder must be on a local disk of one machine (a PID means nothing on another host).
 */
export function acquireEmbeddedLock(dataDir: string): () => void {
  const file = path.join(dataDir, 'headroom.lock');
  ensureDataDir(dataDir);
  const mine = JSON.stringify(identify(process.pid));
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      createWith(file, mine);
      const release = () => {
        try {
          if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = readOwner(file);
      if (held === undefined) continue; // released meanwhile
      if (held.owner && isLive(held.owner)) throw new EmbeddedDbBusyError(dataDir, held.owner.pid);
      takeOver(file, held.text);
    }
  }
  throw new EmbeddedDbBusyError(dataDir);
}

export class EmbeddedDbBusyError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly pid?: number,
  ) {
    super(`The embedded database in ${dataDir} is in use${pid ? ` by process ${pid}` : ''}.`);
  }
}

interface Owner {
  pid: number;
  /** /proc/<pid>/stat field 22; absent off Linux and in locks written before it was recorded. */
  start?: string;
  boot?: string;
}

function identify(pid: number): Owner {
  return { pid, start: startTicks(pid), boot: bootId() };
}

/** The lock's text and its owner; a bare number is a lock written before start times were recorded. */
function readOwner(file: string): { text: string; owner?: Owner } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const parsed = JSON.parse(text);
    const owner: Owner = typeof parsed === 'number' ? { pid: parsed } : parsed;
    return Number.isInteger(owner?.pid) && owner.pid > 0 ? { text, owner } : { text };
  } catch {
    return { text }; // not a lock this code writes (it is linked whole): nobody holds it
  }
}

/** Live: that PID exists and, where both are known, it is the same process (same boot, same start). */
function isLive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = identify(owner.pid);
  if (owner.boot && now.boot && owner.boot !== now.boot) return false;
  if (owner.start && now.start && owner.start !== now.start) return false;
  return true; // without start times, a live PID is taken as the owner: never take over a live lock
}

/** Creates `file` holding `text`, or fails with EEXIST: written aside and linked, so it is never seen half-written. */
function createWith(file: string, text: string) {
  const draft = `${file}.${randomUUID()}`;
  fs.writeFileSync(draft, text);
  try {
    fs.linkSync(draft, file);
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/**
 * Removes a stale lock, unless another process replaced it since it was read: the file is moved
 * aside atomically and put back if what was moved is not the stale lock.
 */
function takeOver(file: string, staleText: string) {
  const aside = `${file}.${randomUUID()}`;
  try {
    fs.renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (fs.readFileSync(aside, 'utf8') !== staleText) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // yet another process locked meanwhile; it keeps the folder
    }
  }
  fs.rmSync(aside, { force: true });
}

function startTicks(pid: number): string | undefined {
  try {
    // "pid (command) state ppid …": the command may hold spaces and parentheses, so count after
    // the last ')'; starttime is field 22, the 20th after it.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function bootId(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}
