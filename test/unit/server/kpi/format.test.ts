import { describe, it, expect } from 'vitest';
import { hours, pct } from '../../../../server/kpi/format.js';

describe('pct', () => {
  it.each([
    [0.42, '42%'],
    [0, '0%'],
    [1, '100%'],
    [0.125, '12.5%'],
    [0.504, '50.4%'],
    [0.3 + 0.0000001, '30%'],
    [-0.0001, '0%'], // never "-0%"
    [1.5, '150%'],
    [Number.NaN, 'n/a'],
    [Number.POSITIVE_INFINITY, 'n/a'],
  ])('pct(%s) → %s', (x, expected) => {
    expect(pct(x)).toBe(expected);
  });
});

describe('hours', () => {
  it.each([
    [12.5, '12.5 h'],
    [12.46, '12.5 h'],
    [12, '12 h'],
    [0, '0 h'],
    [0.04, '0 h'],
    [-0.01, '0 h'],
    [1234.56, '1234.6 h'],
    [Number.NaN, 'n/a'],
  ])('hours(%s) → %s', (x, expected) => {
    expect(hours(x)).toBe(expected);
  });
});
