import { describe, it, expect } from 'vitest';
import { sprintBuckets, syntheticSprints, syntheticSprintsOverlapping, windowLabel } from '../../../../server/kpi/sprintWindows';
import { nextSprintWindow } from '../../../../server/kpi/capacity';

describe('syntheticSprints', () => {
  // 2026-12-01 is "today" in the team's zone: the newest finished window ends yesterday.
  it.each([
    ['2026-12-01', 0, []],
    ['2026-12-01', 1, [{ startDate: '2026-11-17', endDate: '2026-11-30' }]],
    ['2026-12-01', 3, [
      { startDate: '2026-11-17', endDate: '2026-11-30' },
      { startDate: '2026-11-03', endDate: '2026-11-16' },
      { startDate: '2026-10-20', endDate: '2026-11-02' },
    ]],
    ['2024-03-01', 1, [{ startDate: '2024-02-16', endDate: '2024-02-29' }]], // leap day
  ])('syntheticSprints(%s, %s)', (today, count, expected) => {
    expect(syntheticSprints(today, count)).toEqual(expected);
  });

  it('ends the day before the next sprint starts', () => {
    const [last] = syntheticSprints('2026-12-01', 1);
    expect(nextSprintWindow(null, null, '2026-12-01').startDate).toBe('2026-12-01');
    expect(last.endDate).toBe('2026-11-30');
  });
});

describe('syntheticSprintsOverlapping', () => {
  it.each([
    ['one window exactly', '2026-11-17', '2026-11-30', [['2026-11-17', '2026-11-30']]],
    ['cut on both sides', '2026-11-20', '2026-12-03', [['2026-11-17', '2026-11-30'], ['2026-12-01', '2026-12-14']]],
    ['a single day', '2026-11-03', '2026-11-03', [['2026-11-03', '2026-11-16']]],
    ['three windows back', '2026-10-25', '2026-11-20', [['2026-10-20', '2026-11-02'], ['2026-11-03', '2026-11-16'], ['2026-11-17', '2026-11-30']]],
  ])('%s', (_name, from, to, expected) => {
    expect(syntheticSprintsOverlapping('2026-12-01', from, to).map((w) => [w.startDate, w.endDate])).toEqual(expected);
  });

  it('uses the same grid as syntheticSprints', () => {
    expect(syntheticSprintsOverlapping('2026-12-01', '2026-10-20', '2026-11-30')).toEqual(syntheticSprints('2026-12-01', 3).reverse());
  });
});

describe('windowLabel', () => {
  it.each([
    [{ startDate: '2026-11-18', endDate: '2026-12-01' }, 'Nov 18 – Dec 1'],
    [{ startDate: '2026-03-02', endDate: '2026-03-15' }, 'Mar 2 – Mar 15'],
    [{ startDate: '2025-12-25', endDate: '2026-01-07' }, 'Dec 25, 2025 – Jan 7, 2026'],
  ])('%j → %s', (w, label) => {
    expect(windowLabel(w)).toBe(label);
  });
});

describe('sprintBuckets', () => {
  const S = (name: string, startDate: string, endDate: string) => ({ name, startDate, endDate });
  it.each([
    ['no sprints: one gap', '2026-01-01', '2026-01-10', [], [['2026-01-01', '2026-01-10', null, 10]]],
    ['two sprints inside a longer range: gaps around and between', '2026-01-01', '2026-02-15',
      [S('B', '2026-01-25', '2026-02-07'), S('A', '2026-01-05', '2026-01-18')],
      [
        ['2026-01-01', '2026-01-04', null, 4],
        ['2026-01-05', '2026-01-18', 'A', 14],
        ['2026-01-19', '2026-01-24', null, 6],
        ['2026-01-25', '2026-02-07', 'B', 14],
        ['2026-02-08', '2026-02-15', null, 8],
      ]],
    ['sprints cut by the range keep their full length', '2026-01-10', '2026-01-20',
      [S('A', '2026-01-05', '2026-01-18'), S('B', '2026-01-19', '2026-02-01')],
      [['2026-01-10', '2026-01-18', 'A', 14], ['2026-01-19', '2026-01-20', 'B', 14]]],
    ['overlapping sprints never count a day twice', '2026-01-01', '2026-01-20',
      [S('A', '2026-01-01', '2026-01-14'), S('B', '2026-01-10', '2026-01-20')],
      [['2026-01-01', '2026-01-14', 'A', 14], ['2026-01-15', '2026-01-20', 'B', 11]]],
    ['a sprint inside another is dropped', '2026-01-01', '2026-01-14',
      [S('A', '2026-01-01', '2026-01-14'), S('B', '2026-01-03', '2026-01-05')],
      [['2026-01-01', '2026-01-14', 'A', 14]]],
  ])('%s', (_name, from, to, sprints, expected) => {
    const buckets = sprintBuckets(from, to, sprints);
    expect(buckets.map((b) => [b.startDate, b.endDate, b.sprint, b.fullDays])).toEqual(expected);
  });
});
