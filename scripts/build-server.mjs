// Bundles the server into dist/server.mjs for `npm start`: node runs plain JavaScript instead of
// compiling TypeScript in-process (tsx), which halves the server's memory (about 105 MB at start
// instead of 200 MB; docs/performance.md). Packages stay in node_modules; only our code is bundled.
// The bundle sits one folder below the project root, like server/*.ts, so the paths the server
// resolves from import.meta.url (dist/client, package.json) are the same in both.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
