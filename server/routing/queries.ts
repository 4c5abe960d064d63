import type { Knex } from 'knex';
import type { TeamRow } from '../teams/queries';

export interface MappingRow {
  source: string;
  key: string;
  createdAt: Date;
  team: TeamRow;
}

/** Team ids mapped from some keys of a source. */
export async function mappedTeams(db: Knex, source: string, keys: readonly string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows: { key: string; team_id: number }[] = await db('source_mappings').select('key', 'team_id').where({ source }).whereIn('key', [...keys]);
  return new Map(rows.map((r) => [r.key, r.team_id]));
}

/** The team a mapping points to (null when there is none), locked until the transaction ends. */
export async function lockedMappingTeam(trx: Knex.Transaction, source: string, key: string): Promise<number | null> {
  const row = await trx('source_mappings').select('team_id').where({ source, key }).forUpdate().first();
  return row?.team_id ?? null;
}

/** Inserts or re-points a mapping. */
export async function upsertMapping(trx: Knex.Transaction, source: string, key: string, teamId: number): Promise<void> {
  await trx('source_mappings').insert({ source, key, team_id: teamId }).onConflict(['source', 'key']).merge({ team_id: teamId });
}

const TEAM_COLUMNS = ['id', 'slug', 'name', 'timezone', 'members', 'focus_hours_per_day'];

/** Every mapping with its team, by source then key; or one; or those of some teams (slugs). */
export async function listMappings(db: Knex, only?: { source: string; key: string }, ofTeams?: readonly string[] | null): Promise<MappingRow[]> {
  const q = db('source_mappings as m')
    .join('teams as t', 't.id', 'm.team_id')
    .select('m.source', 'm.key', 'm.created_at', ...TEAM_COLUMNS.map((c) => `t.${c} as team_${c}`))
    .orderBy(['m.source', 'm.key']);
  if (only) q.where({ 'm.source': only.source, 'm.key': only.key });
  if (ofTeams) q.whereIn('t.slug', [...ofTeams]);
  const rows: Record<string, unknown>[] = await q;
  return rows.map((r) => ({
    source: r.source as string,
    key: r.key as string,
    createdAt: r.created_at as Date,
    team: Object.fromEntries(TEAM_COLUMNS.map((c) => [c, r[`team_${c}`]])) as unknown as TeamRow,
  }));
}

export interface UnroutedRow {
  source: string;
  key: string;
  label: string;
  kind: 'PAGE' | 'DEPLOY';
  count: number;
  firstSeen: Date;
  lastSeen: Date;
}

/** Signals waiting for a mapping, one row per source, key and kind, most recent first. */
export async function unroutedSignals(db: Knex): Promise<UnroutedRow[]> {
  const { rows } = await db.raw(
    `SELECT source, key, label, kind, count, "firstSeen", "lastSeen" FROM (
       SELECT source, COALESCE(routing_key, '') AS key, MAX(service) AS label, 'PAGE' AS kind,
              COUNT(*)::int AS count, MIN(triggered_at) AS "firstSeen", MAX(triggered_at) AS "lastSeen"
         FROM page_events WHERE team_id IS NULL GROUP BY source, COALESCE(routing_key, '')
       UNION ALL
       SELECT source, COALESCE(routing_key, ''), MAX(service), 'DEPLOY',
              COUNT(*)::int, MIN(deployed_at), MAX(deployed_at)
         FROM deploy_events WHERE team_id IS NULL GROUP BY source, COALESCE(routing_key, '')
     ) u
     ORDER BY "lastSeen" DESC, source, key, kind`,
  );
  return rows;
}

export interface RoutableEvent {
  id: number;
  team_id: number | null;
  routing_key: string | null;
  alt_routing_keys?: string[] | null;
  triggered_at?: Date;
  resolved_at?: Date | null;
}

/** Page events of a source a key can route (by routing key or an alternative key), unrouted or on `teamId`. */
export function pagesRoutableBy(trx: Knex, source: string, key: string, teamId: number | null): Promise<RoutableEvent[]> {
  return trx('page_events')
    .select('id', 'team_id', 'routing_key', 'alt_routing_keys', 'triggered_at', 'resolved_at')
    .where({ source })
    .where((q) => q.where('routing_key', key).orWhereRaw('? = ANY(alt_routing_keys)', [key]))
    .where((q) => (teamId === null ? q.whereNull('team_id') : q.whereNull('team_id').orWhere('team_id', teamId)))
    .forUpdate();
}

/** Deploy events of a source with this routing key, unrouted or on `teamId`. */
export function deploysRoutableBy(trx: Knex, source: string, key: string, teamId: number | null): Promise<RoutableEvent[]> {
  return trx('deploy_events')
    .select('id', 'team_id', 'routing_key')
    .where({ source, routing_key: key })
    .where((q) => (teamId === null ? q.whereNull('team_id') : q.whereNull('team_id').orWhere('team_id', teamId)))
    .forUpdate();
}

/** Moves events to teams: [id, team id] pairs. */
export async function setEventTeams(trx: Knex, table: 'page_events' | 'deploy_events', moves: [number, number | null][]): Promise<void> {
  if (moves.length === 0) return;
  await trx.raw(
    `UPDATE ${table} e SET team_id = v.team_id, updated_at = now()
       FROM unnest(?::bigint[], ?::int[]) AS v(id, team_id)
      WHERE e.id = v.id`,
    [moves.map((m) => m[0]), moves.map((m) => m[1]) as number[]],
  );
}

export interface InboxCountsRow {
  sender: string;
  lastDeliveryAt: Date | null;
  pending: number;
  failing: number;
  rejected: number;
}

/** Per sender, from the webhook inbox: its latest delivery and how many wait, fail or were refused. */
export async function inboxCounts(db: Knex): Promise<InboxCountsRow[]> {
  const { rows } = await db.raw(
    `SELECT sender, MAX(received_at) AS "lastDeliveryAt",
            (COUNT(*) FILTER (WHERE state = 'pending'))::int AS pending,
            (COUNT(*) FILTER (WHERE state = 'pending' AND attempts > 0))::int AS failing,
            (COUNT(*) FILTER (WHERE state = 'rejected'))::int AS rejected
       FROM webhook_inbox GROUP BY sender`,
  );
  return rows;
}
