import type { Knex } from 'knex';
import { LRUCache } from 'lru-cache';
import type { Scope } from '../core/viewer';

/**
 * Known bearer tokens, so a request with one costs no database round trip (issue 19): what the
 * token found for a hash says (its scopes, teams or group) is kept TOKEN_CACHE_MS, or until the
 * token expires if sooner. Not a group token's teams: group membership changes with no change to
 * the token, so those are read at each request (tokenViewer.ts), one indexed query.
 *
 * Revoking through this process (GraphQL, the service) forgets it at once. A revocation made
 * elsewhere — another instance, the CLI, plain SQL — is seen by this process within
 * TOKEN_CACHE_MS, or sooner when the data versions it follows see the tokens change
 * (graphql/dataVersions.ts forgets every token on an org-wide change from anywhere). Only
 * tokens found live are kept: an unknown secret is looked up each time, so a token created
 * elsewhere works at once.
 *
 * Kept per database handle (tests run several apps, and PostgreSQL and PGlite, in one process:
 * the same secret may name different tokens there).
 */
export const TOKEN_CACHE_MS = 10_000;

/** A live token as viewerOfToken (tokenViewer.ts) reads it. */
export interface KnownToken {
  id: string;
  name: string;
  scopes: Scope[];
  teams: string[] | null;
  group_id: number | null;
}

interface Entry {
  db: Knex;
  token: KnownToken;
}

const known = new LRUCache<string, Entry>({ max: 10_000, ttl: TOKEN_CACHE_MS });

/** The cached token of a hash for `db`, if it is known and not stale. */
export function cachedToken(db: Knex, hash: string): KnownToken | undefined {
  const entry = known.get(hash);
  return entry && entry.db === db ? entry.token : undefined;
}

/** Remembers a live token until TOKEN_CACHE_MS or its expiry. */
export function rememberToken(db: Knex, hash: string, token: KnownToken, expiresAt: Date | null): void {
  const ttl = expiresAt ? Math.min(TOKEN_CACHE_MS, expiresAt.getTime() - Date.now()) : TOKEN_CACHE_MS;
  if (ttl > 0) known.set(hash, { db, token }, { ttl });
}

/** Forgets a token (revoked): its next request is looked up. */
export function forgetToken(tokenId: string): void {
  for (const [hash, entry] of known.entries()) if (entry.token.id === tokenId) known.delete(hash);
}

/** Forgets every token of `db` (a change to the tokens seen from elsewhere). */
export function forgetTokensOf(db: Knex): void {
  for (const [hash, entry] of known.entries()) if (entry.db === db) known.delete(hash);
}

/**
 * A token's "last used" is written at most once a minute per token and process: the database's
 * own condition (queries.ts touchToken) then keeps instances from writing it more often. Between
 * touches the time is not lost: it is the same minute.
 */
export const TOUCH_EVERY_MS = 60_000;
const touched = new LRUCache<string, number>({ max: 10_000, ttl: TOUCH_EVERY_MS });

/** True when this process should write the token's last use now (and notes that it does). */
export function touchDue(tokenId: string): boolean {
  if (touched.has(tokenId)) return false;
  touched.set(tokenId, Date.now());
  return true;
}
