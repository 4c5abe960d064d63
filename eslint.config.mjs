// ESLint's flat config; the rules and plugins live in the tools/eslint workspace (why: see there).
export { default } from './tools/eslint/config.mjs';
