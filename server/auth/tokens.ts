import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SCOPES = ['read', 'ingest', 'plan', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** A new secret: 32 random bytes, base64url, with a prefix that secret scanners can recognise. */
export function newSecret(): string {
  return `hr_${randomBytes(32).toString('base64url')}`;
}

/** Only this hash is stored. SHA-256 suffices: the secret has 256 bits of entropy, nothing to brute-force. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time string comparison, for signatures and secrets. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * What a set of scopes allows. admin allows everything; plan includes read (planning needs the
 * figures); ingest is write-only for signals, so a CI pipeline's token cannot read the org's data.
 */
export function grants(held: readonly Scope[], needed: Scope): boolean {
  if (held.includes('admin')) return true;
  if (needed === 'read') return held.includes('read') || held.includes('plan');
  return held.includes(needed);
}
