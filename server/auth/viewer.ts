import { ForbiddenError, UnauthenticatedError } from '../graphql/errors';
import { grants, type Scope } from './tokens';

/** Who is calling: a token (or the anonymous public reader), its scopes and team restriction. */
export interface Viewer {
  tokenId: string | null;
  name: string;
  scopes: Scope[];
  /** Slugs this viewer may see or write; null means every team. */
  teams: string[] | null;
}

export const ANONYMOUS: Viewer = { tokenId: null, name: 'anonymous', scopes: [], teams: null };
/** The server itself: CLI commands, seeding, exports computed on behalf of a checked request. */
export const SYSTEM: Viewer = { tokenId: null, name: 'system', scopes: ['admin'], teams: null };
export const PUBLIC_READER: Viewer = { tokenId: null, name: 'public', scopes: ['read'], teams: null };

/** Throws UNAUTHENTICATED without a token, FORBIDDEN without the scope. */
export function requireScope(viewer: Viewer, scope: Scope): void {
  if (grants(viewer.scopes, scope)) return;
  // No token presented (anonymous, or the public reader asking for more than reads): sign in.
  if (viewer.tokenId === null) throw new UnauthenticatedError();
  throw new ForbiddenError(`This needs the "${scope}" scope; the token "${viewer.name}" has ${viewer.scopes.length ? viewer.scopes.join(', ') : 'none'}.`);
}

export function canSeeTeam(viewer: Viewer, slug: string): boolean {
  return viewer.teams === null || viewer.teams.includes(slug);
}

/** Throws FORBIDDEN naming the first team outside the viewer's restriction. */
export function requireTeams(viewer: Viewer, slugs: Iterable<string>): void {
  if (viewer.teams === null) return;
  for (const slug of slugs) {
    if (!viewer.teams.includes(slug)) throw new ForbiddenError(`The token "${viewer.name}" is limited to ${viewer.teams.join(', ')}; it cannot act on team "${slug}".`);
  }
}
