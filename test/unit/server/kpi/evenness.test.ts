import { describe, it, expect } from 'vitest';
import { busiestShare, evenness, gini } from '../../../../server/kpi/evenness';

/** The definition, literally: every ordered pair's absolute difference over 2 · n · Σx. */
function giniByPairs(xs: number[]): number {
  const total = xs.reduce((s, x) => s + x, 0);
  let sum = 0;
  for (const a of xs) for (const b of xs) sum += Math.abs(a - b);
  return sum / (2 * xs.length * total);
}

describe('busiestShare', () => {
  it.each<[string, number[], number | null]>([
    ['no one: null (nothing carried)', [], null],
    ['only zero hours: null, not 0 or 100%', [0, 0], null],
    ['one person with hours: 100%', [5], 1],
    ['one person without hours: null', [0], null],
    ['even pair: 50%', [3, 3], 0.5],
    ['README example 12/6/4/2: 50%', [12, 6, 4, 2], 0.5],
    ['order does not matter', [2, 12, 4, 6], 0.5],
    ['three, one idle', [9, 3, 0], 0.75],
  ])('%s', (_, hours, expected) => {
    expect(busiestShare(hours)).toBe(expected);
  });
});

describe('gini', () => {
  it.each<[string, number[], number | null]>([
    ['no one: null', [], null],
    ['one person: null (nothing to compare)', [7], null],
    ['two people, no hours: null', [0, 0], null],
    ['everyone equal: 0', [4, 4, 4, 4], 0],
    ['equal decimals with float noise: exactly 0, never negative', [0.1 + 0.2, 0.3, 0.30000000000000004], 0],
    ['two people, one carried it all: (n−1)/n = 0.5', [6, 0], 0.5],
    ['four people, one carried it all: 0.75', [10, 0, 0, 0], 0.75],
    ['README example 12/6/4/2: 64 / (2·4·24) = 1/3', [12, 6, 4, 2], 1 / 3],
    ['two people 3 and 1: 4 / (2·2·4) = 0.25', [3, 1], 0.25],
  ])('%s', (_, hours, expected) => {
    const g = gini(hours);
    if (expected === null) expect(g).toBeNull();
    else expect(g).toBeCloseTo(expected, 12);
  });

  it.each([[[1, 2, 3]], [[5, 0.5, 0.25, 8, 8]], [[0, 0, 1, 100]], [[2.5, 2.49]]])('agrees with the pairwise definition for %j', (hours) => {
    expect(gini(hours)).toBeCloseTo(giniByPairs(hours), 12);
  });

  it.each([[[1, -1]], [[Number.NaN, 1]], [[Infinity, 1]]])('refuses %j: hours are finite durations', (hours) => {
    expect(() => gini(hours)).toThrow(/finite and non-negative/);
  });
});

describe('evenness (published)', () => {
  it.each<[string, number[], ReturnType<typeof evenness>]>([
    ['nobody', [], { people: 0, personPageHours: 0, busiestShare: null, gini: null }],
    ['one person', [2.5], { people: 1, personPageHours: 2.5, busiestShare: 1, gini: null }],
    ['pages that round to no hours', [0, 0, 0], { people: 3, personPageHours: 0, busiestShare: null, gini: null }],
    ['README example', [12, 6, 4, 2], { people: 4, personPageHours: 24, busiestShare: 0.5, gini: 0.3333 }],
    ['shares rounded to 4 decimals', [2, 1], { people: 2, personPageHours: 3, busiestShare: 0.6667, gini: 0.1667 }],
    ['hours summed without float noise', [0.1, 0.2], { people: 2, personPageHours: 0.3, busiestShare: 0.6667, gini: 0.1667 }],
  ])('%s', (_, hours, expected) => {
    expect(evenness(hours)).toEqual(expected);
  });
});
