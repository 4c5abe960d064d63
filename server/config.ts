import { z } from 'zod';
import path from 'node:path';

// Environment is read once, here, and validated; everything else receives a typed Config.
const boolFromEnv = z
  .enum(['true', 'false', '1', '0', ''])
  .transform((v) => v === 'true' || v === '1');

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
  PAGERDUTY_WEBHOOK_SECRET: z.string().min(1).optional(),
  GITHUB_WEBHOOK_SECRET: z.string().min(1).optional(),
  HEADROOM_ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  // Behind a load balancer that terminates TLS: how many proxies to trust for X-Forwarded-* (the
  // session cookie is Secure when the client's connection was https), or true for any.
  HEADROOM_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, 'must be true, false or the number of proxies in front of Headroom')
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : Number(v)))
    .default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HEADROOM_SEED_DEMO: boolFromEnv.default(true),
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
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Empty strings count as unset, as they do in most shells' `VAR= cmd`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`),
    );
  }
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
  };
}
