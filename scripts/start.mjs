// `npm start`: builds what is missing (scripts/dist.mjs), then runs the server bundle in this same
// process. npm runs the start script through sh and forwards SIGTERM to its child; the script
// `exec`s node, so that child is this process, the server itself, not a shell that would die and
// leave the server behind still serving.
import { ensureBuilt } from './dist.mjs';

ensureBuilt(['client', 'server']);
await import('../dist/server.mjs');
