// `npm start`: builds what is missing (scripts/dist.mjs), then runs the server bundle in this same
// process. npm runs the start script through sh and forwards SIGTERM to its child; the script
// `exec`s node, so that child is this process, the server itself, not a shell that would die and
// leave the server behind still serving.
import { ensureBuilt } from './dist.mjs';

// The server's own start is a production start unless told otherwise: graphql-js skips its
// development checks (an instanceof check of every field it completes costs ~5 ms of a 200-team
// overview otherwise). Set before the bundle loads: graphql-js reads it once, at import.
process.env.NODE_ENV ??= 'production';

ensureBuilt(['client', 'server']);
await import('../dist/server.mjs');
