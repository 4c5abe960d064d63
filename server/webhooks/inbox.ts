import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { applyPagerDutyEvent } from './pagerduty';
import { applyGitHubDeploymentStatus } from './github';
import { PayloadError, type WebhookOutcome } from './payload';
import type { WebhookSender } from '../routing/senders';

/**
 * The webhook inbox (table webhook_inbox): a verified delivery is stored first and applied from
 * here, so a database hiccup or a bug while applying it never loses the signal, and the sender is
 * not made to retry for ever. A failed attempt is retried with back-off by every instance's worker;
 * `FOR UPDATE SKIP LOCKED` lets several instances share the work without applying one twice at once
 * (and applying twice in a row is harmless: every apply is idempotent).
 */

/** The senders whose deliveries the inbox holds: every webhook sender (server/routing/senders.ts). */
export type InboxSender = WebhookSender;

// Applying a delivery acts as the system, not as a viewer: the sender was authenticated by its
// signature when the delivery was stored (routes.ts), and a webhook carries no token, scope or team
// limit to check. Its signals go to the team their source mapping names (routing), so these write
// through the read model's queries rather than the ingest services, which authorize a viewer.
const APPLY: Record<InboxSender, (db: Knex, body: unknown) => Promise<WebhookOutcome>> = {
  pagerduty: applyPagerDutyEvent,
  github: applyGitHubDeploymentStatus,
};

export type InboxState = 'pending' | 'done' | 'rejected';

export interface InboxRow {
  id: number;
  sender: InboxSender;
  event: string;
  deliveryId: string | null;
  state: InboxState;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  receivedAt: Date;
  processedAt: Date | null;
}

/** What one attempt did: applied, refused for its content, left for a retry, or taken by another worker. */
export type Attempt =
  | { state: 'done'; outcome: WebhookOutcome }
  | { state: 'rejected'; reason: string }
  | { state: 'pending'; error: unknown }
  | { state: 'busy' };

/** Seconds before retry n (1-based): 5 s doubling, at most an hour. Never given up: a signal is never dropped. */
export const backoffSeconds = (attempt: number) => Math.min(3600, 5 * 2 ** Math.max(0, attempt - 1));

export async function storeDelivery(db: Knex, d: { sender: InboxSender; event: string; deliveryId?: string; payload: string }): Promise<number> {
  const [row] = await db('webhook_inbox')
    .insert({ sender: d.sender, event: d.event.slice(0, 200), delivery_id: d.deliveryId?.slice(0, 200) || null, payload: d.payload })
    .returning('id');
  return Number(row.id);
}

/** One attempt at applying a pending delivery, under its row lock. */
export async function applyDelivery(db: Knex, log: Logger, id: number): Promise<Attempt> {
  try {
    return await db.transaction(async (trx) => {
      const row = await trx('webhook_inbox').select('sender', 'payload', 'attempts').where({ id, state: 'pending' }).forUpdate().skipLocked().first();
      if (!row) return { state: 'busy' } as const;
      const attempts = row.attempts + 1;
      try {
        // A savepoint: a failed apply is rolled back alone, and the attempt is still recorded.
        const outcome = await trx.transaction((inner) => APPLY[row.sender as InboxSender](inner, JSON.parse(row.payload)));
        await trx('webhook_inbox').where({ id }).update({ state: 'done', attempts, outcome: JSON.stringify(outcome), last_error: null, processed_at: trx.fn.now() });
        return { state: 'done', outcome } as const;
      } catch (e) {
        if (e instanceof PayloadError) {
          await trx('webhook_inbox').where({ id }).update({ state: 'rejected', attempts, last_error: e.message.slice(0, 2000), processed_at: trx.fn.now() });
          return { state: 'rejected', reason: e.message } as const;
        }
        log.error({ err: e, delivery: id, attempts }, 'webhook delivery failed; it stays in the inbox and is retried');
        await trx('webhook_inbox')
          .where({ id })
          .update({ attempts, last_error: String((e as Error)?.message ?? e).slice(0, 2000), next_attempt_at: trx.raw('now() + make_interval(secs => ?)', [backoffSeconds(attempts)]) });
        return { state: 'pending', error: e } as const;
      }
    });
  } catch (e) {
    // The database went away mid-attempt: nothing was recorded, the delivery is still pending and due.
    log.warn({ err: e, delivery: id }, 'webhook delivery not applied: the database is unavailable; it is retried');
    return { state: 'pending', error: e };
  }
}

/** Applied deliveries are kept this long (to look into, or replay), then removed; rejected ones stay. */
export const KEEP_DONE_DAYS = 30;

export async function pruneInbox(db: Knex): Promise<number> {
  // RETURNING, counted: both drivers answer a row list (PGlite's knex driver does not give a count).
  const removed = await db('webhook_inbox').where({ state: 'done' }).where('processed_at', '<', db.raw(`now() - interval '${KEEP_DONE_DAYS} days'`)).delete(['id']);
  return removed.length;
}

/** Applies pending deliveries, oldest first: those due (the worker) or all of them (a replay). */
export async function drainInbox(db: Knex, log: Logger, { limit = 100, dueOnly = true } = {}): Promise<Record<'done' | 'rejected' | 'pending' | 'busy', number>> {
  const q = db('webhook_inbox').where({ state: 'pending' }).orderBy('id').limit(limit);
  if (dueOnly) q.where('next_attempt_at', '<=', db.fn.now());
  const ids: number[] = (await q.pluck('id')).map(Number);
  const counts = { done: 0, rejected: 0, pending: 0, busy: 0 };
  for (const id of ids) counts[(await applyDelivery(db, log, id)).state]++;
  return counts;
}

/** Puts a delivery back in line whatever its state (e.g. a rejected one after a fix), due now. */
export async function requeueDelivery(db: Knex, id: number): Promise<boolean> {
  return (await db('webhook_inbox').where({ id }).update({ state: 'pending', next_attempt_at: db.fn.now(), processed_at: null })) > 0;
}

export async function listInbox(db: Knex, { state, limit = 50 }: { state?: InboxState; limit?: number } = {}): Promise<InboxRow[]> {
  const q = db('webhook_inbox')
    .select('id', 'sender', 'event', 'delivery_id as deliveryId', 'state', 'attempts', 'next_attempt_at as nextAttemptAt', 'last_error as lastError', 'received_at as receivedAt', 'processed_at as processedAt')
    .orderBy('id', 'desc')
    .limit(limit);
  if (state) q.where({ state });
  return (await q).map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Every instance retries due deliveries every few seconds. The timer does not keep the process
 * alive; stop() waits for a round in progress, so the database can be closed after it.
 */
export function startInboxWorker(db: Knex, log: Logger, everyMs = 5_000): { stop(): Promise<void> } {
  let round: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    round ??= drainInbox(db, log)
      .then(() => pruneInbox(db))
      .catch((e) => log.warn({ err: e }, 'webhook inbox: retry round failed'))
      .finally(() => (round = null));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await round;
    },
  };
}
