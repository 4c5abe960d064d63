import { describe, it, expect } from 'vitest';
import { computeCapacity, nextSprintWindow } from '../../../../server/kpi/capacity.js';
import { addDays, lengthInDays, workingDays } from '../../../../server/core/calendar.js';

describe('workingDays', () => {
  // 2024-05-06 is a Monday.
  it.each([
    ['2024-05-06', '2024-05-06', 1], // a Monday
    ['2024-05-11', '2024-05-12', 0], // a weekend
    ['2024-05-06', '2024-05-10', 5], // Mon–Fri
    ['2024-05-06', '2024-05-12', 5], // full week
    ['2024-05-06', '2024-05-19', 10], // 14-day sprint
    ['2024-05-08', '2024-05-21', 10], // 14 days starting mid-week
    ['2024-05-10', '2024-05-13', 2], // Fri → Mon
    ['2024-02-26', '2024-03-04', 6], // across a leap day
    ['2024-03-25', '2024-04-07', 10], // across the EU DST switch: calendar dates, no shift
    ['2023-12-25', '2024-01-07', 10], // across a year end
    ['2024-05-10', '2024-05-06', 0], // end before start
  ])('workingDays(%s, %s) → %s', (start, end, expected) => {
    expect(workingDays(start, end)).toBe(expected);
  });

  it.each(['2024-5-6', '2024-02-30', 'yesterday', ''])('rejects invalid date %j', (bad) => {
    expect(() => workingDays(bad, '2024-05-06')).toThrow(RangeError);
  });
});

describe('addDays / lengthInDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-28', 2, '2024-03-01'],
    ['2024-01-01', -1, '2023-12-31'],
    ['2024-03-30', 2, '2024-04-01'],
  ])('addDays(%s, %s) → %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it.each([
    ['2024-05-06', '2024-05-19', 14],
    ['2024-05-06', '2024-05-06', 1],
    ['2024-05-07', '2024-05-06', 0],
  ])('lengthInDays(%s, %s) → %s', (s, e, expected) => {
    expect(lengthInDays(s, e)).toBe(expected);
  });
});

describe('computeCapacity', () => {
  const sprint = { startDate: '2024-05-06', endDate: '2024-05-19' }; // 10 working days
  it.each([
    ['5 people, 6 h focus, no leave', 5, 6, 0, 300],
    ['5 people, 6 h focus, 3 days off', 5, 6, 3, 282],
    ['no members', 0, 6, 0, 0],
    ['no focus hours', 5, 0, 2, 0],
    ['more leave than working days → 0, not negative', 1, 6, 12, 0],
  ])('%s', (_name, members, focusHoursPerDay, daysOff, expected) => {
    expect(computeCapacity({ members, focusHoursPerDay, daysOff, ...sprint })).toBe(expected);
  });

  it('end before start → 0', () => {
    expect(computeCapacity({ members: 5, focusHoursPerDay: 6, daysOff: 0, startDate: '2024-05-19', endDate: '2024-05-06' })).toBe(0);
  });
});

describe('nextSprintWindow', () => {
  it.each<[string, string | null, number | null, string, { startDate: string; endDate: string }]>([
    ['no sprint → 14 days from today', null, null, '2024-05-08', { startDate: '2024-05-08', endDate: '2024-05-21' }],
    ['day after last end, same length', '2024-05-19', 14, '2024-05-17', { startDate: '2024-05-20', endDate: '2024-06-02' }],
    ['keeps a 10-day cadence', '2024-05-19', 10, '2024-05-19', { startDate: '2024-05-20', endDate: '2024-05-29' }],
    ['unknown length → 14 days', '2024-05-19', null, '2024-05-19', { startDate: '2024-05-20', endDate: '2024-06-02' }],
    ['nonsensical length → 14 days', '2024-05-19', 0, '2024-05-19', { startDate: '2024-05-20', endDate: '2024-06-02' }],
    ['across a month end', '2024-02-27', 7, '2024-02-27', { startDate: '2024-02-28', endDate: '2024-03-05' }],
  ])('%s', (_name, lastEnd, lastLength, today, expected) => {
    expect(nextSprintWindow(lastEnd, lastLength, today)).toEqual(expected);
  });
});
