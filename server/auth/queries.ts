import type { Knex } from 'knex';
import type { Scope } from '../core/viewer';

export interface TokenRow {
  id: string;
  name: string;
  scopes: Scope[];
  teams: string[] | null;
  /** The group the token is limited to (its teams and nested groups' teams, as they are at each request); null when none. */
  groupId: number | null;
  expiresAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A token just made: its row and the secret, shown this once. */
export type CreatedTokenRow = TokenRow & { token: string };

const select = ['id', 'name', 'scopes', 'teams', 'group_id as groupId', 'expires_at as expiresAt', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt'];

export function insertToken(db: Knex, row: { id: string; name: string; hash: string; scopes: Scope[]; teams: string[] | null; groupId?: number | null; expiresAt: Date | null }): Promise<TokenRow[]> {
  return db('tokens')
    .insert({ id: row.id, name: row.name, hash: row.hash, scopes: row.scopes, teams: row.teams, group_id: row.groupId ?? null, expires_at: row.expiresAt })
    .returning(select);
}

/** A live token by the hash of its secret: not revoked, not expired. */
export async function liveTokenByHash(db: Knex, hash: string): Promise<TokenRow | undefined> {
  return db('tokens').select(select).where({ hash }).whereNull('revoked_at')
    .where((q) => q.whereNull('expires_at').orWhere('expires_at', '>', db.fn.now())).first();
}

/** Records use at most once a minute per token, so reads do not turn into a write per request. */
export function touchToken(db: Knex, id: string): Promise<number> {
  return db('tokens').where({ id }).where((q) => q.whereNull('last_used_at').orWhere('last_used_at', '<', db.raw("now() - interval '1 minute'"))).update({ last_used_at: db.fn.now() });
}

export function listTokens(db: Knex): Promise<TokenRow[]> {
  return db('tokens').select(select).orderBy('created_at', 'desc');
}

export function tokenById(db: Knex, id: string): Promise<TokenRow | undefined> {
  return db('tokens').select(select).where({ id }).first();
}

export function revokeTokenById(db: Knex, id: string): Promise<number> {
  return db('tokens').where({ id }).whereNull('revoked_at').update({ revoked_at: db.fn.now() });
}

export async function countTokens(db: Knex): Promise<number> {
  const row = await db('tokens').count<{ n: number }[]>('* as n').first();
  return Number(row?.n ?? 0);
}
