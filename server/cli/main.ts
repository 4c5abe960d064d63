import { ConfigError } from '../config';
import { importCommand } from './import';
import { seedCommand } from './seed';
import { tokenCommand } from './token';
import { exportCommand } from './export';
import { mappingCommand } from './mapping';
import { signinLinkCommand } from './signinLink';
import { inboxCommand } from './inbox';
import { teamCommand } from './team';
import { groupCommand } from './group';
import { backfillCommand } from './backfill';
import { sprintCommand } from './sprint';
import { out, err, CliError, UsageError, isParseArgsError, type Command } from './command';

// The `headroom` command (bin/headroom.mjs runs its bundle, dist/cli.mjs; `npm run headroom -- …`
// in a checkout): dispatches to one file per command. Exit codes: 0 done, 1 failed (bad input,
// database trouble), 2 usage or configuration mistake.
const COMMANDS: Command[] = [teamCommand, groupCommand, sprintCommand, importCommand, exportCommand, mappingCommand, inboxCommand, backfillCommand, seedCommand, tokenCommand, signinLinkCommand];

function help(write: (line?: string) => void) {
  write('Usage: headroom <command> [options]   (npx headroom …, or npm run headroom -- … in a checkout)');
  write();
  write('Commands:');
  for (const c of COMMANDS) write(`  ${c.name.padEnd(11)} ${c.summary}`);
  write(`  ${'help'.padEnd(8)} Show this help, or a command's: help <command>`);
  write();
  write('The database is the one the server uses: DATABASE_URL, or the embedded one in HEADROOM_DATA_DIR');
  write('(default ./.headroom), which only one process may open at a time: stop the server first.');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    help(err);
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const about = args[0] && COMMANDS.find((c) => c.name === args[0]);
    if (about) out(`Usage: headroom ${about.usage}`);
    else help(out);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    err(`Unknown command "${name}".`);
    help(err);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    out(`Usage: headroom ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      err(e.message);
      err(`Usage: headroom ${command.usage}`);
      return 2;
    }
    if (e instanceof ConfigError) {
      err(e.message);
      return 2;
    }
    if (e instanceof CliError) err(e.message);
    else err(`headroom ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

// Exit explicitly: a database pool or a PGlite worker must not keep a finished command alive.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    err(`headroom: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
