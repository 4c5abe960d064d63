import type { Knex } from 'knex';
import type { GroupNode } from './tree';

/** A stored group (the GraphQL mapper of Group, codegen.ts). */
export interface GroupRow extends GroupNode {
  createdAt: Date | string;
}

const columns = ['id', 'name', 'parent_id as parentId', 'created_at as createdAt'];

/** Every group (a small table: an org has tens of them), by name. */
export function listGroups(db: Knex): Promise<GroupRow[]> {
  return db('groups').select(columns).orderBy('name');
}

export function groupById(db: Knex, id: number): Promise<GroupRow | undefined> {
  return db('groups').select(columns).where({ id }).first();
}

export function groupByName(db: Knex, name: string): Promise<GroupRow | undefined> {
  return db('groups').select(columns).where({ name }).first();
}

export async function insertGroup(db: Knex, g: { name: string; parentId: number | null }): Promise<GroupRow> {
  const [row] = await db('groups').insert({ name: g.name, parent_id: g.parentId }).returning(columns);
  return row;
}

export async function updateGroup(db: Knex, id: number, change: { name?: string; parentId?: number | null }): Promise<GroupRow> {
  const row: Record<string, unknown> = {};
  if (change.name !== undefined) row.name = change.name;
  if (change.parentId !== undefined) row.parent_id = change.parentId;
  const [saved] = await db('groups').where({ id }).update(row).returning(columns);
  return saved;
}

export function deleteGroupById(db: Knex, id: number): Promise<number> {
  return db('groups').where({ id }).delete();
}

/**
 * Ids of the teams in a group and every group nested in it, in one recursive query; archived teams
 * only when asked for.
 */
export async function teamIdsInGroupTree(db: Knex, groupId: number, includeArchived: boolean): Promise<number[]> {
  const { rows } = await db.raw(
    `WITH RECURSIVE tree(id) AS (SELECT id FROM groups WHERE id = ? UNION SELECT g.id FROM groups g JOIN tree ON g.parent_id = tree.id)
     SELECT t.id FROM teams t JOIN tree ON t.group_id = tree.id ${includeArchived ? '' : 'WHERE t.archived_at IS NULL'} ORDER BY t.id`,
    [groupId],
  );
  return rows.map((r: { id: number }) => Number(r.id));
}

/** Slugs of the teams in a group and its nested groups, archived ones included (a group token reads their history too). */
export async function teamSlugsInGroupTree(db: Knex, groupId: number): Promise<string[]> {
  const { rows } = await db.raw(
    `WITH RECURSIVE tree(id) AS (SELECT id FROM groups WHERE id = ? UNION SELECT g.id FROM groups g JOIN tree ON g.parent_id = tree.id)
     SELECT t.slug FROM teams t JOIN tree ON t.group_id = tree.id ORDER BY t.slug`,
    [groupId],
  );
  return rows.map((r: { slug: string }) => r.slug);
}

/**
 * What keeps a group from being deleted: its teams (archived too), subgroups, unrevoked tokens and
 * the notification channels subscribed to it (read as a table here: notifications sit above groups).
 */
export async function groupContents(db: Knex, id: number): Promise<{ teams: string[]; subgroups: string[]; tokens: string[]; channels: string[] }> {
  // One after the other: called in a transaction, whose one connection takes one query at a time.
  const teams: string[] = await db('teams').where({ group_id: id }).orderBy('slug').pluck('slug');
  const subgroups: string[] = await db('groups').where({ parent_id: id }).orderBy('name').pluck('name');
  const tokens: string[] = await db('tokens').where({ group_id: id }).whereNull('revoked_at').orderBy('name').pluck('name');
  const channels: string[] = await db('notification_subscriptions as s').join('notification_channels as c', 'c.id', 's.channel_id').where('s.group_id', id).orderBy('c.name').pluck('c.name');
  return { teams, subgroups, tokens, channels };
}

/** Revoked tokens keep no hold on a deleted group: their (useless) limit becomes "no team". */
export function releaseRevokedTokens(db: Knex, id: number): Promise<number> {
  return db('tokens').where({ group_id: id }).whereNotNull('revoked_at').update({ group_id: null, teams: db.raw("'{}'::text[]") });
}

export async function setTeamGroupId(db: Knex, slug: string, groupId: number | null): Promise<number> {
  return db('teams').where({ slug }).update({ group_id: groupId, updated_at: db.fn.now() });
}

