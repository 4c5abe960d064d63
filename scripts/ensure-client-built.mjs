// `npm start` builds the dashboard when dist/client is missing or older than client/ sources,
// so a fresh clone needs nothing but `npm install && npm start`.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const built = 'dist/client/index.html';
const newest = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }, 0);

const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(newest('client'), fs.statSync('vite.config.ts').mtimeMs);
if (stale) {
  console.log('Building the dashboard (vite build)…');
  execSync('npx vite build', { stdio: 'inherit' });
}
