#!/usr/bin/env node
// The `headroom` command (package.json "bin"; `npm run headroom -- …` in a checkout): the bundled
// command line, built first when missing or outdated and the build tools are installed.
import { ensureBuilt } from '../scripts/dist.mjs';

ensureBuilt(['cli']);
await import('../dist/cli.mjs');
