import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { verifyGitHubSignature, verifyPagerDutySignature } from './signature';
import { applyPagerDutyEvent } from './pagerduty';
import { applyGitHubDeploymentStatus } from './github';
import { PayloadError, type WebhookOutcome } from './payload';

export interface WebhookSecrets {
  /** PAGERDUTY_WEBHOOK_SECRET: the subscription's signing secret. */
  pagerdutySecret?: string;
  /** GITHUB_WEBHOOK_SECRET: the webhook's secret. */
  githubSecret?: string;
}

interface Sender {
  name: string;
  envVar: string;
  secret?: string;
  verify(body: Buffer, header: string | undefined, secret: string): boolean;
  signatureHeader: string;
  handle(req: Request, body: unknown): Promise<WebhookOutcome | { status: 'pong' }>;
}

/**
 * Signed webhooks. They authenticate by signature, not token: the signature is checked on the raw
 * bytes before anything is parsed, and a missing or bad one is refused (401) with nothing stored.
 * Answers: 200 stored (or unchanged), 202 ignored event, 400 unreadable payload, 401 bad signature,
 * 503 secret not configured, 500 storage failure (so the sender retries).
 */
export function webhookRoutes(db: Knex, log: Logger, secrets: WebhookSecrets = {}): Router {
  const router = Router();
  const raw = express.raw({ type: '*/*', limit: '1mb' });
  const senders: Record<string, Sender> = {
    pagerduty: {
      name: 'PagerDuty',
      envVar: 'PAGERDUTY_WEBHOOK_SECRET',
      secret: secrets.pagerdutySecret,
      verify: verifyPagerDutySignature,
      signatureHeader: 'x-pagerduty-signature',
      handle: (_req, body) => applyPagerDutyEvent(db, body),
    },
    github: {
      name: 'GitHub',
      envVar: 'GITHUB_WEBHOOK_SECRET',
      secret: secrets.githubSecret,
      verify: verifyGitHubSignature,
      signatureHeader: 'x-hub-signature-256',
      handle: async (req, body) => {
        const event = req.get('x-github-event');
        if (event === 'ping') return { status: 'pong' };
        if (event !== 'deployment_status') return { status: 'ignored', reason: `event ${event ?? '(none)'} is not deployment_status` };
        return applyGitHubDeploymentStatus(db, body);
      },
    },
  };

  for (const [path, sender] of Object.entries(senders)) {
    router.post(`/webhooks/${path}`, raw, async (req, res) => {
      if (!sender.secret) {
        res.status(503).json({ error: `${sender.name} webhooks are not configured: set ${sender.envVar} to the webhook's signing secret.` });
        return;
      }
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!sender.verify(body, req.get(sender.signatureHeader), sender.secret)) {
        log.warn({ sender: sender.name }, 'webhook refused: missing or bad signature');
        res.status(401).json({ error: `Missing or bad ${sender.signatureHeader} signature; nothing was stored.` });
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        res.status(400).json({ error: 'The body is not JSON; nothing was stored.' });
        return;
      }
      try {
        const outcome = await sender.handle(req, json);
        log.info({ sender: sender.name, ...outcome }, 'webhook delivery');
        res.status(outcome.status === 'ignored' ? 202 : 200).json(outcome);
      } catch (e) {
        if (e instanceof PayloadError) {
          res.status(400).json({ error: `${e.message}; nothing was stored.` });
          return;
        }
        log.error({ err: e, sender: sender.name }, 'webhook delivery failed');
        res.status(500).json({ error: 'Internal server error; nothing was stored. The sender may retry.' });
      }
    });
  }

  // Body-parser errors (too large, bad encoding) as JSON, never an HTML page with a stack.
  router.use('/webhooks', (err: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'webhook request failed');
    res.status(status).json({ error: err.type === 'entity.too.large' ? 'The body is larger than 1 MB; nothing was stored.' : status === 500 ? 'Internal server error.' : 'Unreadable request; nothing was stored.' });
  });
  return router;
}
