import type { Knex } from 'knex';
import { BadInputError, ForbiddenError, NotFoundError, invalidInput, recordsOfIssues } from '../core/errors';
import { text } from '../core/fields';
import { authorize } from '../core/permissions';
import type { Scope } from '../core/scope';
import type { Viewer } from '../core/viewer';
import {
  deleteGroupById, groupById, groupByName, groupContents, insertGroup, listGroups, releaseRevokedTokens,
  setTeamGroupId, teamIdsInGroupTree, teamSlugsInGroupTree, updateGroup, type GroupRow,
} from './queries';
import { lineage, placementProblem } from './tree';

/**
 * Groups of teams: rules and validation, callable from GraphQL, the CLI and tests. Groups are managed
 * with the scope that manages teams (admin); reading them needs read. A viewer limited to teams sees
 * the groups its teams sit in and their ancestors (for the paths), nothing of the rest of the org.
 */

/**
 * The ids of the teams in a group and every group nested in it, as they are now; archived teams only
 * when asked for. For other domains (notifications' group digests, group-limited tokens) to import.
 */
export function teamIdsInGroup(db: Knex, groupId: number, { includeArchived = false } = {}): Promise<number[]> {
  return teamIdsInGroupTree(db, groupId, includeArchived);
}

/** Slugs of the teams a token limited to this group sees: its teams and its nested groups' teams, archived ones too. */
export function teamSlugsOfGroup(db: Knex, groupId: number): Promise<string[]> {
  return teamSlugsInGroupTree(db, groupId);
}

/** A GraphQL ID (or the CLI's argument) as a group id; null when it cannot be one. */
export function groupIdOf(id: string | number): number | null {
  const n = typeof id === 'number' ? id : /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : NaN;
  return Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
}

/** The group, or NOT_FOUND naming what was asked for. */
export async function requireGroup(db: Knex, id: string | number, field = 'id'): Promise<GroupRow> {
  const n = groupIdOf(id);
  const row = n === null ? undefined : await groupById(db, n);
  if (!row) throw new NotFoundError(`No group with id "${id}".`, [{ index: 0, field, message: `no group with id "${id}"` }]);
  return row;
}

/** A group by its unique name (the CLI names groups), or NOT_FOUND. */
export async function requireGroupNamed(db: Knex, name: string): Promise<GroupRow> {
  const row = await groupByName(db, name);
  if (!row) throw new NotFoundError(`No group named "${name}".`);
  return row;
}

/** The groups a viewer may see: all, or for a viewer limited to teams those holding its teams, with their ancestors. */
export async function visibleGroups(ctx: Scope): Promise<GroupRow[]> {
  authorize(ctx.viewer, 'Query.groups');
  const all = await listGroups(ctx.db);
  if (ctx.viewer.teams === null) return all;
  const held: number[] = ctx.viewer.teams.length
    ? await ctx.db('teams').whereIn('slug', ctx.viewer.teams).whereNotNull('group_id').distinct().pluck('group_id')
    : [];
  const ids = new Set(held.flatMap((id) => lineage(all, id).map((g) => g.id)));
  return all.filter((g) => ids.has(g.id));
}

function checkedName(name: unknown): string {
  const parsed = text.safeParse(name);
  if (!parsed.success) throw invalidInput('group', recordsOfIssues(parsed.error.issues, 0, 'name').map((r) => ({ ...r, field: 'name' })));
  return parsed.data;
}

/**
 * Groups span the org, and who sits in which group decides what group tokens see: a token limited
 * to teams (an admin token stored before admin became org-wide) changes none of them.
 */
function requireOrgWide(viewer: Viewer): void {
  if (viewer.teams !== null) throw new ForbiddenError(`Groups span the org: the token "${viewer.name}" is limited to ${viewer.teams.join(', ') || 'no team'}, so it cannot change them.`);
}

/**
 * Group changes take turns: a depth or cycle check holds only if nobody moves a group meanwhile, and
 * deleteGroup's emptiness check only if nothing joins the group meanwhile (notifications' group
 * subscriptions take this lock too).
 */
export async function lockGroups(trx: Knex.Transaction): Promise<void> {
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['headroom|groups']);
}

async function requireFreeName(db: Knex, name: string, except?: number): Promise<void> {
  const other = await groupByName(db, name);
  if (other && other.id !== except) throw new BadInputError(`A group named "${name}" already exists; group names are unique.`, [{ index: 0, field: 'name', message: `"${name}" is taken` }]);
}

/** The parent a change names, checked: the group may sit there (depth, cycles). */
async function requirePlacement(trx: Knex.Transaction, id: number, parent: string | number | null | undefined): Promise<number | null> {
  if (parent === null || parent === undefined) {
    const problem = placementProblem(await listGroups(trx), id, null);
    if (problem) throw new BadInputError(`This group cannot move to the top level: ${problem}.`, [{ index: 0, field: 'parent', message: problem }]);
    return null;
  }
  const parentId = groupIdOf(parent);
  const problem = parentId === null ? `no group with id "${parent}"` : placementProblem(await listGroups(trx), id, parentId);
  if (problem) throw new BadInputError(`The group cannot go there: ${problem}.`, [{ index: 0, field: 'parent', message: problem }]);
  return parentId;
}

/** Creates a group, at the top level or under `parent`; names are unique, nesting at most three levels. */
export async function createGroup(ctx: Scope, input: { name: string; parent?: string | number | null }): Promise<GroupRow> {
  authorize(ctx.viewer, 'Mutation.createGroup');
  requireOrgWide(ctx.viewer);
  const name = checkedName(input.name);
  return ctx.db.transaction(async (trx) => {
    await lockGroups(trx);
    await requireFreeName(trx, name);
    // A new group has no id yet: 0 is none, and it has no subgroups.
    const parentId = await requirePlacement(trx, 0, input.parent);
    return insertGroup(trx, { name, parentId });
  });
}

export async function renameGroup(ctx: Scope, id: string | number, name: string): Promise<GroupRow> {
  authorize(ctx.viewer, 'Mutation.renameGroup');
  requireOrgWide(ctx.viewer);
  const checked = checkedName(name);
  return ctx.db.transaction(async (trx) => {
    await lockGroups(trx);
    const group = await requireGroup(trx, id);
    await requireFreeName(trx, checked, group.id);
    return updateGroup(trx, group.id, { name: checked });
  });
}

/** Moves a group (with its subgroups and teams) under another, or to the top level (parent null). */
export async function moveGroup(ctx: Scope, id: string | number, parent: string | number | null | undefined): Promise<GroupRow> {
  authorize(ctx.viewer, 'Mutation.moveGroup');
  requireOrgWide(ctx.viewer);
  return ctx.db.transaction(async (trx) => {
    await lockGroups(trx);
    const group = await requireGroup(trx, id);
    const parentId = await requirePlacement(trx, group.id, parent);
    return updateGroup(trx, group.id, { parentId });
  });
}

/**
 * Deletes an empty group. A group that still holds teams (archived ones too), subgroups, tokens
 * limited to it or notification subscriptions is refused, naming them: deleting it would silently
 * widen those tokens, drop teams out of their group rows or leave a channel hearing nothing, so the
 * caller moves, revokes or unsubscribes them first.
 */
export async function deleteGroup(ctx: Scope, id: string | number): Promise<boolean> {
  authorize(ctx.viewer, 'Mutation.deleteGroup');
  requireOrgWide(ctx.viewer);
  return ctx.db.transaction(async (trx) => {
    await lockGroups(trx);
    const group = await requireGroup(trx, id);
    const { teams, subgroups, tokens, channels } = await groupContents(trx, group.id);
    const held = [
      teams.length ? `teams ${teams.join(', ')} (move them with setTeamGroup)` : '',
      subgroups.length ? `groups ${subgroups.join(', ')} (move or delete them first)` : '',
      tokens.length ? `tokens limited to it: ${tokens.join(', ')} (revoke them first)` : '',
      channels.length ? `notification subscriptions of ${channels.join(', ')} (unsubscribe them first)` : '',
    ].filter(Boolean);
    if (held.length) throw new BadInputError(`The group "${group.name}" is not empty; it holds ${held.join('; ')}.`, [{ index: 0, field: 'id', message: 'the group is not empty' }]);
    await releaseRevokedTokens(trx, group.id);
    await deleteGroupById(trx, group.id);
    return true;
  });
}

/** Puts a team in a group, or in none (group null). */
export async function setTeamGroup(ctx: Scope, team: string, group: string | number | null | undefined): Promise<void> {
  authorize(ctx.viewer, 'Mutation.setTeamGroup', [team]);
  requireOrgWide(ctx.viewer);
  await ctx.db.transaction(async (trx) => {
    await lockGroups(trx);
    const groupId = group === null || group === undefined ? null : (await requireGroup(trx, group, 'group')).id;
    if ((await setTeamGroupId(trx, team, groupId)) === 0) throw new NotFoundError(`No team with slug "${team}".`, [{ index: 0, field: 'team', message: `no team with slug "${team}"` }]);
  });
}
