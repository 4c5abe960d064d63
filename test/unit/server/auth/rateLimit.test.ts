import { describe, it, expect } from 'vitest';
import { RateLimiter } from '../../../../server/auth/rateLimit';
import { grants } from '../../../../server/core/viewer';

describe('RateLimiter', () => {
  it('allows a burst, refuses the next, and refills over time per key', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 1, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')].every((r) => r.ok)).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfter: 1 });
    expect(limiter.take('b').ok).toBe(true); // other tokens are not affected
    now = 1000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });
});

describe('scope grants', () => {
  it.each([
    [['admin'], 'ingest', true],
    [['admin'], 'read', true],
    [['plan'], 'read', true],
    [['plan'], 'ingest', false],
    [['ingest'], 'read', false],
    [['ingest'], 'ingest', true],
    [['read'], 'plan', false],
    [[], 'read', false],
  ] as const)('%j grants %s: %s', (held, needed, expected) => {
    expect(grants([...held], needed)).toBe(expected);
  });
});
