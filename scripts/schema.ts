// `npm run schema`: writes schema.graphql from the server's schema. Refuses a breaking change
// (a removed or renamed type or field, a narrowed argument…) unless run with --allow-breaking,
// which is a decision to break the clients, not a way to make a test pass.
import { existsSync, writeFileSync } from 'node:fs';
import { SDL_PATH, breakingChanges, builtSdl, committedSdl } from './schemaContract';

const next = builtSdl();
const breaking = existsSync(SDL_PATH) ? breakingChanges(committedSdl(), next) : [];
if (breaking.length && !process.argv.includes('--allow-breaking')) {
  console.error(`schema.graphql not written: the server's schema breaks the published one:\n  ${breaking.join('\n  ')}`);
  process.exit(1);
}
writeFileSync(SDL_PATH, next);
console.log(`wrote ${SDL_PATH}`);
