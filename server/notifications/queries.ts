import type { Knex } from 'knex';
import type { Status } from '../kpi/guardrails';
import type { GroupRow } from '../groups/queries';
import type { EventName, Payload, SubscribableEvent } from './events';

export type ChannelKind = 'slack' | 'webhook';

export interface ChannelRow {
  id: number;
  name: string;
  kind: ChannelKind;
  url: string;
  secret: string | null;
  enabled: boolean;
  createdAt: Date;
  createdBy: string;
}

export interface SubscriptionRow {
  id: number;
  channelId: number;
  /** The team's slug; null for a group or the whole org. */
  team: string | null;
  /** The group; null for a team or the whole org. */
  group: GroupRow | null;
  events: SubscribableEvent[];
  createdAt: Date;
}

/** Who a subscription is for: one team, one group (with its nested groups), or (null) the whole org. */
export type SubscriptionTarget = { teamId: number } | { groupId: number } | null;

export type OutboxState = 'pending' | 'delivered' | 'failed';

export interface OutboxRow {
  id: number;
  channelId: number | null;
  channelName: string;
  event: EventName;
  team: string | null;
  payload: Payload;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

const CHANNEL_COLUMNS = ['id', 'name', 'kind', 'url', 'secret', 'enabled', 'created_at as createdAt', 'created_by as createdBy'];

const toChannel = (r: ChannelRow): ChannelRow => ({ ...r, id: Number(r.id) });

export async function listChannels(db: Knex): Promise<ChannelRow[]> {
  return (await db('notification_channels').select(CHANNEL_COLUMNS).orderBy('name')).map(toChannel);
}

export async function channelById(db: Knex, id: number): Promise<ChannelRow | undefined> {
  const row = await db('notification_channels').select(CHANNEL_COLUMNS).where({ id }).first();
  return row && toChannel(row);
}

export async function channelByName(db: Knex, name: string): Promise<ChannelRow | undefined> {
  const row = await db('notification_channels').select(CHANNEL_COLUMNS).where({ name }).first();
  return row && toChannel(row);
}

export async function insertChannel(db: Knex, c: { name: string; kind: ChannelKind; url: string; secret: string | null; createdBy: string }): Promise<ChannelRow> {
  const [row] = await db('notification_channels').insert({ name: c.name, kind: c.kind, url: c.url, secret: c.secret, created_by: c.createdBy }).returning(CHANNEL_COLUMNS);
  return toChannel(row);
}

export async function updateChannelRow(db: Knex, id: number, c: { name?: string; url?: string; enabled?: boolean }): Promise<ChannelRow | undefined> {
  const [row] = await db('notification_channels').where({ id }).update(c).returning(CHANNEL_COLUMNS);
  return row && toChannel(row);
}

/** Deletes a channel (its subscriptions go with it); its undelivered messages fail, the log keeps them. */
export async function deleteChannelRow(trx: Knex.Transaction, id: number): Promise<boolean> {
  await trx('notification_outbox').where({ channel_id: id, state: 'pending' }).update({ state: 'failed', last_error: 'the channel was deleted' });
  return (await trx('notification_channels').where({ id }).delete(['id'])).length > 0;
}

const SUBSCRIPTION_COLUMNS = [
  's.id', 's.channel_id as channelId', 't.slug as team', 'g.id as groupId', 'g.name as groupName', 'g.parent_id as groupParentId', 'g.created_at as groupCreatedAt',
  's.events', 's.created_at as createdAt',
];

type SubscriptionSelect = Omit<SubscriptionRow, 'group'> & { groupId: number | null; groupName: string | null; groupParentId: number | null; groupCreatedAt: Date | null };

const toSubscription = ({ groupId, groupName, groupParentId, groupCreatedAt, ...r }: SubscriptionSelect): SubscriptionRow => ({
  ...r,
  id: Number(r.id),
  channelId: Number(r.channelId),
  group: groupId === null ? null : { id: groupId, name: groupName!, parentId: groupParentId, createdAt: groupCreatedAt! },
});

const subscriptions = (db: Knex) =>
  db('notification_subscriptions as s').leftJoin('teams as t', 't.id', 's.team_id').leftJoin('groups as g', 'g.id', 's.group_id').select(SUBSCRIPTION_COLUMNS);

/** A channel's subscriptions: the org-wide one first, then groups by name, then teams by slug. */
export async function listSubscriptions(db: Knex, channelIds?: readonly number[]): Promise<SubscriptionRow[]> {
  const q = subscriptions(db).orderBy([{ column: 's.channel_id' }, { column: 't.slug', order: 'asc', nulls: 'first' }, { column: 'g.name', order: 'asc', nulls: 'first' }]);
  if (channelIds) q.whereIn('s.channel_id', channelIds);
  return (await q).map(toSubscription);
}

/** One subscription per channel and target: a second one for the same target replaces its events. */
export async function upsertSubscription(trx: Knex.Transaction, s: { channelId: number; target: SubscriptionTarget; events: SubscribableEvent[]; createdBy: string }): Promise<number> {
  const teamId = s.target && 'teamId' in s.target ? s.target.teamId : null;
  const groupId = s.target && 'groupId' in s.target ? s.target.groupId : null;
  const { rows } = await trx.raw(
    `INSERT INTO notification_subscriptions (channel_id, team_id, group_id, events, created_by) VALUES (?, ?, ?, ?::text[], ?)
     ON CONFLICT (channel_id, COALESCE(team_id, 0), COALESCE(group_id, 0)) DO UPDATE SET events = EXCLUDED.events
     RETURNING id`,
    [s.channelId, teamId, groupId, s.events, s.createdBy],
  );
  return Number(rows[0].id);
}

export async function subscriptionById(db: Knex, id: number): Promise<SubscriptionRow | undefined> {
  const row = await subscriptions(db).where('s.id', id).first();
  return row && toSubscription(row);
}

export async function deleteSubscriptionRow(db: Knex, id: number): Promise<boolean> {
  return (await db('notification_subscriptions').where({ id }).delete(['id'])).length > 0;
}

/**
 * The groups a team sits in, at evaluation time: its own group and every group above it. A group
 * subscription hears about the teams of its nested groups, including teams moved in after it was made.
 */
const GROUPS_OF_TEAM = `WITH RECURSIVE up(id, parent_id) AS (
    SELECT g.id, g.parent_id FROM groups g JOIN teams t ON t.group_id = g.id WHERE t.id = ?
    UNION SELECT g.id, g.parent_id FROM groups g JOIN up ON g.id = up.parent_id)
  SELECT id FROM up`;

/**
 * The enabled channels subscribed to `event` about a target, each channel once: for a team, its own
 * subscriptions, those of the groups it sits in and the org-wide ones; for a group (its digest), that
 * group's subscriptions only; for the org (null), the org-wide ones only.
 */
export async function subscribedChannels(db: Knex, event: SubscribableEvent, about: SubscriptionTarget): Promise<{ id: number; name: string }[]> {
  const rows = await db('notification_subscriptions as s')
    .join('notification_channels as c', 'c.id', 's.channel_id')
    .distinct('c.id', 'c.name')
    .where('c.enabled', true)
    .whereRaw('? = ANY (s.events)', [event])
    .where((w) => {
      if (about === null) w.whereNull('s.team_id').whereNull('s.group_id');
      else if ('groupId' in about) w.where('s.group_id', about.groupId);
      else {
        w.where((org) => org.whereNull('s.team_id').whereNull('s.group_id'))
          .orWhere('s.team_id', about.teamId)
          .orWhereRaw(`s.group_id IN (${GROUPS_OF_TEAM})`, [about.teamId]);
      }
    })
    .orderBy('c.id');
  return rows.map((r: { id: number; name: string }) => ({ id: Number(r.id), name: r.name }));
}

/** Who gets a digest this week: the org (if any enabled channel subscribes org-wide) and the groups enabled channels subscribe to. */
export async function digestTargets(db: Knex): Promise<{ org: boolean; groupIds: number[] }> {
  const rows: { groupId: number | null }[] = await db('notification_subscriptions as s')
    .join('notification_channels as c', 'c.id', 's.channel_id')
    .distinct('s.group_id as groupId')
    .where('c.enabled', true)
    .whereNull('s.team_id')
    .whereRaw('? = ANY (s.events)', ['WEEKLY_DIGEST']);
  return { org: rows.some((r) => r.groupId === null), groupIds: rows.flatMap((r) => (r.groupId === null ? [] : [Number(r.groupId)])).sort((a, b) => a - b) };
}

/** Whether any enabled channel takes `event` at all: evaluations skip work nobody receives. */
export async function anySubscription(db: Knex, event: SubscribableEvent): Promise<boolean> {
  const row = await db('notification_subscriptions as s').join('notification_channels as c', 'c.id', 's.channel_id').where('c.enabled', true).whereRaw('? = ANY (s.events)', [event]).first('s.id');
  return row !== undefined;
}

/**
 * Records a team's status under its row lock and returns the one recorded before (null: none), so
 * two evaluations at once see the change once.
 */
export async function swapTeamStatus(trx: Knex.Transaction, teamId: number, status: Status, at: Date): Promise<Status | null> {
  await trx.raw(`INSERT INTO notification_team_status (team_id, status, changed_at) VALUES (?, ?, ?) ON CONFLICT (team_id) DO NOTHING`, [teamId, '', at]);
  const row = await trx('notification_team_status').select('status').where({ team_id: teamId }).forUpdate().first();
  if (row.status !== status) await trx('notification_team_status').where({ team_id: teamId }).update({ status, changed_at: at });
  return row.status === '' ? null : (row.status as Status);
}

/** Claims a one-off event's key; false when it was claimed before (the event was already sent). */
export async function claimEvent(trx: Knex.Transaction, key: string): Promise<boolean> {
  const { rows } = await trx.raw('INSERT INTO notification_events (key) VALUES (?) ON CONFLICT (key) DO NOTHING RETURNING key', [key]);
  return rows.length > 0;
}

export async function enqueue(db: Knex, rows: { channelId: number; channelName: string; event: EventName; teamId: number | null; payload: Payload; at: Date }[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids = await db('notification_outbox')
    .insert(rows.map((r) => ({ channel_id: r.channelId, channel_name: r.channelName, event: r.event, team_id: r.teamId, payload: JSON.stringify(r.payload), next_attempt_at: r.at, created_at: r.at })))
    .returning('id');
  return ids.map((r: { id: number }) => Number(r.id));
}

const OUTBOX_COLUMNS = [
  'o.id', 'o.channel_id as channelId', 'o.channel_name as channelName', 'o.event', 't.slug as team', 'o.payload', 'o.state', 'o.attempts',
  'o.next_attempt_at as nextAttemptAt', 'o.last_error as lastError', 'o.last_attempt_at as lastAttemptAt', 'o.delivered_at as deliveredAt', 'o.created_at as createdAt',
];

const toOutbox = (r: OutboxRow): OutboxRow => ({ ...r, id: Number(r.id), channelId: r.channelId === null ? null : Number(r.channelId) });

/** The delivery log: the latest messages first. */
export async function recentDeliveries(db: Knex, limit: number): Promise<OutboxRow[]> {
  return (await db('notification_outbox as o').leftJoin('teams as t', 't.id', 'o.team_id').select(OUTBOX_COLUMNS).orderBy('o.id', 'desc').limit(limit)).map(toOutbox);
}

export async function deliveryById(db: Knex, id: number): Promise<OutboxRow | undefined> {
  const row = await db('notification_outbox as o').leftJoin('teams as t', 't.id', 'o.team_id').select(OUTBOX_COLUMNS).where('o.id', id).first();
  return row && toOutbox(row);
}

/**
 * Takes up to `limit` due messages for this instance: their next attempt moves `leaseSeconds` ahead,
 * so another instance (SKIP LOCKED skips rows being claimed) or a crash mid-send leaves them due
 * again only after the lease. `ids` limits the claim to those rows (the test message).
 */
export async function claimDue(db: Knex, now: Date, limit: number, leaseSeconds: number, ids?: readonly number[]): Promise<number[]> {
  return db.transaction(async (trx) => {
    const q = trx('notification_outbox').select('id').where({ state: 'pending' }).where('next_attempt_at', '<=', now).orderBy([{ column: 'next_attempt_at' }, { column: 'id' }]).limit(limit).forUpdate().skipLocked();
    if (ids) q.whereIn('id', ids);
    const claimed: number[] = (await q).map((r: { id: number }) => Number(r.id));
    if (claimed.length) await trx('notification_outbox').whereIn('id', claimed).update({ next_attempt_at: new Date(now.getTime() + leaseSeconds * 1000) });
    return claimed;
  });
}

/** What a claimed message is sent with: the row and its channel (null when deleted). */
export async function claimedMessages(db: Knex, ids: readonly number[]): Promise<(OutboxRow & { channel: ChannelRow | null })[]> {
  if (ids.length === 0) return [];
  const rows = (await db('notification_outbox as o').leftJoin('teams as t', 't.id', 'o.team_id').select(OUTBOX_COLUMNS).whereIn('o.id', ids).orderBy('o.id')).map(toOutbox);
  const channelIds = [...new Set(rows.flatMap((r) => (r.channelId === null ? [] : [r.channelId])))];
  const channels = new Map((await db('notification_channels').select(CHANNEL_COLUMNS).whereIn('id', channelIds)).map((c: ChannelRow) => [Number(c.id), toChannel(c)]));
  return rows.map((r) => ({ ...r, channel: r.channelId === null ? null : (channels.get(r.channelId) ?? null) }));
}

export async function recordAttempt(db: Knex, id: number, a: { state: OutboxState; attempts: number; at: Date; nextAttemptAt?: Date; error: string | null }): Promise<void> {
  await db('notification_outbox')
    .where({ id })
    .update({
      state: a.state,
      attempts: a.attempts,
      last_attempt_at: a.at,
      last_error: a.error,
      ...(a.nextAttemptAt ? { next_attempt_at: a.nextAttemptAt } : {}),
      ...(a.state === 'delivered' ? { delivered_at: a.at } : {}),
    });
}
