// Bundles the server (dist/server.mjs, what `npm start` runs) and the command line (dist/cli.mjs,
// the `headroom` bin): node runs plain JavaScript instead of compiling TypeScript in-process (tsx),
// which halves the server's memory (about 105 MB at start instead of 200 MB; docs/performance.md)
// and needs no devDependency at run time. Packages stay in node_modules (only `dependencies` may be
// imported: test/integration/start.test.ts runs the bundles with nothing else installed); only our
// code is bundled. The bundles sit one folder below the project root, like server/*.ts, so the
// paths they resolve from import.meta.url (dist/client, package.json) are the same in both.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['server/main.ts'], outfile: 'dist/server.mjs' }),
  build({ ...common, entryPoints: ['server/cli/main.ts'], outfile: 'dist/cli.mjs' }),
]);
