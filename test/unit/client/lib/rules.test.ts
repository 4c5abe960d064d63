import { describe, expect, it } from 'vitest';
import { formatDuration, formatShare } from '../../../../client/lib/format';
import { formatDora, formatFrequency, ruleFigures, ruleName } from '../../../../client/lib/rules';

describe('rule figures', () => {
  it.each([
    ['opsCeiling', 0.34, 0.5, '34.0% · limit 50%'],
    ['reserveFloor', null, 0.2, '— · limit 20%'],
    ['pageHoursPerWeek', 17, 12, '17.0 h · limit 12 h per week'],
    ['sleepInterruptionsPerWeek', 1.25, 2, '1.3 · limit 2 per week'],
    ['sleepInterruptionsPerPersonWeek', 3.5, 2, '3.5 · limit 2 per person per week'],
    ['sleepInterruptionsPerPersonWeek', null, 2, '— · limit 2 per person per week'],
    ['changeFailureRate', 0.064, 0.15, '6.4% · limit 15%'],
  ])('%s %j of %j', (rule, value, limit, want) => {
    expect(ruleFigures({ rule, value, limit, status: 'OK', message: '' })).toBe(want);
  });

  it('names rules in words, and keeps an unknown rule’s key', () => {
    expect(ruleName('sleepInterruptionsPerWeek')).toBe('Sleep interruptions per week');
    expect(ruleName('sleepInterruptionsPerPersonWeek')).toBe('Sleep interruptions per person per week');
    expect(ruleName('somethingNew')).toBe('somethingNew');
  });
});

describe('DORA figures', () => {
  it.each([
    [2.786, '2.8 per day'],
    [1, '1 per day'],
    [0.5, '3.5 per week'],
    [1 / 7, '1 per week'],
    [0.05, '1.5 per month'],
    [0, 'none'],
    [null, '—'],
  ])('frequency %j → %s', (perDay, want) => expect(formatFrequency(perDay)).toBe(want));

  it('formats each metric by its unit', () => {
    expect(formatDora({ value: 0.064, unit: 'ratio', band: 'HIGH' }, formatDuration)).toBe('6.4%');
    expect(formatDora({ value: 5400, unit: 'seconds', band: 'HIGH' }, formatDuration)).toBe('1.5 h');
    expect(formatDora({ value: null, unit: 'seconds', band: null }, formatDuration)).toBe('—');
  });
});

describe('formatDuration and formatShare', () => {
  it.each([
    [30, '30 s'],
    [90, '1.5 min'],
    [5400, '1.5 h'],
    [172_800, '2.0 days'],
    [null, '—'],
  ])('%j s → %s', (s, want) => expect(formatDuration(s)).toBe(want));

  it.each([
    [0.5, '50%'],
    [0.125, '12.5%'],
    [0.3, '30%'],
    [0.1 + 0.2, '30%'],
    [null, '—'],
  ])('%j → %s', (share, want) => expect(formatShare(share)).toBe(want));
});
