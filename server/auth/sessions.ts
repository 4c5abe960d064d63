import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { viewerOfToken } from './tokenViewer';
import { hashSecret } from './tokens';
import { touchToken } from './queries';
import { touchDue } from './tokenCache';
import type { Viewer } from '../core/viewer';

/**
 * Dashboard sessions. The cookie holds a random session secret, never a token: signing out deletes
 * the session, and a stolen cookie is worth one session of at most SESSION_HOURS, not the token.
 * A session lasts SESSION_HOURS from sign-in and is never extended (the same absolute limit as the
 * cookie's Max-Age), and it works only while its token is live: revoking or expiring a token ends
 * its sessions with it.
 */
export const SESSION_HOURS = 12;
export const SESSION_MS = SESSION_HOURS * 3600 * 1000;

/** Starts a session for a token; returns the secret for the cookie (only its hash is stored). */
export async function startSession(db: Knex, tokenId: string): Promise<{ secret: string; expiresAt: Date }> {
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_MS);
  // Sessions past their end are of no use to anyone: cleared as new ones begin (indexed, cheap).
  await db('sessions').where('expires_at', '<', db.fn.now()).delete();
  await db('sessions').insert({ hash: hashSecret(secret), token_id: tokenId, expires_at: expiresAt });
  return { secret, expiresAt };
}

/** The viewer of a session secret: its token's, or null when the session or its token is gone. */
export async function sessionViewer(db: Knex, secret: string): Promise<Viewer | null> {
  const row = await db('sessions as s')
    .join('tokens as t', 't.id', 's.token_id')
    .select('t.id', 't.name', 't.scopes', 't.teams', 't.group_id')
    .where('s.hash', hashSecret(secret))
    .where('s.expires_at', '>', db.fn.now())
    .whereNull('t.revoked_at')
    .where((q) => q.whereNull('t.expires_at').orWhere('t.expires_at', '>', db.fn.now()))
    .first();
  if (!row) return null;
  // The token's last use includes its sessions'; best effort, at most once a minute (tokenCache.ts).
  if (touchDue(row.id)) void touchToken(db, row.id).catch(() => undefined);
  return viewerOfToken(db, row);
}

/** Signing out: the session ends on the server, whatever the browser does with its cookie. */
export async function endSession(db: Knex, secret: string): Promise<void> {
  await db('sessions').where({ hash: hashSecret(secret) }).delete();
}
