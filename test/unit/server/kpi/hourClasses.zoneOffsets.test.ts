import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { wallClockAt, zoneOf } from '../../../../server/kpi/hourClasses';

// Zones with DST, half-hour and 45-minute offsets, 30-minute DST (Lord Howe), changes at local
// midnight (Santiago), DST suspended for Ramadan (Casablanca) and a 2-hour DST jump (Troll).
const ZONES = ['Europe/Berlin', 'America/Santiago', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kolkata', 'Pacific/Chatham', 'Africa/Casablanca', 'Antarctica/Troll', 'UTC'];
const HOUR = 3_600_000;
const from = Date.UTC(2000, 0, 1);
const to = Date.UTC(2035, 0, 1);

describe('UTC offsets remembered per day', () => {
  it('equal Luxon’s own, instant for instant, at any time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: from, max: to }), (zone, ts) => {
        expect(zoneOf(zone).offset(ts)).toBe(IANAZone.create(zone).offset(ts));
      }),
      { numRuns: 3_000 },
    );
  });

  it('equal Luxon’s own on every minute around every offset change from 2020 to 2030', () => {
    for (const zone of ZONES) {
      const exact = IANAZone.create(zone);
      const cached = zoneOf(zone);
      let changes = 0;
      const mismatches: string[] = [];
      for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2030, 0, 1); t += HOUR) {
        if (exact.offset(t) === exact.offset(t + HOUR)) continue;
        changes++;
        // Collected, then asserted once: an expect() per minute made this test slow enough to time out on a busy machine.
        for (let m = t - 60 * 60_000; m <= t + 2 * HOUR; m += 60_000) {
          if (cached.offset(m) !== exact.offset(m)) mismatches.push(`${zone} ${new Date(m).toISOString()}: ${cached.offset(m)} ≠ ${exact.offset(m)}`);
        }
      }
      expect(mismatches).toEqual([]);
      if (zone === 'Europe/Berlin') expect(changes).toBe(20);
      if (zone === 'UTC' || zone === 'Asia/Kolkata') expect(changes).toBe(0);
    }
  });
});

describe('the wall clock of an instant', () => {
  const luxon = (zone: string, ts: number) => {
    const dt = DateTime.fromMillis(ts, { zone: IANAZone.create(zone) });
    return { offset: dt.offset, date: dt.toISODate(), weekday: dt.weekday, minute: dt.hour * 60 + dt.minute, msOfMinute: dt.second * 1000 + dt.millisecond };
  };

  it('equals Luxon’s DateTime fields at any time, in any of the zones', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: from, max: to }), (zone, ts) => {
        expect(wallClockAt(zoneOf(zone), ts)).toEqual(luxon(zone, ts));
      }),
      { numRuns: 5_000 },
    );
  });

  it('equals them on every quarter hour around the offset changes of 2026, and at the ends of the calendar', () => {
    const mismatches: string[] = [];
    for (const zone of ZONES) {
      const exact = IANAZone.create(zone);
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += HOUR) {
        if (exact.offset(t) === exact.offset(t + HOUR)) continue;
        for (let m = t - 3 * HOUR; m <= t + 3 * HOUR; m += 15 * 60_000) {
          if (JSON.stringify(wallClockAt(zoneOf(zone), m)) !== JSON.stringify(luxon(zone, m))) mismatches.push(`${zone} ${new Date(m).toISOString()}`);
        }
      }
    }
    // Years Luxon writes in other forms than YYYY: before year 0 and after 9999.
    for (const ts of [Date.UTC(-1, 5, 1), Date.UTC(0, 0, 1, 12), Date.UTC(9999, 11, 31, 12), Date.UTC(10000, 0, 2)]) {
      if (wallClockAt(zoneOf('UTC'), ts).date !== luxon('UTC', ts).date) mismatches.push(`UTC ${ts}`);
    }
    expect(mismatches).toEqual([]);
  });
});
