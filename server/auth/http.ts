import { Router, type Request, type Response, type NextFunction } from 'express';
import express from 'express';
import type { Knex } from 'knex';
import { grants, type Scope } from './tokens';
import { authenticate } from './service';
import { ingestLimiter } from './rateLimit';
import { ANONYMOUS, PUBLIC_READER, type Viewer } from './viewer';

export const SESSION_COOKIE = 'headroom_session';

/** The secret a request presents: a bearer token, else the dashboard's session cookie. */
function presentedSecret(req: Request): string | null {
  const header = req.get('authorization');
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m ? m[1] : '';
  }
  return (req.cookies?.[SESSION_COOKIE] as string | undefined) ?? null;
}

/**
 * The viewer of a request: its token's, or anonymous (read-only when HEADROOM_PUBLIC_READ=true).
 * A presented but unknown, revoked or expired token yields null: the caller answers UNAUTHENTICATED.
 */
export async function viewerOf(db: Knex, req: Request, publicRead: boolean): Promise<Viewer | null> {
  const secret = presentedSecret(req);
  if (secret === null) return publicRead ? PUBLIC_READER : ANONYMOUS;
  if (!secret) return null;
  return authenticate(db, secret);
}

/** Middleware for HTTP endpoints beside GraphQL: sets res.locals.viewer or answers 401/403. */
export function requireHttpScope(db: Knex, publicRead: boolean, scope: Scope) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const viewer = await viewerOf(db, req, publicRead);
      if (!viewer || (viewer.tokenId === null && !grants(viewer.scopes, scope))) {
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Send a bearer token (Authorization: Bearer …) or sign in.' } });
        return;
      }
      if (!grants(viewer.scopes, scope)) {
        res.status(403).json({ error: { code: 'FORBIDDEN', message: `This needs the "${scope}" scope; the token "${viewer.name}" has ${viewer.scopes.join(', ')}.` } });
        return;
      }
      if (scope === 'ingest') {
        const r = ingestLimiter.take(viewer.tokenId ?? viewer.name);
        if (!r.ok) {
          res.status(429).set('retry-after', String(r.retryAfter)).json({ error: { code: 'RATE_LIMITED', message: `Too many ingestion requests for this token; retry in ${r.retryAfter} s.` } });
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

/** Dashboard sign-in: exchanges a token for an HttpOnly, SameSite=Strict cookie; sign-out clears it. */
export function sessionRoutes(db: Knex): Router {
  const router = Router();
  router.post('/api/session', express.json({ limit: '4kb' }), async (req, res) => {
    const token = typeof req.body?.token === 'string' ? req.body.token.trim() : '';
    const viewer = token ? await authenticate(db, token) : null;
    if (!viewer) {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'That token is unknown, revoked or expired.' } });
      return;
    }
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: 12 * 3600 * 1000 });
    res.json({ name: viewer.name, scopes: viewer.scopes, teams: viewer.teams });
  });
  router.delete('/api/session', (req, res) => {
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
    res.status(204).end();
  });
  return router;
}
