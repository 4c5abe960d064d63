import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The folder of the embedded database's files inside Headroom's data folder. */
export function embeddedPgDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

/**
 * Creates the embedded database's files in a short-lived child process when the folder has none.
 * PGlite's first open runs initdb in a second WebAssembly instance beside the database's own, and
 * WebAssembly memory is never given back: a server that ran initdb itself keeps ~830 MB resident
 * for the rest of its life, one that opens an initialised folder ~400 MB (docs/performance.md).
 * The child holds that memory for a few seconds and gives it all back when it exits.
 */
export async function initEmbeddedDir(dataDir: string): Promise<void> {
  const dir = embeddedPgDir(dataDir);
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return;
  const fail = (why: string) => new Error(`Could not create the embedded database in ${dir}: ${why}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw fail((e as Error).message);
  }
  // Resolved here, so the child finds the same PGlite whatever its working directory.
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const script = [
    `const m = await import(${JSON.stringify(pglite)});`,
    'const db = new (m.PGlite ?? m.default.PGlite)(process.argv[1]);',
    'await db.waitReady;',
    'await db.close();',
  ].join('\n');
  const stderr: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) {
    const why = Buffer.concat(stderr).toString().trim().split('\n').slice(-3).join(' ');
    throw fail(why || `initdb exited with ${code}`);
  }
}
