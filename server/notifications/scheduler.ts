import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { evaluateNotifications } from './detection';
import { dispatchDue } from './dispatcher';

/**
 * The notifier of one server process (started by main.ts after listen, stopped on shutdown): every
 * `everySeconds` it evaluates the events and sends the due messages. Every instance runs one; the
 * evaluation's locks and unique keys and the dispatcher's claims keep them from sending twice.
 * The timer does not keep the process alive; stop() waits for a round in progress, so the database
 * can be closed after it.
 */
export function startNotifier(db: Knex, log: Logger, everySeconds: number): { stop(): Promise<void> } {
  let round: Promise<unknown> | null = null;
  const tick = () => {
    // A failed evaluation does not hold back the retries of messages already in the outbox.
    round ??= evaluateNotifications(db, log)
      .then((evaluation) => {
        if (evaluation.enqueued) log.info(evaluation, 'notifications: events found');
      })
      .catch((e) => log.warn({ err: e }, 'notifications: evaluation failed; tried again next round'))
      .then(() => dispatchDue(db, log))
      .catch((e) => log.warn({ err: e }, 'notifications: sending failed; tried again next round'))
      .finally(() => (round = null));
  };
  const timer = setInterval(tick, everySeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await round;
    },
  };
}
