import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { claimDue, claimedMessages, recordAttempt } from './queries';
import { retryDelaySeconds, SEND_TIMEOUT_MS } from './retry';
import { post, requestFor } from './send';

export interface DispatchOptions {
  /** The clock (tests move it to make retries due). */
  now?: Date;
  limit?: number;
  timeoutMs?: number;
  /** Only these messages (the test message, sent at once). */
  ids?: readonly number[];
}

export interface DispatchCounts {
  delivered: number;
  retrying: number;
  failed: number;
}

/** A claimed message is someone else's for this long: more than a send can take. */
const LEASE_SECONDS = 120;

/**
 * Sends the due messages of the outbox, each once: a 2xx delivers it; anything else is retried on
 * the back-off schedule (retry.ts) until the last attempt, which marks it FAILED. Messages are
 * claimed first (queries.ts claimDue), so several instances share the work and none sends one twice.
 */
export async function dispatchDue(db: Knex, log: Logger, opts: DispatchOptions = {}): Promise<DispatchCounts> {
  const now = opts.now ?? new Date();
  const ids = await claimDue(db, now, opts.limit ?? 20, LEASE_SECONDS, opts.ids);
  const counts: DispatchCounts = { delivered: 0, retrying: 0, failed: 0 };
  for (const m of await claimedMessages(db, ids)) {
    const attempts = m.attempts + 1;
    const error = !m.channel ? 'the channel was deleted' : !m.channel.enabled ? 'the channel is disabled' : await post(m.channel.url, requestFor(m.channel, m, now), opts.timeoutMs ?? SEND_TIMEOUT_MS);
    const at = opts.now ?? new Date();
    if (error === null) {
      await recordAttempt(db, m.id, { state: 'delivered', attempts, at, error: null });
      counts.delivered++;
      continue;
    }
    const delay = m.channel?.enabled ? retryDelaySeconds(attempts) : null;
    if (delay === null) {
      await recordAttempt(db, m.id, { state: 'failed', attempts, at, error });
      log.warn({ notification: m.id, channel: m.channelName, attempts, error }, `notification not delivered after ${attempts} attempt(s); given up`);
      counts.failed++;
    } else {
      await recordAttempt(db, m.id, { state: 'pending', attempts, at, error, nextAttemptAt: new Date(at.getTime() + delay * 1000) });
      log.info({ notification: m.id, channel: m.channelName, attempts, error, retryInSeconds: delay }, 'notification not delivered; retried later');
      counts.retrying++;
    }
  }
  return counts;
}

