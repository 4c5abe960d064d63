// What `npm start` and the `headroom` command need from dist/, and whether it must be built first.
// Node built-ins only: this runs where only the production dependencies are installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

// Each output and the sources it is built from (absent in a deployment without sources: never stale).
const PARTS = {
  client: { output: 'dist/client/index.html', sources: ['client', 'vite.config.ts'] },
  server: { output: 'dist/server.mjs', sources: ['server', 'migrations'] },
  cli: { output: 'dist/cli.mjs', sources: ['server', 'migrations'] },
};

const newest = (p) => {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newest(path.join(p, name))), 0);
};

function toolsInstalled() {
  try {
    import.meta.resolve('vite');
    import.meta.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure the given parts of dist/ exist, building them (`npm run build`) when they are missing
 * or older than their sources and the build tools are installed: a fresh clone needs nothing but
 * `npm install && npm start`. Without the tools (`npm ci --omit=dev`) a missing part is an error
 * and an outdated one a warning.
 */
export function ensureBuilt(parts) {
  const missing = parts.filter((p) => !fs.existsSync(path.join(root, PARTS[p].output)));
  const stale = parts.filter((p) => !missing.includes(p) && newest(path.join(root, PARTS[p].output)) < Math.max(...PARTS[p].sources.map((s) => newest(path.join(root, s)))));
  if (missing.length + stale.length === 0) return;
  if (toolsInstalled()) {
    const todo = [...missing, ...stale];
    console.error(`Building ${todo.map((p) => PARTS[p].output).join(', ')}…`);
    // A child process, so the server does not carry the build tools in its memory.
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), ...todo], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
    return;
  }
  if (missing.length) {
    console.error(
      `Headroom is not built (${missing.map((p) => PARTS[p].output).join(', ')} missing) and the build tools are not installed.\n` +
        'Run `npm run build` where the devDependencies are installed (npm ci), then deploy dist/ with the app (README, "Deploying").',
    );
    process.exit(1);
  }
  console.error(`Warning: ${stale.map((p) => PARTS[p].output).join(', ')} is older than its sources; run \`npm run build\` to rebuild.`);
}
