/**
 * GraphQL Code Generator (`npm run codegen`): types for every client operation, read from the
 * published schema (schema.graphql) and the `graphql(...)` documents under client/. It writes
 * client/graphql/generated/ (committed, so a fresh checkout type-checks); `npm test` and
 * `npm run build` regenerate it first, so a schema change that breaks a page fails the type check.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/**/*.{ts,tsx}', '!client/graphql/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'client/graphql/generated/': {
      preset: 'client',
      // Each component reads the fields its own query asked for; no fragment masking.
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents stay strings: the client POSTs them with fetch (client/graphql/request.ts).
        documentMode: 'string',
        enumsAsTypes: true,
        skipTypename: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { Date: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
