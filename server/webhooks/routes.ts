import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { verifyGitHubSignature, verifyPagerDutySignature } from './signature';
import { readPagerDutyDelivery } from './pagerduty';
import { readGitHubDeploymentStatus } from './github';
import { PayloadError } from './payload';
import { applyDelivery, storeDelivery, type InboxSender } from './inbox';
import { nestsDeeperThan, TOO_DEEP_MESSAGE } from '../http/jsonDepth';
import { isConnectionError } from '../core/databaseErrors';
import { sendError } from '../http/errors';
import { WEBHOOK_SENDER_IDS, WEBHOOK_SENDERS, webhookPath } from '../routing/senders';

/** Each sender's signing secret, from the variable the sender list names (PAGERDUTY_WEBHOOK_SECRET, …). */
export type WebhookSecrets = Partial<Record<InboxSender, string>>;

/** What a verified delivery is, read without the database. */
type Reading = { pong: true } | { ignored: string } | { event: string };

/** How this server checks and reads one sender's deliveries; its name and secret's variable are in routing/senders.ts. */
interface Sender {
  verify(body: Buffer, header: string | undefined, secret: string): boolean;
  signatureHeader: string;
  /** The sender's id of the delivery, kept with it in the inbox. */
  deliveryHeader: string;
  /** Throws PayloadError for a payload that could never become a signal. */
  read(req: Request, body: unknown): Reading;
}

/**
 * Signed webhooks. They authenticate by signature, not token: the signature is checked on the raw
 * bytes before anything is parsed, and a missing or bad one is refused (401) with nothing stored.
 * A verified delivery that carries a signal is stored in the inbox first, then applied; answers
 * (docs/ingestion.md#webhooks): 202 stored (with what it did, or "queued" when applying it failed
 * and it will be retried), 202 ignored event, 200 GitHub ping, 400 unreadable payload (nothing
 * stored), 401 bad signature, 413 too large, 503 secret not configured or the database down (the
 * sender retries).
 */
export function webhookRoutes(db: Knex, log: Logger, secrets: WebhookSecrets = {}): Router {
  const router = Router();
  const raw = express.raw({ type: '*/*', limit: '1mb' });
  const senders: Record<InboxSender, Sender> = {
    pagerduty: {
      verify: verifyPagerDutySignature,
      signatureHeader: 'x-pagerduty-signature',
      deliveryHeader: 'x-webhook-id',
      read: (_req, body) => readPagerDutyDelivery(body),
    },
    github: {
      verify: verifyGitHubSignature,
      signatureHeader: 'x-hub-signature-256',
      deliveryHeader: 'x-github-delivery',
      read: (req, body) => {
        const event = req.get('x-github-event');
        if (event === 'ping') return { pong: true };
        if (event !== 'deployment_status') return { ignored: `event ${JSON.stringify(event ?? null).slice(0, 100)} is not deployment_status` };
        return readGitHubDeploymentStatus(body);
      },
    },
  };

  for (const path of WEBHOOK_SENDER_IDS) {
    const sender = { ...senders[path], ...WEBHOOK_SENDERS[path], secret: secrets[path] };
    router.post(webhookPath(path), raw, async (req, res) => {
      if (!sender.secret) {
        return sendError(res, 503, 'SERVICE_UNAVAILABLE', `${sender.name} webhooks are not configured: set ${sender.envVar} to the webhook's signing secret.`);
      }
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!sender.verify(body, req.get(sender.signatureHeader), sender.secret)) {
        log.warn({ sender: sender.name }, 'webhook refused: missing or bad signature');
        return sendError(res, 401, 'UNAUTHENTICATED', `Missing or bad ${sender.signatureHeader} signature; nothing was stored.`);
      }
      if (nestsDeeperThan(body)) return sendError(res, 400, 'BAD_REQUEST', TOO_DEEP_MESSAGE.replace('nothing was read', 'nothing was stored'));
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(res, 400, 'BAD_REQUEST', 'The body is not JSON; nothing was stored.');
      }
      let reading: Reading;
      try {
        reading = sender.read(req, json);
      } catch (e) {
        if (!(e instanceof PayloadError)) throw e;
        return sendError(res, 400, 'BAD_USER_INPUT', `${e.message}; nothing was stored.`);
      }
      if ('pong' in reading) return void res.status(200).json({ status: 'pong' });
      if ('ignored' in reading) return void res.status(202).json({ status: 'ignored', reason: reading.ignored });

      let id: number;
      try {
        id = await storeDelivery(db, { sender: path, event: reading.event, deliveryId: req.get(sender.deliveryHeader), payload: body.toString('utf8') });
      } catch (e) {
        log.error({ err: e, sender: sender.name }, 'webhook delivery could not be stored');
        if (isConnectionError(e)) res.set('Retry-After', '5');
        return sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The delivery could not be stored; nothing was stored. Retry it.');
      }
      // Stored: from here on the signal is not lost, whatever happens while applying it.
      const attempt = await applyDelivery(db, log, id);
      log.info({ sender: sender.name, delivery: id, state: attempt.state, ...(attempt.state === 'done' ? attempt.outcome : {}) }, 'webhook delivery');
      if (attempt.state === 'done') return void res.status(202).json({ ...attempt.outcome, delivery: id });
      if (attempt.state === 'rejected') return sendError(res, 400, 'BAD_USER_INPUT', `${attempt.reason}; no signal was stored (delivery ${id} is kept in the inbox).`);
      res.status(202).json({ status: 'queued', delivery: id, message: 'Stored; it could not be applied yet and is retried shortly.' });
    });
  }

  // Body-parser errors (too large, bad encoding) and anything unexpected as JSON, never an HTML page with a stack.
  router.use('/webhooks', (err: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'webhook request failed');
    if (err.type === 'entity.too.large') return sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'The body is larger than 1 MB; nothing was stored.');
    if (status === 500) return sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error; nothing was stored. The sender may retry.');
    sendError(res, status, 'BAD_REQUEST', 'Unreadable request; nothing was stored.');
  });
  return router;
}
