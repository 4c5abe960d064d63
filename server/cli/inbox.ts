import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { drainInbox, listInbox, requeueDelivery, type InboxState } from '../webhooks/inbox';
import { withDatabase } from './database';
import { CliError, out, UsageError, type Command } from './command';

const STATES = ['pending', 'done', 'rejected'] as const;

export const inboxCommand: Command = {
  name: 'inbox',
  summary: 'Webhook deliveries kept in the inbox: list them, or apply waiting ones now',
  usage: [
    'inbox list [--state pending|done|rejected] [--limit N]',
    '       inbox replay [--id N]',
    '',
    '  Every verified webhook delivery is stored before it is applied; one that failed is retried',
    '  with back-off by the server. replay applies every pending delivery now, without waiting for',
    '  its next attempt; --id N puts delivery N back in line first, whatever its state (e.g. a',
    '  rejected one after a fix). Applying a delivery twice changes nothing.',
  ].join('\n'),
  async run(args) {
    const [action, ...rest] = args;
    const { values } = parseArgs({ args: rest, options: { state: { type: 'string' }, limit: { type: 'string' }, id: { type: 'string' } }, strict: true });
    if (action === 'list') {
      if (values.state !== undefined && !(STATES as readonly string[]).includes(values.state)) throw new UsageError(`--state must be one of ${STATES.join(', ')}`);
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError('--limit must be a whole number from 1 to 10000');
      return withDatabase(async (db) => {
        const rows = await listInbox(db, { state: values.state as InboxState | undefined, limit });
        if (rows.length === 0) out('The inbox holds no such delivery.');
        for (const r of rows) {
          const when = r.state === 'pending' ? `next attempt ${r.nextAttemptAt.toISOString()}` : `processed ${r.processedAt?.toISOString() ?? ''}`;
          out(`${String(r.id).padStart(6)} ${r.sender.padEnd(9)} ${r.event.padEnd(22)} ${r.state.padEnd(8)} ${r.attempts} attempt(s), received ${r.receivedAt.toISOString()}, ${when}`);
          if (r.lastError) out(`       ${r.lastError}`);
        }
        return 0;
      });
    }
    if (action === 'replay') {
      const id = values.id === undefined ? undefined : Number(values.id);
      if (id !== undefined && (!Number.isInteger(id) || id < 1)) throw new UsageError('--id must be a delivery number from `inbox list`');
      return withDatabase(async (db) => {
        if (id !== undefined && !(await requeueDelivery(db, id))) throw new CliError(`No delivery ${id} in the inbox.`);
        const log = pino({ level: 'silent' });
        const total = { done: 0, rejected: 0 };
        // In rounds, so a large backlog is applied without holding it all in memory.
        for (;;) {
          const round = await drainInbox(db, log, { dueOnly: false, limit: 500 });
          total.done += round.done;
          total.rejected += round.rejected;
          if (round.done + round.rejected === 0) break;
        }
        const waiting = (await listInbox(db, { state: 'pending', limit: 10_000 })).length;
        out(`${total.done} applied, ${total.rejected} rejected (see inbox list --state rejected), ${waiting} still waiting (failing, or being applied by a running server).`);
        return waiting > 0 ? 1 : 0;
      });
    }
    throw new UsageError(`inbox needs an action: list or replay${action ? `; got "${action}"` : ''}`);
  },
};
