import { describe, expect, it } from 'vitest';
import { freshnessText, latestDate, timeAgo } from '../../../../client/lib/freshness';

const now = new Date('2026-11-23T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MIN = 60_000;

describe('timeAgo', () => {
  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [-5 * MIN, 'just now'],
    [5 * MIN, '5 min ago'],
    [59 * MIN, '59 min ago'],
    [60 * MIN, '1 h ago'],
    [23 * 60 * MIN + 59 * MIN, '23 h ago'],
    [24 * 60 * MIN, '1 day ago'],
    [2 * 24 * 60 * MIN + 5 * MIN, '2 days ago'],
  ])('%d ms → %s', (ms, want) => expect(timeAgo(ago(ms), now)).toBe(want));

  it('says so when the instant cannot be read', () => expect(timeAgo('yesterday', now)).toBe('at an unknown time'));
});

describe('freshnessText', () => {
  it('names the newest day and each source with its age, as the server orders them', () => {
    const sources = [
      { source: 'pagerduty', lastReceivedAt: ago(5 * MIN), latestDate: '2026-11-23' },
      { source: 'csv', lastReceivedAt: ago(2 * 24 * 60 * MIN), latestDate: '2026-11-20' },
    ];
    expect(latestDate(sources)).toBe('2026-11-23');
    expect(freshnessText(sources, now)).toBe('Data as of Nov 23: pagerduty 5 min ago, csv 2 days ago.');
  });

  it('says when nothing has arrived, and copes without dates', () => {
    expect(freshnessText([], now)).toBe('No data received yet.');
    expect(freshnessText([{ source: 'api', lastReceivedAt: ago(0), latestDate: null }], now)).toBe('Data received: api just now.');
  });
});
