import { ForbiddenError, UnauthenticatedError, type RecordError } from './errors';

export const SCOPES = ['read', 'ingest', 'plan', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * What a set of scopes allows. admin allows everything; plan includes read (planning needs the
 * figures); ingest is write-only for signals, so a CI pipeline's token cannot read the org's data.
 */
export function grants(held: readonly Scope[], needed: Scope): boolean {
  if (held.includes('admin')) return true;
  if (needed === 'read') return held.includes('read') || held.includes('plan');
  return held.includes(needed);
}

/** Who is calling: a token (or the anonymous public reader), its scopes and team restriction. */
export interface Viewer {
  tokenId: string | null;
  name: string;
  scopes: Scope[];
  /** Slugs this viewer may see or write; null means every team. */
  teams: string[] | null;
  /**
   * The group a token is limited to; its `teams` are then the group's teams (nested groups'
   * included) as they were when the request began. Absent or null for other viewers.
   */
  groupId?: number | null;
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
    if (!viewer.teams.includes(slug)) throw new ForbiddenError(`${limitOf(viewer)}; it cannot act on team "${slug}".`);
  }
}

/** The "team" a call that leaves its team out acts on: the org-wide default (guardrails, load model). */
export const ORG_DEFAULT = '(org default)';

/** What a limited token may act on, for messages. */
function limitOf(viewer: Viewer): string {
  return `The token "${viewer.name}" is limited to ${viewer.teams?.join(', ') || 'no team'}`;
}

/**
 * Input records (at their index) whose `team` is outside the viewer's teams. Checked on the slug
 * before anything is looked up, so a team that exists and one that does not get the same answer.
 */
export function recordsOutsideTeams(viewer: Viewer, records: readonly unknown[], indexOf = (i: number) => i): RecordError[] {
  const teams = viewer.teams;
  if (teams === null) return [];
  return records.flatMap((r, i) => {
    const team = r && typeof r === 'object' ? (r as { team?: unknown }).team : undefined;
    return typeof team === 'string' && !teams.includes(team) ? [{ index: indexOf(i), field: 'team', message: `is outside this token's teams; it cannot write team "${team}"` }] : [];
  });
}

/**
 * Throws one FORBIDDEN listing every refused record, if there are any: nothing of the batch is
 * written. `unit` names what an index counts: records of a batch, or lines of a CSV file.
 */
export function throwIfRefused(viewer: Viewer, refused: RecordError[], what: string, unit: 'record' | 'line' = 'record'): void {
  if (refused.length === 0) return;
  const sorted = [...refused].sort((a, b) => a.index - b.index);
  const n = new Set(sorted.map((r) => r.index)).size;
  const first = `${unit === 'line' ? 'line ' : '#'}${sorted[0].index} ${sorted[0].field}: ${sorted[0].message}`;
  throw new ForbiddenError(`${limitOf(viewer)}: ${n} ${what} ${unit}${n === 1 ? ' was' : 's were'} refused; nothing was written. First: ${first}`, sorted);
}
