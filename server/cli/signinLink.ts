import { parseArgs } from 'node:util';
import type { Knex } from 'knex';
import { loadConfig } from '../config';
import { CODE_MINUTES, createSignInCode, signInLink } from '../auth/signInCodes';
import { withDatabase } from './database';
import { CliError, out, UsageError, type Command } from './command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The live token to sign in as: the one named, else the oldest admin token for every team. */
async function tokenToSignInAs(db: Knex, id: string | undefined): Promise<{ id: string; name: string }> {
  const live = db('tokens').select('id', 'name').whereNull('revoked_at').where((q) => q.whereNull('expires_at').orWhere('expires_at', '>', db.fn.now()));
  if (id) {
    const row = UUID.test(id) ? await live.where({ id }).first() : undefined;
    if (!row) throw new CliError(`No live token with id "${id}" (see: npm run headroom -- token list).`);
    return row;
  }
  const row = await live.whereRaw("'admin' = ANY(scopes)").whereNull('teams').orderBy('created_at').first();
  if (!row) throw new CliError('No live admin token: create one with `npm run headroom -- token create --name NAME --scopes admin`.');
  return row;
}

export const signinLinkCommand: Command = {
  name: 'signin-link',
  summary: 'Print a one-time dashboard sign-in link (for when the first-start link has expired)',
  usage: [
    'signin-link [--token ID] [--url https://headroom.example.com]',
    '',
    `  The link signs in once, within ${CODE_MINUTES} minutes, as the first admin token (or the token ID).`,
    '  --url is the address browsers use for this server (default http://HOST:PORT).',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({ args, options: { token: { type: 'string' }, url: { type: 'string' } }, strict: true });
    const config = loadConfig();
    const base = values.url ?? `http://${config.host}:${config.port}`;
    if (!/^https?:\/\/[^/]/.test(base) || !URL.canParse(base)) throw new UsageError(`--url must be an http(s) address, got ${base}`);
    return withDatabase(async (db) => {
      const token = await tokenToSignInAs(db, values.token);
      const code = await createSignInCode(db, token.id);
      out(`Sign-in link for "${token.name}" (one use, valid ${CODE_MINUTES} minutes):`);
      out(signInLink(base.replace(/\/+$/, ''), code));
      return 0;
    });
  },
};
