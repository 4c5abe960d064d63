import type { Knex } from 'knex';
import { authorize, type Operation } from '../core/permissions';
import { ForbiddenError, invalidInput, NotFoundError } from '../core/errors';
import type { Scope } from '../core/scope';
import { teamBySlug } from '../teams/queries';
import { groupIdOf, lockGroups } from '../groups/service';
import { groupById, type GroupRow } from '../groups/queries';
import { channelProblems, newChannelSecret, subscriptionProblems, urlPreview, type TargetInput } from './channelInput';
import type { SubscribableEvent } from './events';
import { summary } from './messages';
import { dispatchDue } from './dispatcher';
import {
  channelById, channelByName, deleteChannelRow, deleteSubscriptionRow, deliveryById, enqueue, insertChannel, listChannels, listSubscriptions,
  recentDeliveries, subscriptionById, updateChannelRow, upsertSubscription, type ChannelKind, type ChannelRow, type OutboxRow, type SubscriptionRow,
  type SubscriptionTarget,
} from './queries';

/**
 * Notification channels, subscriptions, the test message and the delivery log (README
 * "Notifications"). Channels post for the whole org, so every operation needs the plan scope on a
 * token not limited to teams.
 */
function authorizeOrgWide(scope: Scope, operation: Operation): void {
  authorize(scope.viewer, operation);
  if (scope.viewer.teams !== null) {
    throw new ForbiddenError(`Notification channels serve the whole org: the token "${scope.viewer.name}" is limited to ${scope.viewer.teams.join(', ') || 'no team'}, so it cannot manage them.`);
  }
}

export type ChannelKindName = 'SLACK' | 'WEBHOOK';

export interface ChannelView {
  id: string;
  name: string;
  kind: ChannelKindName;
  target: string;
  signed: boolean;
  enabled: boolean;
  createdAt: Date;
  createdBy: string;
  subscriptions: SubscriptionView[];
}

export interface SubscriptionView {
  id: string;
  channelId: string;
  team: string | null;
  group: GroupRow | null;
  events: SubscribableEvent[];
  createdAt: Date;
}

export type DeliveryState = 'PENDING' | 'RETRYING' | 'DELIVERED' | 'FAILED';

export interface DeliveryView {
  id: string;
  channel: string;
  channelId: string | null;
  event: string;
  team: string | null;
  summary: string;
  state: DeliveryState;
  attempts: number;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  lastError: string | null;
}

const subscriptionView = (s: SubscriptionRow): SubscriptionView => ({ ...s, id: String(s.id), channelId: String(s.channelId) });

function channelView(c: ChannelRow, subscriptions: SubscriptionRow[]): ChannelView {
  return {
    id: String(c.id), name: c.name, kind: c.kind === 'slack' ? 'SLACK' : 'WEBHOOK', target: urlPreview(c.url), signed: c.secret !== null,
    enabled: c.enabled, createdAt: c.createdAt, createdBy: c.createdBy, subscriptions: subscriptions.filter((s) => s.channelId === c.id).map(subscriptionView),
  };
}

function deliveryView(d: OutboxRow): DeliveryView {
  const state: DeliveryState = d.state === 'delivered' ? 'DELIVERED' : d.state === 'failed' ? 'FAILED' : d.attempts > 0 ? 'RETRYING' : 'PENDING';
  return {
    id: String(d.id), channel: d.channelName, channelId: d.channelId === null ? null : String(d.channelId), event: d.event, team: d.team,
    summary: summary(d.event, d.payload), state, attempts: d.attempts, createdAt: d.createdAt, lastAttemptAt: d.lastAttemptAt,
    nextAttemptAt: d.state === 'pending' ? d.nextAttemptAt : null, deliveredAt: d.deliveredAt, lastError: d.lastError,
  };
}

/** An ID argument as a row id; anything else is no such row. */
function rowId(id: string, what: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(id)) throw new NotFoundError(`No ${what} with id "${id}".`);
  return Number(id);
}

async function existingChannel(scope: Scope, id: string): Promise<ChannelRow> {
  const channel = await channelById(scope.db, rowId(id, 'notification channel'));
  if (!channel) throw new NotFoundError(`No notification channel with id "${id}".`);
  return channel;
}

export async function notificationChannels(scope: Scope): Promise<ChannelView[]> {
  authorizeOrgWide(scope, 'Query.notificationChannels');
  const [channels, subscriptions] = await Promise.all([listChannels(scope.db), listSubscriptions(scope.db)]);
  return channels.map((c) => channelView(c, subscriptions));
}

async function refuseTakenName(scope: Scope, name: string, id?: number): Promise<void> {
  const other = await channelByName(scope.db, name);
  if (other && other.id !== id) throw invalidInput('notification channel', [{ index: 0, field: 'name', message: `"${name}" is taken by another channel` }]);
}

/** Creates a channel; a WEBHOOK channel gets a signing secret, returned this once only. */
export async function createChannel(scope: Scope, input: { name: string; kind: ChannelKindName; url: string }): Promise<{ channel: ChannelView; secret: string | null }> {
  authorizeOrgWide(scope, 'Mutation.createNotificationChannel');
  const problems = channelProblems(input);
  if (problems.length) throw invalidInput('notification channel', problems);
  const name = input.name.trim();
  await refuseTakenName(scope, name);
  const kind: ChannelKind = input.kind === 'SLACK' ? 'slack' : 'webhook';
  const secret = kind === 'webhook' ? newChannelSecret() : null;
  const row = await insertChannel(scope.db, { name, kind, url: input.url.trim(), secret, createdBy: scope.actor });
  return { channel: channelView(row, []), secret };
}

export async function updateChannel(scope: Scope, id: string, input: { name?: string | null; url?: string | null; enabled?: boolean | null }): Promise<ChannelView> {
  authorizeOrgWide(scope, 'Mutation.updateNotificationChannel');
  const changes = { name: input.name?.trim() ?? undefined, url: input.url?.trim() ?? undefined, enabled: input.enabled ?? undefined };
  const problems = channelProblems(changes);
  if (problems.length) throw invalidInput('notification channel', problems);
  const channel = await existingChannel(scope, id);
  if (changes.name) await refuseTakenName(scope, changes.name, channel.id);
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const row = Object.keys(defined).length ? await updateChannelRow(scope.db, channel.id, defined) : channel;
  return channelView(row ?? channel, await listSubscriptions(scope.db, [channel.id]));
}

/** Deletes a channel and its subscriptions; its undelivered messages are marked FAILED, the log keeps them. */
export async function deleteChannel(scope: Scope, id: string): Promise<boolean> {
  authorizeOrgWide(scope, 'Mutation.deleteNotificationChannel');
  const channel = await existingChannel(scope, id);
  return scope.db.transaction((trx) => deleteChannelRow(trx, channel.id));
}

/** A subscription's problem as the API reports it. */
const badSubscription = (field: string, message: string) => invalidInput('notification subscription', [{ index: 0, field, message }]);

/**
 * The target a subscription names, read in the transaction that stores it. A group is read under the
 * groups' lock, so a concurrent deleteGroup either runs first (the group is gone: a clear error) or
 * waits and then counts this subscription.
 */
async function subscriptionTarget(trx: Knex.Transaction, input: TargetInput): Promise<SubscriptionTarget> {
  if (input.team) {
    const team = await teamBySlug(trx, input.team);
    if (!team) throw badSubscription('team', `no team "${input.team}"`);
    return { teamId: team.id };
  }
  if (input.group) {
    const id = groupIdOf(input.group);
    if (id !== null) await lockGroups(trx);
    const group = id === null ? undefined : await groupById(trx, id);
    if (!group) throw badSubscription('group', `no group with id "${input.group}"`);
    return { groupId: group.id };
  }
  return null;
}

/**
 * Subscribes a channel to events of one team, one group (its nested groups' teams included, as they
 * are at each evaluation) or, with neither, the whole org; again for the same target replaces its events.
 */
export async function subscribe(scope: Scope, input: { channel: string; events: string[] } & TargetInput): Promise<SubscriptionView> {
  authorizeOrgWide(scope, 'Mutation.subscribeNotifications');
  const problems = subscriptionProblems(input.events, input);
  if (problems.length) throw invalidInput('notification subscription', problems);
  const channel = await existingChannel(scope, input.channel);
  const id = await scope.db.transaction(async (trx) => {
    const target = await subscriptionTarget(trx, input);
    return upsertSubscription(trx, { channelId: channel.id, target, events: input.events as SubscribableEvent[], createdBy: scope.actor });
  });
  return subscriptionView((await subscriptionById(scope.db, id))!);
}

export async function unsubscribe(scope: Scope, id: string): Promise<boolean> {
  authorizeOrgWide(scope, 'Mutation.unsubscribeNotifications');
  if (!(await deleteSubscriptionRow(scope.db, rowId(id, 'notification subscription')))) throw new NotFoundError(`No notification subscription with id "${id}".`);
  return true;
}

/** Sends a test message to a channel now (one attempt; retried like any other if it fails) and returns its delivery. */
export async function sendTestNotification(scope: Scope, channelId: string): Promise<DeliveryView> {
  authorizeOrgWide(scope, 'Mutation.sendTestNotification');
  const channel = await existingChannel(scope, channelId);
  if (!channel.enabled) throw invalidInput('test notification', [{ index: 0, field: 'channel', message: `"${channel.name}" is disabled: enable it first` }]);
  const now = new Date();
  const [id] = await enqueue(scope.db, [
    { channelId: channel.id, channelName: channel.name, event: 'test', teamId: null, payload: { message: `Test notification from Headroom to "${channel.name}"`, requestedBy: scope.actor }, at: now },
  ]);
  await dispatchDue(scope.db, scope.log, { ids: [id], now });
  return deliveryView((await deliveryById(scope.db, id))!);
}

/** The delivery log: the latest `last` messages (1–200, default 50), newest first. */
export async function notificationDeliveries(scope: Scope, last = 50): Promise<DeliveryView[]> {
  authorizeOrgWide(scope, 'Query.notificationDeliveries');
  if (!Number.isInteger(last) || last < 1 || last > 200) throw invalidInput('argument', [{ index: 0, field: 'last', message: 'must be between 1 and 200' }]);
  return (await recentDeliveries(scope.db, last)).map(deliveryView);
}
