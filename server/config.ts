import { z } from 'zod';
import path from 'node:path';

// Environment is read once, here, and validated; everything else receives a typed Config.
const boolFromEnv = z
  .enum(['true', 'false', '1', '0', ''])
  .transform((v) => v === 'true' || v === '1');

export const SECRET_MIN = 32;

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // Connections per instance (docs/scaling.md: instances × pool ≤ what PostgreSQL or PgBouncer allows).
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  HEADROOM_DATA_DIR: z.string().min(1).default('.headroom'),
  HEADROOM_PUBLIC_READ: boolFromEnv.default(false),
  // Secrets: an HMAC key or a bearer token shorter than 32 characters can be guessed; PagerDuty's
  // own are 64, and `openssl rand -hex 32` makes one. Their values are never echoed (SECRETS).
  PAGERDUTY_WEBHOOK_SECRET: z.string().min(SECRET_MIN, `must be at least ${SECRET_MIN} characters`).optional(),
  GITHUB_WEBHOOK_SECRET: z.string().min(SECRET_MIN, `must be at least ${SECRET_MIN} characters`).optional(),
  HEADROOM_ADMIN_TOKEN: z.string().min(SECRET_MIN, `must be at least ${SECRET_MIN} characters`).optional(),
  // Behind a load balancer that terminates TLS: how many proxies to trust for X-Forwarded-* (the
  // session cookie is Secure when the client's connection was https), or true for any.
  HEADROOM_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, 'must be true, false or the number of proxies in front of Headroom')
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : Number(v)))
    .default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HEADROOM_SEED_DEMO: boolFromEnv.default(true),
  // How often the notifier evaluates statuses and sends due messages (README "Notifications"); 0 turns it off.
  HEADROOM_NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  databasePoolMax: number;
  dataDir: string;
  publicRead: boolean;
  trustProxy: boolean | number;
  pagerdutyWebhookSecret?: string;
  githubWebhookSecret?: string;
  adminToken?: string;
  logLevel: string;
  seedDemo: boolean;
  /** Seconds between notification rounds; 0: no notifier in this process. */
  notifyIntervalSeconds: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

// Variables whose value a message must never show (a DATABASE_URL may carry a password).
const SECRETS = new Set(['PAGERDUTY_WEBHOOK_SECRET', 'GITHUB_WEBHOOK_SECRET', 'HEADROOM_ADMIN_TOKEN', 'DATABASE_URL']);

/** Empty strings count as unset, as they do in most shells' `VAR= cmd`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned: Record<string, string | undefined> = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const problems: string[] = [];
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const name = String(i.path[0]);
      const value = cleaned[name];
      const got = SECRETS.has(name) ? `got ${value?.length ?? 0} characters; value not shown` : `got ${JSON.stringify(value)}`;
      problems.push(`${name}: ${i.message} (${got})`);
    }
  }
  // A misspelt HEADROOM_* variable would otherwise be ignored in silence and its default used.
  for (const name of Object.keys(env).filter((k) => k.startsWith('HEADROOM_') && !(k in schema.shape)).sort()) {
    problems.push(`${name}: not a Headroom setting (known: ${Object.keys(schema.shape).filter((k) => k.startsWith('HEADROOM_')).join(', ')})`);
  }
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    dataDir: path.resolve(e.HEADROOM_DATA_DIR),
    publicRead: e.HEADROOM_PUBLIC_READ,
    trustProxy: e.HEADROOM_TRUST_PROXY,
    pagerdutyWebhookSecret: e.PAGERDUTY_WEBHOOK_SECRET,
    githubWebhookSecret: e.GITHUB_WEBHOOK_SECRET,
    adminToken: e.HEADROOM_ADMIN_TOKEN,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.HEADROOM_SEED_DEMO,
    notifyIntervalSeconds: e.HEADROOM_NOTIFY_INTERVAL_SECONDS,
  };
}
