import fs from 'node:fs';
import path from 'node:path';

/**
 * The arguments `npm start` gives node (package.json: `… && node <args>`), so measurements run the
 * server exactly as it is started: the bundle, with its heap settings (docs/performance.md).
 */
export function startArgs(root = path.resolve(import.meta.dirname, '..')): string[] {
  const start: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
  const [node, ...args] = start.split('&&').at(-1)!.trim().split(/\s+/);
  if (node !== 'node' || !args.includes('dist/server.mjs')) throw new Error(`unexpected start script: ${start}`);
  return args;
}
