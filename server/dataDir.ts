import fs from 'node:fs';

/**
 * The data folder (HEADROOM_DATA_DIR) holds the admin token and the embedded database: it is made
 * owner-only (0700) whatever the umask, and a folder left open by an older release is tightened.
 */
export function ensureDataDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((fs.statSync(dir).mode & 0o777) !== 0o700) fs.chmodSync(dir, 0o700);
}
