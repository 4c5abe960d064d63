import fs from 'node:fs';

/** The server's version from package.json, recorded in snapshots and shown by /healthz. */
export const SERVER_VERSION: string = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
