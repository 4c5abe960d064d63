import fs from 'node:fs';
import path from 'node:path';

/**
 * The arguments `npm start` gives node (package.json: `exec node <args>`), so measurements run the
 * server exactly as it is started: scripts/start.mjs, which runs the bundle in the same process,
 * with its heap settings (docs/performance.md).
 */
export function startArgs(root = path.resolve(import.meta.dirname, '..')): string[] {
  const start: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
  const [exec, node, ...args] = start.trim().split(/\s+/);
  if (exec !== 'exec' || node !== 'node' || !args.includes('scripts/start.mjs') || start.includes('&&')) throw new Error(`unexpected start script: ${start}`);
  return args;
}
