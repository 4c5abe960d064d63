import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { BadInputError, ForbiddenError, NotFoundError, recordsOfIssues } from '../core/errors';
import { slug, text } from '../core/fields';
import { hashSecret, newSecret } from './tokens';
import { cachedToken, forgetToken, rememberToken, touchDue } from './tokenCache';
import { countTokens, insertToken, listTokens, liveTokenByHash, revokeTokenById, tokenById, touchToken, type TokenRow } from './queries';
import { grants, SCOPES, SYSTEM, type Scope, type Viewer } from '../core/viewer';
import { authorize } from '../core/permissions';
import { CODE_MINUTES, createSignInCode, signInLink } from './signInCodes';
import { ensureDataDir } from '../dataDir';
import { viewerOfToken } from './tokenViewer';
import { groupIdOf } from '../groups/service';
import { groupById } from '../groups/queries';

const tokenInput = z.object({
  name: text,
  scopes: z.array(z.enum(SCOPES, { error: `must be one of ${SCOPES.join(', ')}` })).min(1, 'must name at least one scope'),
  teams: z.array(slug).min(1, 'must name at least one team, or be left out for every team').nullish(),
  group: z.union([z.string(), z.number()]).nullish(),
  expiresAt: z.date().nullish(),
}).refine((t) => !(t.teams && t.scopes.includes('admin')), {
  path: ['teams'],
  message: 'an admin token acts for the whole org: leave teams out, or give a team-limited token other scopes',
}).refine((t) => !(t.group != null && t.scopes.includes('admin')), {
  path: ['group'],
  message: 'an admin token acts for the whole org: leave group out, or give a group-limited token other scopes',
}).refine((t) => !(t.group != null && t.teams), {
  path: ['group'],
  message: 'limit a token to teams or to a group, not both',
});

export type TokenInput = z.input<typeof tokenInput>;

/**
 * Whether a viewer may see and revoke a token: any, for a viewer not limited to teams; else only
 * tokens limited to some of its own teams.
 */
function withinViewer(viewer: Viewer, token: { teams: string[] | null; groupId?: number | null }): boolean {
  const own = viewer.teams;
  if (own === null) return true;
  // A group gains teams over time, so a group token never stays within a limited viewer's teams.
  return (token.groupId ?? null) === null && token.teams !== null && token.teams.every((t) => own.includes(t));
}

/**
 * Admin tokens are org-wide, so a viewer limited to teams should not hold one; one stored before
 * that rule still cannot widen its reach: it creates only tokens limited to some of its own teams,
 * with scopes it holds.
 */
function requireWithinViewer(viewer: Viewer, token: { scopes: readonly Scope[]; teams?: string[] | null; group?: unknown }): void {
  if (viewer.teams === null) return;
  if (token.group != null) throw new ForbiddenError(`The token "${viewer.name}" is limited to teams: it cannot create a token limited to a group, which may gain other teams.`);
  if (!withinViewer(viewer, { teams: token.teams ?? null })) {
    throw new ForbiddenError(`The token "${viewer.name}" is limited to ${viewer.teams.join(', ')}: it can only create tokens limited to some of those teams.`);
  }
  const missing = token.scopes.filter((s) => !grants(viewer.scopes, s));
  if (missing.length) throw new ForbiddenError(`The token "${viewer.name}" cannot give scopes it does not hold: ${missing.join(', ')}.`);
}

/**
 * Creates a token; the secret is returned once and only its hash is stored. Server-side callers
 * (the CLI, first start, tests) act as SYSTEM; requests pass their viewer.
 */
export async function createToken(db: Knex, input: TokenInput, viewer: Viewer = SYSTEM): Promise<TokenRow & { token: string }> {
  authorize(viewer, 'Mutation.createToken');
  const parsed = tokenInput.safeParse(input);
  if (parsed.success) requireWithinViewer(viewer, parsed.data);
  const problems = parsed.success ? [] : recordsOfIssues(parsed.error.issues, 0);
  if (parsed.success && parsed.data.expiresAt && parsed.data.expiresAt.getTime() <= Date.now()) {
    problems.push({ index: 0, field: 'expiresAt', message: 'must be in the future' });
  }
  if (parsed.success && parsed.data.teams) {
    const known = new Set((await db('teams').select('slug').whereIn('slug', parsed.data.teams)).map((t: { slug: string }) => t.slug));
    parsed.data.teams.forEach((t, i) => { if (!known.has(t)) problems.push({ index: 0, field: `teams.${i}`, message: `no team with slug "${t}"` }); });
  }
  const groupId = parsed.success && parsed.data.group != null ? groupIdOf(parsed.data.group) : null;
  if (parsed.success && parsed.data.group != null && (groupId === null || !(await groupById(db, groupId)))) {
    problems.push({ index: 0, field: 'group', message: `no group with id "${parsed.data.group}"` });
  }
  if (problems.length) throw new BadInputError(`Invalid token: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  const { name, scopes, teams, expiresAt } = parsed.data!;
  const token = newSecret();
  const [row] = await insertToken(db, { id: randomUUID(), name, hash: hashSecret(token), scopes: [...new Set(scopes)], teams: teams ?? null, groupId, expiresAt: expiresAt ?? null });
  return { ...row, token };
}

/** Every token the viewer may see, newest first: all of them, or for a limited viewer those within its teams. */
export async function visibleTokens(db: Knex, viewer: Viewer): Promise<TokenRow[]> {
  authorize(viewer, 'Query.tokens');
  return (await listTokens(db)).filter((t) => withinViewer(viewer, t));
}

/** Revokes a live token; one the viewer may not see is NOT_FOUND, like one that does not exist. */
export async function revokeToken(db: Knex, id: string, viewer: Viewer = SYSTEM): Promise<boolean> {
  authorize(viewer, 'Mutation.revokeToken');
  const token = z.uuid().safeParse(id).success ? await tokenById(db, id) : undefined;
  if (!token || !withinViewer(viewer, token) || (await revokeTokenById(db, id)) === 0) throw new NotFoundError(`No live token with id "${id}".`);
  forgetToken(id);
  return true;
}

/** The viewer for a presented secret, or null when it is unknown, revoked or expired. */
export async function authenticate(db: Knex, secret: string): Promise<Viewer | null> {
  const hash = hashSecret(secret);
  let token = cachedToken(db, hash);
  if (!token) {
    const row = await liveTokenByHash(db, hash);
    if (!row) return null;
    token = { id: row.id, name: row.name, scopes: row.scopes, teams: row.teams, group_id: row.groupId ?? null };
    rememberToken(db, hash, token, row.expiresAt);
  }
  // Last-used is best effort (never fail a request on it), written at most once a minute.
  if (touchDue(token.id)) void touchToken(db, token.id).catch(() => undefined);
  // A group token's teams are its group's as they are now, read here: membership changes anywhere.
  return viewerOfToken(db, token);
}

function writeTokenFile(file: string, token: string) {
  ensureDataDir(path.dirname(file));
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/**
 * First start: with no token at all, create the first admin token — HEADROOM_ADMIN_TOKEN when the
 * operator provisions by script, else a random one kept in the data folder (0600) and a one-time
 * sign-in link printed for it. The link carries a short-lived code, never the token.
 */
export async function bootstrapAdminToken(db: Knex, opts: { adminToken?: string; dataDir: string; baseUrl: string; log: Logger }): Promise<void> {
  // Instances starting together on an empty database take turns (a transaction-scoped lock, so
  // PgBouncer's transaction mode is fine): the first creates the token, the others find it.
  const token = opts.adminToken ?? newSecret();
  const file = path.join(opts.dataDir, 'admin-token');
  const created = await db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['headroom|first admin token']);
    if ((await countTokens(trx)) > 0) return null;
    const name = opts.adminToken ? 'admin (HEADROOM_ADMIN_TOKEN)' : 'admin (first start)';
    const [row] = await insertToken(trx, { id: randomUUID(), name, hash: hashSecret(token), scopes: ['admin'], teams: null, expiresAt: null });
    // Written before the commit: if the file cannot be written, no token exists that nobody knows.
    if (!opts.adminToken) writeTokenFile(file, token);
    return row;
  });
  if (!created) return;
  if (opts.adminToken) {
    opts.log.info('created the first admin token from HEADROOM_ADMIN_TOKEN');
    return;
  }
  const code = await createSignInCode(db, created.id);
  // Printed once, on stdout rather than in the structured log, so log shipping does not carry it.
  console.log(
    `\n  Headroom admin sign-in link (one use, valid ${CODE_MINUTES} minutes; the admin token is in ${file}):\n` +
      `  ${signInLink(opts.baseUrl, code)}\n` +
      `  A new link: npm run headroom -- signin-link\n`,
  );
}
