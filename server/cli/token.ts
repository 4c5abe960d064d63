import { parseArgs } from 'node:util';
import { createToken, revokeToken } from '../auth/service';
import { listTokens } from '../auth/queries';
import { SCOPES, type Scope } from '../core/viewer';
import { withDatabase } from './database';
import { out, UsageError, type Command } from './command';

const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

export const tokenCommand: Command = {
  name: 'token',
  summary: 'Create, list or revoke access tokens',
  usage: [
    'token create --name NAME --scopes read,ingest,plan,admin [--teams a,b] [--expires 2027-01-01T00:00:00Z]',
    '       token list',
    '       token revoke ID',
    '',
    '  create prints the secret once; only its hash is stored. Scopes: read, ingest, plan (includes',
    '  read), admin (everything). --teams limits the token to those team slugs (not an admin token:',
    '  admin is org-wide).',
  ].join('\n'),
  async run(args) {
    const [action, ...rest] = args;
    const { values, positionals } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, scopes: { type: 'string' }, teams: { type: 'string' }, expires: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (action === 'create') {
      if (!values.name || !values.scopes) throw new UsageError('token create needs --name and --scopes');
      const scopes = list(values.scopes)!;
      const unknown = scopes.filter((s) => !SCOPES.includes(s as Scope));
      if (unknown.length) throw new UsageError(`unknown scope ${unknown.join(', ')}; use ${SCOPES.join(', ')}`);
      const expiresAt = values.expires ? new Date(values.expires) : undefined;
      if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new UsageError(`--expires must be an ISO date-time, got ${values.expires}`);
      return withDatabase(async (db) => {
        const t = await createToken(db, { name: values.name!, scopes: scopes as Scope[], teams: list(values.teams), expiresAt });
        out(`Created token "${t.name}" (${t.id}) with ${t.scopes.join(', ')}${t.teams ? ` for ${t.teams.join(', ')}` : ''}.`);
        out('Secret (shown once, keep it safe):');
        out(t.token);
        return 0;
      });
    }
    if (action === 'list') {
      return withDatabase(async (db) => {
        const tokens = await listTokens(db);
        if (tokens.length === 0) out('No tokens.');
        for (const t of tokens) {
          const state = t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt < new Date() ? 'expired' : 'live';
          out(`${t.id}  ${state.padEnd(7)}  ${t.scopes.join(',').padEnd(18)}  ${(t.teams?.join(',') ?? 'all teams').padEnd(16)}  last used ${t.lastUsedAt?.toISOString() ?? 'never'}  ${t.name}`);
        }
        return 0;
      });
    }
    if (action === 'revoke') {
      if (positionals.length !== 1) throw new UsageError('token revoke takes one token id (see token list)');
      return withDatabase(async (db) => {
        await revokeToken(db, positionals[0]);
        out(`Revoked ${positionals[0]}.`);
        return 0;
      });
    }
    throw new UsageError(`token needs an action: create, list or revoke${action ? `; got "${action}"` : ''}`);
  },
};
