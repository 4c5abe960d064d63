import type { Knex } from 'knex';

export interface SnapshotRow {
  id: string;
  label: string;
  from: string;
  to: string;
  teams: string[];
  document: string;
  author: string;
  serverVersion: string;
  createdAt: Date;
}

const select = ['id', 'label', 'range_from as from', 'range_to as to', 'teams', 'document', 'author', 'server_version as serverVersion', 'created_at as createdAt'];

export async function insertSnapshot(db: Knex, row: Omit<SnapshotRow, 'createdAt'> & { createdAt: Date }): Promise<SnapshotRow> {
  const [saved] = await db('snapshots')
    .insert({
      id: row.id, label: row.label, range_from: row.from, range_to: row.to, teams: row.teams,
      document: row.document, author: row.author, server_version: row.serverVersion, created_at: row.createdAt,
    })
    .returning(select);
  return saved;
}

export async function snapshotById(db: Knex, id: string): Promise<SnapshotRow | undefined> {
  return db('snapshots').select(select).where({ id }).whereNull('deleted_at').first();
}

/** Newest first; the cursor is the (created_at, id) of the last row seen, so pages never overlap. */
export function snapshotPage(db: Knex, limit: number, after?: { createdAt: string; id: string }, onlyTeams?: string[] | null): Promise<SnapshotRow[]> {
  const q = db('snapshots').select(select).whereNull('deleted_at').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit);
  // A token limited to teams sees only snapshots made of those teams.
  if (onlyTeams) q.whereRaw('teams <@ ?::text[]', [onlyTeams]);
  if (after) q.whereRaw('(created_at, id) < (?::timestamptz, ?::uuid)', [after.createdAt, after.id]);
  return q;
}

/** Deleting hides a snapshot and records who did it; the row itself is kept as evidence. */
export async function markDeleted(db: Knex, id: string, by: string): Promise<boolean> {
  const n = await db('snapshots').where({ id }).whereNull('deleted_at').update({ deleted_at: db.fn.now(), deleted_by: by });
  return n > 0;
}
