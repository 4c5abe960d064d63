import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parseDateTime } from '../../../../server/graphql/scalars';

/** What Luxon alone makes of a string, within the accepted years and offsets: the instant, or null. */
function luxon(value: string): number | null {
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return null;
  const dt = DateTime.fromISO(value, { setZone: true });
  if (!dt.isValid || Math.abs(dt.offset) > 18 * 60) return null;
  return dt.toMillis() >= Date.UTC(1900, 0, 1) && dt.toMillis() < Date.UTC(3000, 0, 1) ? dt.toMillis() : null;
}

function ours(value: string): number | null {
  try {
    return parseDateTime(value).getTime();
  } catch {
    return null;
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('DateTime input', () => {
  it.each([
    ['2026-03-01T09:30:00Z', Date.UTC(2026, 2, 1, 9, 30)],
    ['2026-03-01T09:30:00.123Z', Date.UTC(2026, 2, 1, 9, 30, 0, 123)],
    ['2026-03-01T10:30+01:00', Date.UTC(2026, 2, 1, 9, 30)],
    ['2026-03-01T04:00:00-05:30', Date.UTC(2026, 2, 1, 9, 30)],
    ['2024-02-29T23:59:59.999999Z', Date.UTC(2024, 1, 29, 23, 59, 59, 999)],
  ])('reads %s', (value, expected) => {
    expect(parseDateTime(value).getTime()).toBe(expected);
  });

  it.each(['2026-02-30T09:30:00Z', '2026-13-01T00:00Z', '2026-03-01T25:00Z', '2026-03-01T09:60Z', '2026-03-01T09:30:00', '2026-03-01', 'yesterday', ''])(
    'refuses %s, saying what it expects',
    (value) => {
      expect(() => parseDateTime(value)).toThrow(/DateTime must be ISO-8601 with an offset/);
    },
  );

  it.each(['0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '1899-12-31T23:59:59Z', '3000-01-01T00:00:00Z', '2026-05-02T03:00:00+99:00', '2026-05-02T03:00:00+19:00'])(
    'refuses %s (year 0, BC, outside 1900–2999, or an offset beyond ±18:00)',
    (value) => {
      expect(() => parseDateTime(value)).toThrow(/DateTime must be (ISO-8601 with an offset|between 1900-01-01 and 2999-12-31)/);
    },
  );

  it('accepts and refuses exactly what Luxon does, at the same instant', () => {
    const form = fc
      .record({
        year: fc.integer({ min: 1000, max: 9999 }), // outside 1900–2999 both refuse
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 60 }),
        second: fc.option(fc.integer({ min: 0, max: 60 })),
        fraction: fc.option(fc.stringMatching(/^\d{1,9}$/)),
        offset: fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`)),
      })
      .map((r) => `${r.year}-${pad(r.month)}-${pad(r.day)}T${pad(r.hour)}:${pad(r.minute)}${r.second === null ? '' : `:${pad(r.second)}${r.fraction === null ? '' : `.${r.fraction}`}`}${r.offset}`);
    fc.assert(
      fc.property(form, (value) => {
        expect(ours(value)).toBe(luxon(value));
      }),
      { numRuns: 5_000 },
    );
  });
});
