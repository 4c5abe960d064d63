import fs from 'node:fs';
import path from 'node:path';
import { ensureDataDir } from '../dataDir';

/**
 * The embedded PGlite database must be opened by one process at a time, and PGlite itself does
 * not refuse a second one (two writers corrupt the data folder). This lock file is that refusal:
 * `<dataDir>/headroom.lock` holds the owner's process id; a lock whose process is gone is stale
 * and taken over. Returns the function that releases it.
 */
export function acquireEmbeddedLock(dataDir: string): () => void {
  const file = path.join(dataDir, 'headroom.lock');
  ensureDataDir(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw new EmbeddedDbBusyError(dataDir, owner);
      fs.rmSync(file, { force: true }); // stale: its process has ended
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
