// The server's layers, enforced by `npm run lint` (README "Architecture"). Each folder may import
// the folders below it, never one above:
//
//   core → kpi → signals → groups → teams, auth, privacy → ingest, planning, routing, backfillRuns → figures → snapshots, notifications → demo
//   → adapters: http → graphql → webhooks → backfill → cli → app.ts → main.ts
//
// Folders in one layer do not import each other's folder in both directions (no-circular checks
// modules; the layers make the folder graph acyclic). db/ and the server's root modules (config,
// dataDir, version) are infrastructure any layer may use; they import no layer themselves.
//
// server/schemaTypes/ is outside the layers: it is generated from schema.graphql (codegen.ts), the
// resolver types every domain's resolver map is checked against, so every domain must be able to
// import it, and it names the types resolvers really receive (rows of teams, snapshots, planning,
// the figures' context), so it imports from the domains. Types only, both ways: erased when
// compiled, it joins no layer at run time. (The swc parser does not tell type-only imports apart,
// so ESLint checks that side: @typescript-eslint/no-restricted-imports in tools/eslint/config.mjs;
// the generated file itself writes only `import type`.)

/** Folders under server/, lowest first; a folder may import only the ones before it. */
const LAYERS = [
  ['core'],
  ['kpi'],
  ['signals'],
  ['groups'],
  ['teams', 'auth', 'privacy'],
  ['ingest', 'planning', 'routing', 'backfillRuns'],
  ['figures'],
  // Notifications judge statuses and sprints as the figures do, beside snapshots.
  ['snapshots', 'notifications'],
  ['demo'],
  // The adapters, each on the one before: HTTP's error shape and request id serve GraphQL too.
  ['http'],
  ['graphql'],
  ['webhooks'],
  // Vendor REST clients that read history and write it through the webhooks' own paths.
  ['backfill'],
  ['cli'],
];

const folders = (names) => `^server/(${names.join('|')})/`;

/** One rule per layer: nothing in it imports a layer above it, an adapter or the entry points. */
const layerRules = LAYERS.map((layer, i) => {
  const above = LAYERS.slice(i + 1).flat();
  return {
    name: `layer-${layer.join('-')}`,
    comment: `${layer.join(', ')} may import only the layers below (${LAYERS.slice(0, i).flat().join(', ') || 'none'}), never ${above.join(', ') || 'an entry point'} or app.ts/main.ts.`,
    severity: 'error',
    from: { path: folders(layer) },
    to: { path: [...(above.length ? [folders(above)] : []), '^server/(app|main)\\.ts$'] },
  };
});

/** Folders that share a layer stay independent of each other, so no two folders import each other. */
const siblingRules = LAYERS.filter((layer) => layer.length > 1).flatMap((layer) =>
  layer.map((folder) => ({
    name: `independent-${folder}`,
    comment: `${folder} shares its layer with ${layer.filter((f) => f !== folder).join(', ')} and imports none of them.`,
    severity: 'error',
    from: { path: folders([folder]) },
    to: { path: folders(layer.filter((f) => f !== folder)) },
  })),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles: every folder can be read from the ground up.',
      severity: 'error',
      from: { path: '^server/' },
      to: { circular: true },
    },
    {
      name: 'core-knows-no-transport',
      comment: 'server/core is the ground floor: no other server folder, and no GraphQL, Express or Apollo.',
      severity: 'error',
      from: { path: '^server/core/' },
      to: { path: ['^server/(?!core/)', '(^|/)node_modules/(graphql|express|@apollo|@as-integrations)/'] },
    },
    {
      name: 'kpi-is-pure',
      comment: 'server/kpi is the pure heart: it imports server/core and nothing else of the server, and no database client.',
      severity: 'error',
      from: { path: '^server/kpi/' },
      to: { path: ['^server/(?!core/|kpi/)', '(^|/)node_modules/(knex|pg|dataloader|graphql|express|@apollo)/'] },
    },
    ...layerRules,
    ...siblingRules,
    {
      name: 'infrastructure-imports-no-layer',
      comment: 'db/ and the root modules (config, dataDir, version) sit under every layer.',
      severity: 'error',
      from: { path: ['^server/db/', '^server/(config|dataDir|version)\\.ts$'] },
      to: { path: ['^server/(?!db/|config\\.ts|dataDir\\.ts|version\\.ts)'] },
    },
    {
      name: 'app-below-main',
      comment: 'app.ts builds the app; main.ts runs it. Nothing but main.ts imports app.ts; nothing imports main.ts.',
      severity: 'error',
      from: { path: '^server/', pathNot: '^server/main\\.ts$' },
      to: { path: '^server/(app|main)\\.ts$' },
    },
  ],
  options: {
    // TypeScript 7 ships no compiler API, so sources are parsed with swc; type-only imports count too.
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(client|test|bench|scripts)/' },
  },
};
