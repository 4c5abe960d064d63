import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The generic webhook's signature (README "Notifications"): HMAC-SHA256 with the channel's secret
 * over `${timestamp}.${body}`, sent as `X-Headroom-Signature: t=<unix seconds>,v1=<hex>`. The
 * timestamp is signed with the body so a receiver can refuse an old message replayed later.
 */
export const SIGNATURE_HEADER = 'X-Headroom-Signature';

export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header's value for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signature(secret, timestamp, body)}`;
}

/**
 * What a receiver does (and the tests do): parse the header, recompute, compare in constant time,
 * and refuse a timestamp further than `toleranceSeconds` from its own clock.
 */
export function verifySignature(secret: string, header: string | undefined | null, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = new Map((header ?? '').split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(v1, 'hex'), Buffer.from(signature(secret, t, body), 'hex'));
}
