import { describe, expect, it } from 'vitest';
import { formatCount, formatHours, formatPercent, formatShortDate } from '../../../../client/lib/format';
import { formatKpi } from '../../../../client/lib/kpiFields';
import { bucketFor } from '../../../../client/lib/bucket';

describe('number formats', () => {
  it.each([
    [0, '0'],
    [43, '43'],
    [12345, '12,345'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('count %s → %s', (n, want) => expect(formatCount(n)).toBe(want));

  it.each([
    [0, '0.0'],
    [13.5, '13.5'],
    [0.25, '0.3'],
    [1234.56, '1,234.6'],
    [null, '—'],
  ])('hours %s → %s', (n, want) => expect(formatHours(n)).toBe(want));

  it.each([
    [0, '0.0%'],
    [0.1, '10.0%'],
    [1 / 3, '33.3%'],
    [1, '100.0%'],
    [null, '—'],
  ])('percent %s → %s', (n, want) => expect(formatPercent(n)).toBe(want));

  it('formats each KPI by its kind', () => {
    expect(formatKpi('alerts', 7)).toBe('7');
    expect(formatKpi('toilHours', 7)).toBe('7.0');
    expect(formatKpi('changeFailureRate', null)).toBe('—');
  });

  it('writes short dates without shifting the day', () => {
    expect(formatShortDate('2024-03-31')).toBe('Mar 31');
    expect(formatShortDate('2024-01-01')).toBe('Jan 1');
  });
});

describe('bucketFor', () => {
  const range = (days: number) => ({ from: '2024-01-01', to: new Date(Date.UTC(2024, 0, days)).toISOString().slice(0, 10) });
  it.each([
    [null, 28, 'DAY'],
    [null, 45, 'DAY'],
    [null, 46, 'WEEK'],
    ['WEEK', 7, 'WEEK'],
    ['DAY', 90, 'DAY'],
    ['SPRINT', 10, 'SPRINT'],
    ['week', 10, 'DAY'],
  ] as const)('param %s, %i days → %s', (param, days, want) => expect(bucketFor(param, range(days))).toBe(want));
});
