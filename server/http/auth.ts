import { Router, type Request, type Response, type NextFunction } from 'express';
import express from 'express';
import type { Knex } from 'knex';
import { grants, type Scope } from '../core/viewer';
import { authenticate } from '../auth/service';
import { ingestLimiter } from '../auth/rateLimit';
import { ANONYMOUS, PUBLIC_READER, type Viewer } from '../core/viewer';
import { endSession, sessionViewer, SESSION_MS, startSession } from '../auth/sessions';
import { redeemSignInCode } from '../auth/signInCodes';
import { RateLimitedError } from '../core/errors';
import { sendDomainError, sendError } from './errors';

const SESSION_COOKIE = 'headroom_session';

/** The session cookie's value, or null without one. */
function sessionSecret(req: Request): string | null {
  const value: unknown = req.cookies?.[SESSION_COOKIE];
  if (value === undefined) return null;
  // cookie-parser turns `j:…` values into JSON objects; no session secret looks like that.
  return typeof value === 'string' ? value : '';
}

/**
 * The viewer of a request: its bearer token's, else its session's (a session belongs to a token and
 * ends with it), else anonymous (read-only when HEADROOM_PUBLIC_READ=true). A presented but unknown,
 * revoked or expired token or session yields null: the caller answers UNAUTHENTICATED.
 */
export async function viewerOf(db: Knex, req: Request, publicRead: boolean): Promise<Viewer | null> {
  const header = req.get('authorization');
  if (header) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    return bearer ? authenticate(db, bearer) : null;
  }
  const session = sessionSecret(req);
  if (session === null) return publicRead ? PUBLIC_READER : ANONYMOUS;
  return session ? sessionViewer(db, session) : null;
}

/**
 * Middleware for HTTP endpoints beside GraphQL: sets res.locals.viewer or answers 401/403. `scope`
 * may depend on the request (the CSV import's kind); `rateLimited` endpoints take the ingestion
 * limiter (every ingest-scope endpoint does).
 */
export function requireHttpScope(db: Knex, publicRead: boolean, scopeFor: Scope | ((req: Request) => Scope), { rateLimited = false } = {}) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const scope = typeof scopeFor === 'function' ? scopeFor(req) : scopeFor;
      const viewer = await viewerOf(db, req, publicRead);
      if (!viewer || (viewer.tokenId === null && !grants(viewer.scopes, scope))) {
        sendError(res, 401, 'UNAUTHENTICATED', 'Send a bearer token (Authorization: Bearer …) or sign in.');
        return;
      }
      if (!grants(viewer.scopes, scope)) {
        sendError(res, 403, 'FORBIDDEN', `This needs the "${scope}" scope; the token "${viewer.name}" has ${viewer.scopes.join(', ')}.`);
        return;
      }
      if (rateLimited || scope === 'ingest') {
        const r = ingestLimiter.take(viewer.tokenId ?? viewer.name);
        if (!r.ok) {
          sendDomainError(res, new RateLimitedError(r.retryAfter));
          return;
        }
      }
      res.locals.viewer = viewer;
      next();
    } catch (e) {
      next(e);
    }
  };
}

const BAD_SIGN_IN = 'Send { "token": "hr_…" } or { "code": "…" } from a sign-in link.';

const nonEmpty = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * Dashboard sign-in: a token, or the one-time code of a sign-in link, is exchanged for a session
 * whose random secret goes into an HttpOnly, SameSite=Strict cookie. Sign-out ends the session.
 */
export function sessionRoutes(db: Knex): Router {
  const router = Router();
  const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: '/' });
  router.post('/api/session', express.json({ limit: '4kb' }), async (req, res) => {
    const token = nonEmpty(req.body?.token);
    const code = nonEmpty(req.body?.code);
    if (!token === !code) {
      sendError(res, 400, 'BAD_USER_INPUT', BAD_SIGN_IN);
      return;
    }
    const viewer = token ? await authenticate(db, token) : await redeemSignInCode(db, code!);
    if (!viewer?.tokenId) {
      const message = token
        ? 'That token is unknown, revoked or expired.'
        : 'That sign-in link is unknown, already used or expired. Sign in with a token, or print a new link with: npm run headroom -- signin-link';
      sendError(res, 401, 'UNAUTHENTICATED', message);
      return;
    }
    // The cookie is about to be replaced: end the session it held, so none lingers unreachable.
    const previous = sessionSecret(req);
    if (previous) await endSession(db, previous);
    const session = await startSession(db, viewer.tokenId);
    res.cookie(SESSION_COOKIE, session.secret, { ...cookieOptions(req), maxAge: SESSION_MS });
    res.json({ name: viewer.name, scopes: viewer.scopes, teams: viewer.teams });
  });
  router.delete('/api/session', async (req, res) => {
    const session = sessionSecret(req);
    if (session) await endSession(db, session);
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.status(204).end();
  });
  return router;
}
