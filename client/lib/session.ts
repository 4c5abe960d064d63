/**
 * Signing in and out: a token is exchanged for an HttpOnly session cookie (POST /api/session) and
 * the cookie is cleared by DELETE /api/session. The token never stays in script-readable storage.
 * The URL helpers are pure, so their rules are tested without a browser.
 */
import type { Viewer } from '../graphql/operations';

export const SIGN_IN_PATH = '/signin';

/** The token of a sign-in link's fragment (`#token=hr_…`), or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token')?.trim();
  return token ? token : null;
}

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

/** Exchanges a token for the session cookie; resolves with who signed in. */
export async function createSession(token: string): Promise<Viewer> {
  let res: Response;
  try {
    res = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ token: token.trim() }),
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

/** Clears the session cookie. */
export async function endSession(): Promise<void> {
  const res = await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' });
  if (!res.ok) throw new SignInError(`Signing out failed: the server answered ${res.status}.`);
}
