// ESLint's rules for Headroom (used by eslint.config.mjs at the root). typescript-eslint comes from
// this workspace, with the TypeScript 6 compiler API it parses with; the project itself compiles
// with TypeScript 7. Not type-aware: the type check is `npm run typecheck`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'dist/**', 'node_modules/**', 'tools/**/node_modules/**', '.headroom/**', 'coverage/**',
      // Written by GraphQL Code Generator (npm run codegen), not by hand.
      'client/graphql/generated/**', 'server/schemaTypes/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', structuredClone: 'readonly', fetch: 'readonly',
        window: 'readonly', document: 'readonly', navigator: 'readonly', localStorage: 'readonly', sessionStorage: 'readonly',
        AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', performance: 'readonly',
        queueMicrotask: 'readonly', Response: 'readonly', Request: 'readonly', Headers: 'readonly', FormData: 'readonly', Blob: 'readonly',
        HTMLElement: 'readonly', Event: 'readonly', KeyboardEvent: 'readonly', MouseEvent: 'readonly', __dirname: 'readonly', NodeJS: 'readonly',
      },
    },
    rules: {
      // A leading underscore marks a value left out on purpose (`const { stacktrace: _drop, ...rest }`, `(_req, res)`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The rules of hooks and the React Compiler's checks, for every client file (custom hooks live in
    // .ts files too) and the component tests that render hooks.
    files: ['client/**/*.{ts,tsx}', 'test/component/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The generated resolver types sit outside the server's layers because they are only types
    // (.dependency-cruiser.cjs says why): a value import would put them in a layer.
    files: ['server/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['**/schemaTypes/*'], allowTypeImports: true, message: 'Import the generated resolver types with `import type`.' }],
      }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    // Tests and benchmarks read JSON answers whose shapes they assert or print: `any` is their
    // honest type. Known exceptions written before the lint (left as they are: tests change only
    // by their import paths in issue 16): comma expressions, unused callback arguments.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
      'no-useless-assignment': 'off',
    },
  },
);
