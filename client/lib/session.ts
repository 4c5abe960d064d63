/**
 * Signing in and out: a pasted token, or the one-time code of a sign-in link, is exchanged for an
 * HttpOnly session cookie (POST /api/session); DELETE /api/session ends the session. Neither the
 * token nor the code stays in script-readable storage or in the address bar.
 * The URL helpers are pure, so their rules are tested without a browser.
 */
import type { Viewer } from '../graphql/operations';

export const SIGN_IN_PATH = '/signin';

/** The one-time code of a sign-in link's fragment (`#code=…`), or null. */
export function codeFromHash(hash: string): string | null {
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code')?.trim();
  return code ? code : null;
}

/** What is exchanged for a session: a pasted token, or a sign-in link's one-time code. */
export type Credentials = { token: string } | { code: string };

/**
 * Where to go after signing in: `next` when it is a path of this site, else the overview.
 * Anything that could leave the site (`//evil.example`, `https://…`, `/\evil`) or loop back to
 * the sign-in page is refused.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(next)) return '/';
  const path = next.split(/[?#]/)[0];
  if (path === SIGN_IN_PATH || path.startsWith(`${SIGN_IN_PATH}/`)) return '/';
  return next;
}

/** The sign-in page's address that comes back to `pathname + search` afterwards. */
export function signInPath(pathname: string, search = ''): string {
  const here = pathname + search;
  const next = safeNext(here);
  return next === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
}

export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInError';
  }
}

/** Exchanges a token or a sign-in code for the session cookie; resolves with who signed in. */
export async function createSession(credentials: Credentials): Promise<Viewer> {
  let res: Response;
  try {
    res = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify('token' in credentials ? { token: credentials.token.trim() } : credentials),
    });
  } catch {
    throw new SignInError('Could not reach the Headroom server; check your connection and try again.');
  }
  const body = (await res.json().catch(() => null)) as (Viewer & { error?: { message?: string } }) | null;
  if (!res.ok || !body || body.error) {
    throw new SignInError(body?.error?.message ?? `The server answered ${res.status} ${res.statusText}`.trim());
  }
  return { name: body.name, scopes: body.scopes, teams: body.teams ?? null };
}

/** Ends the session on the server and clears its cookie. */
export async function endSession(): Promise<void> {
  const res = await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' });
  if (!res.ok) throw new SignInError(`Signing out failed: the server answered ${res.status}.`);
}
