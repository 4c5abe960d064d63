import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface BundleSizes {
  /**
   * JS the overview needs: the entry script and every chunk it statically imports. It lazily loads
   * nothing else (its trend cards are plain SVG, not recharts), so this is all of it.
   */
  overviewInitialJsGzipKb: number;
  initialFiles: string[];
  /**
   * The same files as the browser receives them (issue 19): brotli at the level the build
   * precompresses them with (scripts/compress-client.mjs), which the server sends to any browser
   * accepting br.
   */
  overviewInitialJsBrotliKb: number;
  cssGzipKb: number;
  totalJsGzipKb: number;
  chunks: { file: string; kb: number; gzipKb: number }[];
}

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

/** The chunk and every chunk it imports statically (vite writes `from"./x.js"` / `import"./x.js"`). */
function staticClosure(dist: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(dist, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(path.posix.join(path.posix.dirname(file), m[1]));
  };
  entries.forEach(visit);
  return [...seen];
}

/** Builds the client (vite build) unless told not to, then reads dist/client. */
export function bundleSizes(root: string, build: boolean): BundleSizes {
  const dist = path.join(root, 'dist/client');
  if (build) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    // As `npm run build` leaves it (scripts/build.mjs): without the .br/.gz copies a later
    // `npm start` would send the dashboard uncompressed.
    execFileSync(process.execPath, ['--input-type=module', '-e', "import { compressClient } from './scripts/compress-client.mjs'; compressClient('dist/client');"], { cwd: root, stdio: 'inherit' });
  }
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\/?([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+)"/g),
  ].map((m) => m[1]);
  const initial = staticClosure(dist, entries);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/?([^"]+)"/g)].map((m) => m[1]);
  const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  // As scripts/compress-client.mjs writes the .br copy the server sends.
  const brotli = (file: string) => {
    const bytes = fs.readFileSync(path.join(dist, file));
    return zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;
  };
  const assets = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const chunks = assets
    .map((file) => ({ file, kb: kb(fs.statSync(path.join(dist, file)).size), gzipKb: kb(gzip(file)) }))
    .sort((a, b) => b.gzipKb - a.gzipKb);
  return {
    overviewInitialJsGzipKb: kb(initial.reduce((s, f) => s + gzip(f), 0)),
    overviewInitialJsBrotliKb: kb(initial.reduce((s, f) => s + brotli(f), 0)),
    initialFiles: initial,
    cssGzipKb: kb(css.reduce((s, f) => s + gzip(f), 0)),
    totalJsGzipKb: kb(chunks.reduce((s, c) => s + gzip(c.file), 0)),
    chunks,
  };
}
