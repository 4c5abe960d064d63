import { describe, it, expect } from 'vitest';
import { dateRangeProblems, daysInRange, previousRange, todayIn, MAX_RANGE_DAYS } from '../../../../server/core/dateRange';

describe('dateRangeProblems', () => {
  it.each([
    [{ from: '2026-01-01', to: '2026-01-01' }, []],
    [{ from: '2024-02-29', to: '2024-03-01' }, []],
    [{ from: '2025-02-29', to: '2025-03-01' }, ['range.from']],
    [{ from: '2026-01-01', to: '2026-13-01' }, ['range.to']],
    [{ from: 'yesterday', to: '' }, ['range.from', 'range.to']],
    [{ from: '2026-02-02', to: '2026-02-01' }, ['range']],
    [{ from: '2020-01-01', to: '2026-01-01' }, ['range']],
  ])('%j → %j', (range, fields) => {
    expect(dateRangeProblems(range).map((p) => p.field)).toEqual(fields);
  });

  it('allows exactly the maximum span and refuses one day more', () => {
    expect(daysInRange({ from: '2023-01-01', to: '2026-01-02' })).toBe(MAX_RANGE_DAYS);
    expect(dateRangeProblems({ from: '2023-01-01', to: '2026-01-02' })).toEqual([]);
    expect(dateRangeProblems({ from: '2023-01-01', to: '2026-01-03' })).toEqual([{ field: 'range', message: `spans ${MAX_RANGE_DAYS + 1} days; at most ${MAX_RANGE_DAYS} are allowed` }]);
  });
});

describe('daysInRange and previousRange', () => {
  it.each([
    [{ from: '2026-03-01', to: '2026-03-01' }, 1, { from: '2026-02-28', to: '2026-02-28' }],
    [{ from: '2026-03-01', to: '2026-03-14' }, 14, { from: '2026-02-15', to: '2026-02-28' }],
    // Across the DST change in Europe: calendar days, not 24-hour periods.
    [{ from: '2026-03-23', to: '2026-04-05' }, 14, { from: '2026-03-09', to: '2026-03-22' }],
    [{ from: '2024-03-01', to: '2024-03-31' }, 31, { from: '2024-01-30', to: '2024-02-29' }],
    [{ from: '2026-03-10', to: '2026-03-01' }, 0, { from: '2026-03-10', to: '2026-03-09' }],
  ])('%j has %i days; previous %j', (range, days, previous) => {
    expect(daysInRange(range)).toBe(days);
    expect(previousRange(range)).toEqual(previous);
  });
});

describe('todayIn', () => {
  it.each([
    ['UTC', '2026-11-23T23:30:00Z', '2026-11-23'],
    ['Pacific/Kiritimati', '2026-11-23T11:00:00Z', '2026-11-24'], // UTC+14
    ['Pacific/Pago_Pago', '2026-11-23T09:00:00Z', '2026-11-22'], // UTC−11
    ['Asia/Kolkata', '2026-11-23T18:29:00Z', '2026-11-23'],
    ['Asia/Kolkata', '2026-11-23T18:30:00Z', '2026-11-24'],
  ])('%s at %s is %s', (tz, instant, date) => {
    expect(todayIn(tz, new Date(instant))).toBe(date);
  });
});
