import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { viewerOfToken } from './tokenViewer';
import { hashSecret } from './tokens';
import type { Scope } from '../core/viewer';
import type { Viewer } from '../core/viewer';

/**
 * One-time sign-in codes: what a printed sign-in link carries instead of a token. A code is random,
 * stored only hashed, lives CODE_MINUTES and is exchanged at most once for a session of its token.
 */
export const CODE_MINUTES = 30;

export async function createSignInCode(db: Knex, tokenId: string): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  await db('sign_in_codes').where('expires_at', '<', db.fn.now()).delete();
  await db('sign_in_codes').insert({ hash: hashSecret(code), token_id: tokenId, expires_at: new Date(Date.now() + CODE_MINUTES * 60_000) });
  return code;
}

/**
 * Uses up a code: the viewer of the live token it was issued for, or null when the code is unknown,
 * used or expired or its token is revoked or expired. The delete is the single use: of two requests
 * with the same code, only one gets the row back.
 */
export async function redeemSignInCode(db: Knex, code: string): Promise<Viewer | null> {
  const { rows } = await db.raw<{ rows: { id: string; name: string; scopes: Scope[]; teams: string[] | null; group_id: number | null }[] }>(
    `DELETE FROM sign_in_codes c USING tokens t
      WHERE c.token_id = t.id AND c.hash = ? AND c.expires_at > now()
        AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
      RETURNING t.id, t.name, t.scopes, t.teams, t.group_id`,
    [hashSecret(code)],
  );
  const row = rows[0];
  return row ? viewerOfToken(db, row) : null;
}

/** The link to print. The code sits in the fragment, which browsers never send to the server. */
export function signInLink(baseUrl: string, code: string): string {
  return `${baseUrl}/signin#code=${code}`;
}
