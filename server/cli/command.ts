/** One `npm run headroom -- <name> …` command: its own file, its own options (node:util parseArgs). */
export interface Command {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** The synopsis and options, printed by `help <name>` and after a usage mistake. */
  usage: string;
  /** Returns the exit code: 0 done, 1 failed. Throws UsageError for a usage mistake (exit 2). */
  run(args: string[]): Promise<number>;
}

/** The command line was wrong: the message and the command's usage are printed, exit code 2. */
export class UsageError extends Error {}

/** The command could not do its job for a reason the user can act on: printed as is, exit code 1. */
export class CliError extends Error {}

/** node:util parseArgs reports unknown or malformed options with these codes. */
export function isParseArgsError(e: unknown): e is Error {
  return typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('ERR_PARSE_ARGS_');
}

export const out = (line = '') => process.stdout.write(`${line}\n`);
export const err = (line = '') => process.stderr.write(`${line}\n`);
