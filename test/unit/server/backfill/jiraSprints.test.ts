import { describe, it, expect } from 'vitest';
import { sprintWindows, type JiraSprint } from '../../../../server/backfill/jiraSprints';

const sprint = (id: number, over: Partial<JiraSprint>): JiraSprint => ({ id, name: `S${id}`, state: 'closed', ...over });

describe('sprintWindows: Jira sprints as days of the team’s zone, each day in one sprint', () => {
  it.each([
    ['a sprint ending the morning the next starts ends the day before', [
      sprint(1, { startDate: '2026-01-05T09:00:00.000+01:00', endDate: '2026-01-19T09:00:00.000+01:00' }),
      sprint(2, { startDate: '2026-01-19T10:00:00.000+01:00', endDate: '2026-02-02T09:00:00.000+01:00' }),
    ], [['S1', '2026-01-05', '2026-01-18'], ['S2', '2026-01-19', '2026-02-01']], []],
    ['a two-week sprint from Monday 09:00 to Monday 09:00 is 14 days, with no sprint after it', [
      sprint(1, { state: 'active', startDate: '2026-01-05T09:00:00.000+01:00', endDate: '2026-01-19T09:00:00.000+01:00' }),
    ], [['S1', '2026-01-05', '2026-01-18']], []],
    ['a sprint ending later in the day than it started keeps its last day', [
      sprint(1, { state: 'active', startDate: '2026-01-05T09:00:00.000+01:00', endDate: '2026-01-16T17:00:00.000+01:00' }),
    ], [['S1', '2026-01-05', '2026-01-16']], []],
    ['a closed sprint ends when it was completed, not when it was planned to', [
      sprint(1, { startDate: '2026-01-05T09:00:00.000+01:00', endDate: '2026-01-16T17:00:00.000+01:00', completeDate: '2026-01-20T11:00:00.000+01:00' }),
    ], [['S1', '2026-01-05', '2026-01-20']], []],
    ['an active sprint runs to its planned end', [
      sprint(1, { state: 'active', startDate: '2026-01-05T09:00:00.000+01:00', endDate: '2026-01-16T17:00:00.000+01:00' }),
    ], [['S1', '2026-01-05', '2026-01-16']], []],
    ['an end at midnight belongs to the day before', [
      sprint(1, { startDate: '2026-01-05T00:00:00.000+01:00', endDate: '2026-01-19T00:00:00.000+01:00' }),
    ], [['S1', '2026-01-05', '2026-01-18']], []],
    ['days are the team’s: 23:30 UTC is the next day in Berlin', [
      sprint(1, { startDate: '2026-03-01T23:30:00.000Z', endDate: '2026-03-14T23:30:00.000Z' }),
    ], [['S1', '2026-03-02', '2026-03-14']], []],
    ['a future sprint without dates is skipped, named', [
      sprint(1, { state: 'future' }),
    ], [], [{ name: 'S1', reason: 'future sprint without a start date' }]],
    ['of two sprints starting the same day the later one stays', [
      sprint(1, { startDate: '2026-01-05T09:00:00.000+01:00', endDate: '2026-01-05T10:00:00.000+01:00' }),
      sprint(2, { startDate: '2026-01-05T11:00:00.000+01:00', endDate: '2026-01-18T17:00:00.000+01:00' }),
    ], [['S2', '2026-01-05', '2026-01-18']], [{ name: 'S1', reason: 'starts the same day as sprint "S2"' }]],
    ['an unreadable date is no date', [
      sprint(1, { startDate: 'soon', endDate: '2026-01-18T17:00:00.000+01:00' }),
    ], [], [{ name: 'S1', reason: 'closed sprint without a start date' }]],
  ])('%s', (_, sprints, windows, skipped) => {
    const got = sprintWindows(sprints, 'Europe/Berlin');
    expect(got.windows.map((w) => [w.name, w.startDate, w.endDate])).toEqual(windows);
    expect(got.skipped).toEqual(skipped);
  });
});
