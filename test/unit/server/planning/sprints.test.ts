import { describe, it, expect } from 'vitest';
import { proratedCapacity, sprintState } from '../../../../server/planning/sprints';

describe('sprintState', () => {
  const sprint = { startDate: '2026-11-16', endDate: '2026-11-29' };
  it.each([
    ['2026-11-30', 'FINISHED'], // the day after its last day
    ['2026-11-29', 'IN_PROGRESS'], // its last day
    ['2026-11-16', 'IN_PROGRESS'], // its first day
    ['2026-11-15', 'PLANNED'], // the day before it starts
    ['2027-01-01', 'FINISHED'],
  ])('today %s → %s', (today, state) => {
    expect(sprintState(sprint, today)).toBe(state);
  });
});

describe('proratedCapacity', () => {
  // 2026-11-16 is a Monday: two weeks, 10 working days.
  const sprint = { startDate: '2026-11-16', endDate: '2026-11-29' };
  it.each([
    ['2026-11-15', 0], // before it starts
    ['2026-11-16', 30], // one working day of ten
    ['2026-11-22', 150], // the first week, weekend included
    ['2026-11-29', 300], // all of it
  ])('to %s → %s h of 300', (to, expected) => {
    expect(proratedCapacity(300, sprint, to)).toBeCloseTo(expected, 9);
  });

  it('gives 0 for a sprint without working days', () => {
    expect(proratedCapacity(100, { startDate: '2026-11-21', endDate: '2026-11-22' }, '2026-11-22')).toBe(0);
  });
});
