import { describe, it, expect } from 'vitest';
import { busiestSleepInterruptions, responderLoad } from '../../../../server/kpi/responderLoad';

const row = (person: string, pages: number, pageHours: number, sleepPageHours = 0) => ({ person, pages, pageHours, offHoursPageHours: 0, sleepPageHours, sleepInterruptions: 0 });

describe('responderLoad', () => {
  it.each([
    ['nobody', [], []],
    ['heaviest first by page hours', [row('a', 1, 1), row('b', 1, 3)], ['b', 'a']],
    ['equal hours: more sleep hours first', [row('a', 1, 2, 0), row('b', 1, 2, 1)], ['b', 'a']],
    ['equal hours and sleep: more pages first', [row('a', 1, 2), row('b', 3, 2)], ['b', 'a']],
    ['all equal: by name, stably', [row('b', 1, 0), row('a', 1, 0)], ['a', 'b']],
  ])('%s', (_, rows, order) => {
    expect(responderLoad(rows).map((r) => r.person)).toEqual(order);
  });

  it('rounds hours to the published precision (float sums carry noise), keeps counts whole', () => {
    expect(responderLoad([{ person: 'a', pages: 3, pageHours: 0.1 + 0.2, offHoursPageHours: 1 / 3, sleepPageHours: 2.005, sleepInterruptions: 1 }])).toEqual([
      { person: 'a', pages: 3, pageHours: 0.3, offHoursPageHours: 0.33, sleepPageHours: 2.01, sleepInterruptions: 1 },
    ]);
  });
});

describe('busiestSleepInterruptions', () => {
  const w = (entries: [string, number][]) => new Map(entries);
  it.each<[string, (Map<string, number> | undefined)[], number | null]>([
    ['no window', [], null],
    ['no page names anyone: cannot judge', [undefined], null],
    ['no page of any window names anyone: cannot judge', [undefined, undefined], null],
    ['named but never woken: 0, not unknown', [w([])], 0],
    ['named but never woken, listed with 0: still 0', [w([['ana', 0]])], 0],
    ['the busiest of one window', [w([['ana', 1], ['bo', 3]])], 3],
    ['summed per person across windows, then the busiest', [w([['ana', 2], ['bo', 3]]), w([['ana', 2]])], 4],
    ['a window with nobody adds nothing', [w([['bo', 1]]), undefined], 1],
    ['a window naming people who slept, beside one naming nobody: 0', [undefined, w([])], 0],
  ])('%s', (_, windows, expected) => {
    expect(busiestSleepInterruptions(windows)).toBe(expected);
  });
});
