// npm run lint: the layer rules (dependency-cruiser) and ESLint. ESLint and typescript-eslint live in
// tools/eslint/ with their own lockfile (typescript-eslint needs TypeScript 6's compiler API; the
// project compiles with 7), installed here on first use rather than by every `npm install`, so a
// production install (`npm ci --omit=dev`) never fetches lint tools.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// (Re)installed when missing or older than its lockfile (a pull that changed the lint tools).
const installed = 'tools/eslint/node_modules/.package-lock.json';
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync('tools/eslint/package-lock.json').mtimeMs) {
  run('npm', ['ci', '--prefix', 'tools/eslint', '--no-audit', '--no-fund']);
}
run('npx', ['depcruise', 'server']);
// A warning (react-hooks' exhaustive-deps is one) fails the lint too: nothing is left to be read later.
run(process.execPath, ['tools/eslint/node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.']);
