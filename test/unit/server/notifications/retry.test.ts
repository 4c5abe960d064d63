import { describe, it, expect } from 'vitest';
import { MAX_ATTEMPTS, retryDelaySeconds } from '../../../../server/notifications/retry';

describe('notification back-off', () => {
  it.each([
    [1, 60],
    [2, 300],
    [3, 1800],
    [4, 7200],
    [5, 43_200],
    [6, null],
    [7, null],
    [0, null],
  ])('after %i failed attempt(s): %s s', (attempts, delay) => {
    expect(retryDelaySeconds(attempts)).toBe(delay);
  });

  it('gives up at the sixth attempt, about 15 hours after the first', () => {
    expect(MAX_ATTEMPTS).toBe(6);
    const total = [1, 2, 3, 4, 5].reduce((sum, n) => sum + retryDelaySeconds(n)!, 0);
    expect(total / 3600).toBeCloseTo(14.6, 1);
  });
});
