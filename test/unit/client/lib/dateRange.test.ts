import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInRange,
  defaultRange,
  describeRange,
  isCalendarDate,
  localToday,
  MAX_RANGE_DAYS,
  parseRange,
  PRESETS,
  presetOf,
  rangeProblem,
  withRangeParams,
} from '../../../../client/lib/dateRange';

const TODAY = '2024-05-28';
const preset = (id: string, today = TODAY) => PRESETS.find((p) => p.id === id)!.range(today);

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['24-01-01', false],
    ['2024-01-01T00:00', false],
    ['', false],
    [null, false],
    [20240101, false],
  ])('%s → %s', (value, ok) => expect(isCalendarDate(value)).toBe(ok));
});

describe('date arithmetic', () => {
  it.each([
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    // A DST change in any zone must not shift a calendar day.
    ['2024-03-31', 1, '2024-04-01'],
    ['2024-10-27', -27, '2024-09-30'],
  ])('addDays(%s, %i) = %s', (d, n, want) => expect(addDays(d, n)).toBe(want));

  it.each([
    [{ from: '2024-05-01', to: '2024-05-01' }, 1],
    [{ from: '2024-05-01', to: '2024-05-28' }, 28],
    [{ from: '2024-05-02', to: '2024-05-01' }, 0],
    [{ from: '2024-03-01', to: '2024-03-31' }, 31],
  ])('daysInRange(%o) = %i', (r, want) => expect(daysInRange(r)).toBe(want));

  it('reads today from the local clock', () => {
    expect(localToday(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(localToday(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
  });
});

describe('rangeProblem', () => {
  it.each([
    ['2024-05-01', '2024-05-28', null],
    ['2024-05-28', '2024-05-28', null],
    ['2024-05-29', '2024-05-28', 'start date must not be after the end date'],
    ['2024-02-30', '2024-05-28', 'start date must be a real date written YYYY-MM-DD'],
    ['2024-05-01', 'tomorrow', 'end date must be a real date written YYYY-MM-DD'],
    [null, '2024-05-28', 'start date must be a real date written YYYY-MM-DD'],
  ])('%s … %s → %s', (from, to, want) => expect(rangeProblem(from, to)).toBe(want));

  it('refuses ranges longer than the server allows', () => {
    expect(rangeProblem('2024-01-01', addDays('2024-01-01', MAX_RANGE_DAYS - 1))).toBeNull();
    expect(rangeProblem('2024-01-01', addDays('2024-01-01', MAX_RANGE_DAYS))).toMatch(/at most 1098/);
  });
});

describe('parseRange', () => {
  const parse = (search: string) => parseRange(new URLSearchParams(search), TODAY);

  it('defaults to the last 28 days ending today', () => {
    expect(defaultRange(TODAY)).toEqual({ from: '2024-05-01', to: TODAY });
    expect(parse('')).toEqual({ range: { from: '2024-05-01', to: TODAY }, valid: true, isDefault: true });
  });

  it('takes a valid range from the URL', () => {
    expect(parse('?from=2024-01-01&to=2024-03-31')).toEqual({
      range: { from: '2024-01-01', to: '2024-03-31' },
      valid: true,
      isDefault: false,
    });
  });

  it.each([
    '?from=2024-01-01',
    '?to=2024-01-01',
    '?from=2024-02-30&to=2024-03-01',
    '?from=2024-03-02&to=2024-03-01',
    '?from=2020-01-01&to=2024-03-01',
    '?from=yesterday&to=today',
    '?from=&to=',
  ])('falls back to the default for %s', (search) => {
    expect(parse(search)).toEqual({ range: defaultRange(TODAY), valid: false, isDefault: true });
  });

  it('writes a range into the URL and keeps other parameters', () => {
    const next = withRangeParams(new URLSearchParams('bucket=WEEK&from=x'), { from: '2024-01-01', to: '2024-01-31' });
    expect(next.toString()).toBe('bucket=WEEK&from=2024-01-01&to=2024-01-31');
  });
});

describe('presets', () => {
  it.each([
    ['14d', { from: '2024-05-15', to: TODAY }],
    ['28d', { from: '2024-05-01', to: TODAY }],
    ['30d', { from: '2024-04-29', to: TODAY }],
    ['90d', { from: '2024-02-29', to: TODAY }],
    ['qtd', { from: '2024-04-01', to: TODAY }],
    ['lq', { from: '2024-01-01', to: '2024-03-31' }],
  ])('%s', (id, want) => expect(preset(id)).toEqual(want));

  it('handles quarters across a year boundary', () => {
    expect(preset('qtd', '2024-01-15')).toEqual({ from: '2024-01-01', to: '2024-01-15' });
    expect(preset('lq', '2024-01-15')).toEqual({ from: '2023-10-01', to: '2023-12-31' });
    expect(preset('lq', '2024-12-31')).toEqual({ from: '2024-07-01', to: '2024-09-30' });
  });

  it('recognises the preset of a range, or none for a custom one', () => {
    expect(presetOf(defaultRange(TODAY), TODAY)?.id).toBe('28d');
    expect(presetOf({ from: '2024-05-02', to: TODAY }, TODAY)).toBeUndefined();
  });

  it('describes a range in words', () => {
    expect(describeRange({ from: '2024-05-01', to: '2024-05-28' })).toBe('2024-05-01 – 2024-05-28 (28 days)');
    expect(describeRange({ from: '2024-05-01', to: '2024-05-01' })).toBe('2024-05-01 – 2024-05-01 (1 day)');
  });
});
