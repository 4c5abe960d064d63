import { createHmac, timingSafeEqual } from 'node:crypto';

/** Hex HMAC-SHA256 of the raw body: what PagerDuty and GitHub sign. */
export function hmacSha256Hex(secret: string, body: Buffer): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** Constant-time comparison of a received hex digest with the expected one (lengths may differ). */
function sameDigest(received: string, expectedHex: string): boolean {
  const a = Buffer.from(received.trim().toLowerCase(), 'utf8');
  const b = Buffer.from(expectedHex, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `X-PagerDuty-Signature: v1=<hex>[,v1=<hex>…]` — several signatures during a secret rotation;
 * one matching v1 signature is enough. Other versions are skipped, as PagerDuty documents.
 */
export function verifyPagerDutySignature(body: Buffer, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = hmacSha256Hex(secret, body);
  let ok = false;
  for (const part of header.split(',')) {
    const [version, digest] = part.trim().split(/=(.*)/s);
    // No early exit: every candidate is compared, so timing does not tell which one matched.
    if (version === 'v1' && digest !== undefined && sameDigest(digest, expected)) ok = true;
  }
  return ok;
}

/** `X-Hub-Signature-256: sha256=<hex>` (GitHub). */
export function verifyGitHubSignature(body: Buffer, header: string | undefined, secret: string): boolean {
  if (!header || !header.startsWith('sha256=')) return false;
  return sameDigest(header.slice('sha256='.length), hmacSha256Hex(secret, body));
}
