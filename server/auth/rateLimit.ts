/**
 * A token bucket per key (token id): `burst` requests at once, refilled at `perSecond`. Kept in
 * memory, so the limit applies per server instance — enough to stop a runaway script from
 * starving others; an org-wide quota belongs in the load balancer.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from the key's bucket; returns the seconds to wait when it is empty. */
  take(key: string): { ok: true } | { ok: false; retryAfter: number } {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfter: Math.ceil((1 - b.tokens) / this.perSecond) };
  }
}

/** Ingestion calls per token: bursts of 60, then 10 a second (each call may carry 10,000 records). */
export const ingestLimiter = new RateLimiter(60, 10);
