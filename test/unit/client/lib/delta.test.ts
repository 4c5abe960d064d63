import { describe, expect, it } from 'vitest';
import { relativeDelta, shareDelta } from '../../../../client/lib/delta';

describe('relativeDelta', () => {
  it.each([
    [112, 100, 'up', '12%', 'up 12% from previous period'],
    [43, 50, 'down', '14%', 'down 14% from previous period'],
    [100, 100, 'flat', '0%', 'no change from previous period'],
    // Below half a percent rounds to no change rather than "up 0%".
    [100.4, 100, 'flat', '0%', 'no change from previous period'],
    [250, 100, 'up', '150%', 'up 150% from previous period'],
    [0, 20, 'down', '100%', 'down 100% from previous period'],
    // Zero rules: from nothing to something has no percentage; nothing to nothing is no change.
    [5, 0, 'up', 'new', 'up from 0 in the previous period'],
    [0, 0, 'flat', '0%', 'no change from previous period'],
  ])('%d against %d', (current, previous, direction, short, text) => {
    expect(relativeDelta(current, previous)).toEqual({ direction, short, text });
  });

  it('has nothing to say without both figures', () => {
    expect(relativeDelta(5, null)).toBeNull();
    expect(relativeDelta(null, 5)).toBeNull();
    expect(relativeDelta(Number.NaN, 5)).toBeNull();
  });
});

describe('shareDelta', () => {
  it.each([
    [0.34, 0.3, 'up', '4.0 pts', 'up 4.0 percentage points from previous period'],
    [0.2, 0.25, 'down', '5.0 pts', 'down 5.0 percentage points from previous period'],
    [0.3, 0.3, 'flat', '0 pts', 'no change from previous period'],
    [0.0004, 0, 'flat', '0 pts', 'no change from previous period'],
  ])('%d against %d', (current, previous, direction, short, text) => {
    expect(shareDelta(current, previous)).toEqual({ direction, short, text });
  });

  it('has nothing to say when a share is unknown (no capacity)', () => {
    expect(shareDelta(null, 0.3)).toBeNull();
    expect(shareDelta(0.3, null)).toBeNull();
  });
});
