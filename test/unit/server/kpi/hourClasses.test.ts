import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { isValidTimeZone } from '../../../../server/core/calendar';
import {
  DEFAULT_SCHEDULE,
  hourClassAt,
  isSleepInterruption,
  splitByHourClass,
  totalsOf,
  type DayClassSplit,
  type HourSchedule,
} from '../../../../server/kpi/hourClasses';

const H = 3_600_000;
const M = 60_000;
const d = (iso: string) => new Date(iso);
/** Compact expected day: [date, businessMs, offMs, sleepMs]. */
type Day = [string, number, number, number];
const days = (rows: Day[]): DayClassSplit[] =>
  rows.map(([date, businessMs, offMs, sleepMs]) => ({ date, businessMs, offMs, sleepMs }));

describe('splitByHourClass — hand-checked cases (default schedule)', () => {
  const cases: { name: string; tz: string; start: string; end: string; expected: Day[] }[] = [
    {
      name: 'weekday business-only page',
      tz: 'America/New_York',
      start: '2025-01-06T09:00:00-05:00', // Mon
      end: '2025-01-06T11:30:00-05:00',
      expected: [['2025-01-06', 2.5 * H, 0, 0]],
    },
    {
      name: 'evening page crossing 18:00',
      tz: 'Europe/Berlin',
      start: '2025-01-07T17:15:00+01:00', // Tue
      end: '2025-01-07T19:00:00+01:00',
      expected: [['2025-01-07', 45 * M, 1 * H, 0]],
    },
    {
      name: 'night page crossing midnight gives two dates',
      tz: 'America/New_York',
      start: '2025-01-08T23:00:00-05:00', // Wed
      end: '2025-01-09T01:30:00-05:00',
      expected: [
        ['2025-01-08', 0, 0, 1 * H],
        ['2025-01-09', 0, 0, 1.5 * H],
      ],
    },
    {
      name: 'evening → next morning crosses off, sleep, midnight, business',
      tz: 'America/New_York',
      start: '2025-01-09T21:00:00-05:00', // Thu
      end: '2025-01-10T09:00:00-05:00', // Fri
      expected: [
        ['2025-01-09', 0, 1 * H, 2 * H],
        ['2025-01-10', 1 * H, 0, 8 * H],
      ],
    },
    {
      name: 'weekend page: no business hours on Saturday/Sunday',
      tz: 'UTC',
      start: '2025-01-11T07:00:00Z', // Sat
      end: '2025-01-12T10:00:00Z', // Sun
      expected: [
        ['2025-01-11', 0, 14 * H, 3 * H],
        ['2025-01-12', 0, 2 * H, 8 * H],
      ],
    },
    {
      name: 'DST spring-forward night, New York: 22:00→08:00 is 9h',
      tz: 'America/New_York',
      start: '2025-03-08T22:00:00-05:00',
      end: '2025-03-09T08:00:00-04:00',
      expected: [
        ['2025-03-08', 0, 0, 2 * H],
        ['2025-03-09', 0, 0, 7 * H],
      ],
    },
    {
      name: 'DST spring-forward night, Berlin: 22:00→08:00 is 9h',
      tz: 'Europe/Berlin',
      start: '2025-03-29T22:00:00+01:00',
      end: '2025-03-30T08:00:00+02:00',
      expected: [
        ['2025-03-29', 0, 0, 2 * H],
        ['2025-03-30', 0, 0, 7 * H],
      ],
    },
    {
      name: 'DST fall-back night, New York: 22:00→08:00 is 11h',
      tz: 'America/New_York',
      start: '2025-11-01T22:00:00-04:00',
      end: '2025-11-02T08:00:00-05:00',
      expected: [
        ['2025-11-01', 0, 0, 2 * H],
        ['2025-11-02', 0, 0, 9 * H],
      ],
    },
    {
      name: 'DST fall-back night, Berlin: 22:00→08:00 is 11h',
      tz: 'Europe/Berlin',
      start: '2025-10-25T22:00:00+02:00',
      end: '2025-10-26T08:00:00+01:00',
      expected: [
        ['2025-10-25', 0, 0, 2 * H],
        ['2025-10-26', 0, 0, 9 * H],
      ],
    },
    {
      name: 'whole 23h spring-forward Sunday, New York',
      tz: 'America/New_York',
      start: '2025-03-09T00:00:00-05:00',
      end: '2025-03-10T00:00:00-04:00',
      expected: [['2025-03-09', 0, 14 * H, 9 * H]],
    },
    {
      name: 'whole 25h fall-back Sunday, New York',
      tz: 'America/New_York',
      start: '2025-11-02T00:00:00-04:00',
      end: '2025-11-03T00:00:00-05:00',
      expected: [['2025-11-02', 0, 14 * H, 11 * H]],
    },
    {
      name: 'Lord Howe 30-minute fall-back: 22:00→08:00 is 10.5h',
      tz: 'Australia/Lord_Howe',
      start: '2025-04-05T22:00:00+11:00',
      end: '2025-04-06T08:00:00+10:30',
      expected: [
        ['2025-04-05', 0, 0, 2 * H],
        ['2025-04-06', 0, 0, 8.5 * H],
      ],
    },
    {
      name: 'Santiago fall-back at midnight revisits Saturday 23:00',
      tz: 'America/Santiago',
      start: '2025-04-05T22:00:00-03:00',
      end: '2025-04-06T01:00:00-04:00',
      expected: [
        ['2025-04-05', 0, 0, 3 * H],
        ['2025-04-06', 0, 0, 1 * H],
      ],
    },
    {
      name: 'Asia/Kolkata (+05:30): UTC input lands on the 08:00 half-hour boundary',
      tz: 'Asia/Kolkata',
      start: '2025-01-06T02:00:00Z', // Mon 07:30 IST
      end: '2025-01-06T03:00:00Z', // Mon 08:30 IST
      expected: [['2025-01-06', 30 * M, 0, 30 * M]],
    },
    {
      name: 'Asia/Kolkata: 17:30→22:30 IST',
      tz: 'Asia/Kolkata',
      start: '2025-01-06T12:00:00Z',
      end: '2025-01-06T17:00:00Z',
      expected: [['2025-01-06', 30 * M, 4 * H, 30 * M]],
    },
  ];

  it.each(cases)('$name', ({ tz, start, end, expected }) => {
    expect(splitByHourClass(d(start), d(end), tz)).toEqual(days(expected));
  });

  it('a full week from Monday midnight: business 50h, sleep 70h, off 48h', () => {
    const splits = splitByHourClass(d('2025-01-06T00:00:00+01:00'), d('2025-01-13T00:00:00+01:00'), 'Europe/Berlin');
    expect(splits).toHaveLength(7);
    expect(splits[0]).toEqual({ date: '2025-01-06', businessMs: 10 * H, offMs: 4 * H, sleepMs: 10 * H });
    expect(splits[5]).toEqual({ date: '2025-01-11', businessMs: 0, offMs: 14 * H, sleepMs: 10 * H });
    expect(totalsOf(splits)).toEqual({ businessMs: 50 * H, offMs: 48 * H, sleepMs: 70 * H });
  });

  it('any 168h week (mid-week start, no DST) has the same totals over 8 dates', () => {
    const splits = splitByHourClass(d('2025-01-08T15:00:00-05:00'), d('2025-01-15T15:00:00-05:00'), 'America/New_York');
    expect(splits.map((s) => s.date)).toEqual([
      '2025-01-08', '2025-01-09', '2025-01-10', '2025-01-11', '2025-01-12', '2025-01-13', '2025-01-14', '2025-01-15',
    ]);
    expect(totalsOf(splits)).toEqual({ businessMs: 50 * H, offMs: 48 * H, sleepMs: 70 * H });
  });

  it('end <= start gives []', () => {
    expect(splitByHourClass(d('2025-01-06T10:00:00Z'), d('2025-01-06T10:00:00Z'), 'UTC')).toEqual([]);
    expect(splitByHourClass(d('2025-01-06T10:00:00Z'), d('2025-01-06T09:00:00Z'), 'UTC')).toEqual([]);
  });

  it('a year-long page is handled boundary-to-boundary', () => {
    const start = d('2025-01-01T00:00:00Z');
    const end = d('2026-01-01T00:00:00Z');
    const splits = splitByHourClass(start, end, 'Europe/Berlin');
    expect(splits).toHaveLength(366); // 2024-12-31 (01:00 local start) .. 2025-12-31
    const t = totalsOf(splits);
    expect(t.businessMs + t.offMs + t.sleepMs).toBe(end.getTime() - start.getTime());
  });

  it('rejects invalid zones and dates', () => {
    expect(() => splitByHourClass(d('2025-01-06T10:00:00Z'), d('2025-01-06T11:00:00Z'), 'Mars/Base')).toThrow(RangeError);
    expect(() => splitByHourClass(new Date(NaN), d('2025-01-06T11:00:00Z'), 'UTC')).toThrow(RangeError);
    expect(() => hourClassAt(d('2025-01-06T10:00:00Z'), 'Mars/Base')).toThrow(RangeError);
  });
});

describe('custom schedules', () => {
  it('shifted hours and a six-day business week', () => {
    const s: HourSchedule = { businessStartHour: 9, businessEndHour: 17, sleepStartHour: 23, sleepEndHour: 7, businessDays: [1, 2, 3, 4, 5, 6] };
    // Sat 06:00→10:00 UTC: sleep 06–07, off 07–09, business 09–10.
    expect(splitByHourClass(d('2025-01-11T06:00:00Z'), d('2025-01-11T10:00:00Z'), 'UTC', s)).toEqual(days([['2025-01-11', 1 * H, 2 * H, 1 * H]]));
  });

  it('sleep window that does not wrap midnight (00:00–06:00)', () => {
    const s: HourSchedule = { ...DEFAULT_SCHEDULE, sleepStartHour: 0, sleepEndHour: 6 };
    // Sun 23:00 → Mon 07:00 UTC: Sun off 1h; Mon sleep 6h, off 06–07.
    expect(splitByHourClass(d('2025-01-05T23:00:00Z'), d('2025-01-06T07:00:00Z'), 'UTC', s)).toEqual(
      days([['2025-01-05', 0, 1 * H, 0], ['2025-01-06', 0, 1 * H, 6 * H]]),
    );
  });

  it('sleep takes precedence when it overlaps business hours', () => {
    const s: HourSchedule = { ...DEFAULT_SCHEDULE, sleepStartHour: 17, sleepEndHour: 9 };
    expect(splitByHourClass(d('2025-01-06T07:30:00Z'), d('2025-01-06T17:30:00Z'), 'UTC', s)).toEqual(
      days([['2025-01-06', 8 * H, 0, 2 * H]]),
    );
    expect(hourClassAt(d('2025-01-06T08:30:00Z'), 'UTC', s)).toBe('sleep');
  });

  it('fractional hours are honoured to the minute', () => {
    const s: HourSchedule = { ...DEFAULT_SCHEDULE, businessStartHour: 8.5 };
    expect(splitByHourClass(d('2025-01-06T08:00:00Z'), d('2025-01-06T09:00:00Z'), 'UTC', s)).toEqual(
      days([['2025-01-06', 30 * M, 30 * M, 0]]),
    );
  });

  it('rejects out-of-range hours', () => {
    expect(() => hourClassAt(d('2025-01-06T08:00:00Z'), 'UTC', { ...DEFAULT_SCHEDULE, sleepStartHour: 25 })).toThrow(RangeError);
  });
});

describe('hourClassAt / isSleepInterruption / isValidTimeZone', () => {
  it.each([
    ['2025-01-06T07:59:59.999-05:00', 'America/New_York', 'sleep'],
    ['2025-01-06T08:00:00-05:00', 'America/New_York', 'business'],
    ['2025-01-06T17:59:59.999-05:00', 'America/New_York', 'business'],
    ['2025-01-06T18:00:00-05:00', 'America/New_York', 'off'],
    ['2025-01-06T22:00:00-05:00', 'America/New_York', 'sleep'],
    ['2025-01-11T12:00:00-05:00', 'America/New_York', 'off'], // Saturday noon
    ['2025-03-09T07:00:00Z', 'America/New_York', 'sleep'], // 03:00 EDT, right after the gap
    ['2025-01-06T02:29:59.999Z', 'Asia/Kolkata', 'sleep'], // 07:59:59.999 IST
    ['2025-01-06T02:30:00Z', 'Asia/Kolkata', 'business'], // 08:00 IST
  ] as const)('%s in %s is %s', (iso, tz, cls) => {
    expect(hourClassAt(d(iso), tz)).toBe(cls);
  });

  it('isSleepInterruption depends on the team zone', () => {
    const at = d('2025-01-07T03:00:00Z');
    expect(isSleepInterruption(at, 'America/New_York')).toBe(true); // Mon 22:00
    expect(isSleepInterruption(at, 'Europe/Berlin')).toBe(true); // Tue 04:00
    expect(isSleepInterruption(at, 'Asia/Kolkata')).toBe(false); // Tue 08:30
    expect(isSleepInterruption(at, 'Asia/Kolkata', { ...DEFAULT_SCHEDULE, sleepEndHour: 9 })).toBe(true);
  });

  it('isValidTimeZone', () => {
    expect(isValidTimeZone('Mars/Base')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });
});

describe('properties', () => {
  const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
  const zone = fc.constantFrom(...ZONES);
  const startMs = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });
  const durationMs = fc.integer({ min: 0, max: 10 * 24 * H });
  const hour = fc.integer({ min: 0, max: 24 });
  const schedule: fc.Arbitrary<HourSchedule> = fc.record({
    businessStartHour: hour,
    businessEndHour: hour,
    sleepStartHour: hour,
    sleepEndHour: hour,
    businessDays: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
  });
  const sum = (s: DayClassSplit[]) => { const t = totalsOf(s); return t.businessMs + t.offMs + t.sleepMs; };

  it('classes sum exactly to end - start; values are non-negative integers; dates unique and sorted', () => {
    fc.assert(
      fc.property(startMs, durationMs, zone, fc.option(schedule, { nil: undefined }), (a, len, tz, sch) => {
        const splits = splitByHourClass(new Date(a), new Date(a + len), tz, sch);
        expect(sum(splits)).toBe(len);
        for (const s of splits) for (const v of [s.businessMs, s.offMs, s.sleepMs]) expect(Number.isInteger(v) && v >= 0).toBe(true);
        const dates = splits.map((s) => s.date);
        expect(dates).toEqual([...new Set(dates)].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('splitting at any cut point is additive (per date and in total)', () => {
    fc.assert(
      fc.property(startMs, durationMs, fc.double({ min: 0, max: 1, noNaN: true }), zone, (a, len, f, tz) => {
        const b = a + len;
        const c = a + Math.floor(len * f);
        const whole = splitByHourClass(new Date(a), new Date(b), tz);
        const parts = [...splitByHourClass(new Date(a), new Date(c), tz), ...splitByHourClass(new Date(c), new Date(b), tz)];
        const merged = new Map<string, DayClassSplit>();
        for (const p of parts) {
          const m = merged.get(p.date) ?? { date: p.date, businessMs: 0, offMs: 0, sleepMs: 0 };
          merged.set(p.date, { date: p.date, businessMs: m.businessMs + p.businessMs, offMs: m.offMs + p.offMs, sleepMs: m.sleepMs + p.sleepMs });
        }
        expect([...merged.values()].sort((x, y) => x.date.localeCompare(y.date))).toEqual(whole);
        expect(totalsOf(parts)).toEqual(totalsOf(whole));
      }),
      { numRuns: 300 },
    );
  });

  // Oracle: sample every 15 minutes. Exact here because starts are 15-minute aligned and every
  // zone's offsets and DST transitions (incl. Chatham +12:45, Lord Howe +10:30) are multiples of 15'.
  it('matches a brute-force oracle built on hourClassAt (any schedule, DST-heavy zones)', () => {
    const STEP = 15 * M;
    const dstHeavy = fc.constantFrom(...ZONES, 'America/Santiago');
    // Start near DST transitions half the time so they are actually exercised.
    const transitions = [
      '2025-03-09T00:00:00Z', '2025-11-02T00:00:00Z', '2025-03-30T00:00:00Z', '2025-10-26T00:00:00Z',
      '2025-04-05T10:00:00Z', '2025-09-27T10:00:00Z', '2025-04-05T20:00:00Z',
    ].map((s) => Date.parse(s));
    const nearTransition = fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -48, max: 48 })).map(([t, m]) => t + m * STEP);
    fc.assert(
      fc.property(fc.oneof(nearTransition, startMs.map((s) => s - (s % STEP))), fc.integer({ min: 1, max: 36 * 4 }), dstHeavy, schedule, (a, steps, tz, sch) => {
        const expected = new Map<string, DayClassSplit>();
        for (let t = a; t < a + steps * STEP; t += STEP) {
          const date = DateTime.fromMillis(t, { zone: tz }).toISODate() as string;
          const e = expected.get(date) ?? { date, businessMs: 0, offMs: 0, sleepMs: 0 };
          e[`${hourClassAt(new Date(t), tz, sch)}Ms`] += STEP;
          expected.set(date, e);
        }
        expect(splitByHourClass(new Date(a), new Date(a + steps * STEP), tz, sch)).toEqual(
          [...expected.values()].sort((x, y) => x.date.localeCompare(y.date)),
        );
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
