// `npm run build`: the dashboard (Vite → dist/client), the server and the CLI bundles; or only the
// parts named (`node scripts/build.mjs client|server|cli …`). Needs the devDependencies; what it
// writes to dist/ runs with the production dependencies alone.
const parts = process.argv.slice(2);
const all = parts.length === 0;

if (all || parts.includes('client')) {
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
  const { compressClient } = await import('./compress-client.mjs');
  compressClient('dist/client');
}
if (all || parts.includes('server') || parts.includes('cli')) await import('./build-server.mjs');
