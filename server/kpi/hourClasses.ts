/**
 * Hour-class accounting for pages (PagerDuty analytics definitions): splits a page's
 * duration into business / off / sleep milliseconds per local calendar day in the
 * team's IANA time zone. Pure functions, no I/O.
 */
import { DateTime, IANAZone } from 'luxon';
import { isValidTimeZone } from '../core/calendar';

export interface HourSchedule {
  businessStartHour: number;
  businessEndHour: number;
  sleepStartHour: number;
  sleepEndHour: number;
  /** ISO weekdays, 1=Mon..7=Sun. */
  businessDays: number[];
}

export const DEFAULT_SCHEDULE: HourSchedule = Object.freeze({
  businessStartHour: 8,
  businessEndHour: 18,
  sleepStartHour: 22,
  sleepEndHour: 8,
  businessDays: Object.freeze([1, 2, 3, 4, 5]) as number[],
});

export type HourClass = 'business' | 'off' | 'sleep';

export interface DayClassSplit {
  /** YYYY-MM-DD local date in the zone. */
  date: string;
  businessMs: number;
  offMs: number;
  sleepMs: number;
}

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
const FIELD = { business: 'businessMs', off: 'offMs', sleep: 'sleepMs' } as const;

const DAY_MS = 86_400_000;

/**
 * An IANA zone that remembers its UTC offset per UTC day. Luxon computes every offset with
 * Intl.DateTimeFormat#formatToParts (~10 µs): a quarter of page ingestion's time went there.
 * A day whose offset is the same at both ends has that offset throughout — the assumption
 * findTransition makes too (at most one change in 24 hours, true of real tz data); a day with a
 * change is asked instant by instant, as before.
 */
class DayCachedZone extends IANAZone {
  private readonly days = new Map<number, number | null>();

  override offset(ts: number): number {
    const day = Math.floor(ts / DAY_MS);
    let constant = this.days.get(day);
    if (constant === undefined) {
      const start = super.offset(day * DAY_MS);
      constant = start === super.offset((day + 1) * DAY_MS) ? start : null;
      if (this.days.size >= 100_000) this.days.clear();
      this.days.set(day, constant);
    }
    return constant ?? super.offset(ts);
  }
}

const cachedZones = new Map<string, DayCachedZone>();

/** The zone of a valid IANA name, its offsets cached (see DayCachedZone). */
export function zoneOf(timezone: string): IANAZone {
  let zone = cachedZones.get(timezone);
  if (!zone) {
    if (!isValidTimeZone(timezone)) throw new RangeError(`Invalid IANA time zone: ${String(timezone)}`);
    if (cachedZones.size >= 1_000) cachedZones.clear();
    cachedZones.set(timezone, (zone = new DayCachedZone(timezone)));
  }
  return zone;
}

/** Where an instant falls on a zone's wall clock. */
export interface WallClock {
  /** The zone's UTC offset then, in minutes. */
  offset: number;
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
  /** ISO weekday, 1=Mon..7=Sun. */
  weekday: number;
  /** Minutes since local midnight. */
  minute: number;
  /** Milliseconds past that minute. */
  msOfMinute: number;
}

/**
 * The wall clock of an instant (epoch ms) in a zone: the UTC fields of the instant shifted by the
 * zone's offset, which is how Luxon's DateTime.fromMillis computes them, without building a
 * DateTime (a page's split built one per step, and a third of page ingestion's time went there).
 */
export function wallClockAt(zone: IANAZone, ms: number): WallClock {
  const offset = zone.offset(ms);
  const local = new Date(ms + offset * MINUTE_MS);
  const year = local.getUTCFullYear();
  const date =
    year >= 0 && year <= 9999
      ? `${String(year).padStart(4, '0')}-${String(local.getUTCMonth() + 1).padStart(2, '0')}-${String(local.getUTCDate()).padStart(2, '0')}`
      : (DateTime.fromMillis(ms, { zone }).toISODate() as string); // Luxon's form for extended years
  return {
    offset,
    date,
    weekday: local.getUTCDay() || 7,
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
    msOfMinute: local.getUTCSeconds() * 1000 + local.getUTCMilliseconds(),
  };
}

/** Half-open window [from, to) in minutes of the day; from > to wraps midnight, from === to is empty. */
function inWindow(minute: number, from: number, to: number): boolean {
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

interface Prepared {
  zone: IANAZone;
  classify(weekday: number, minuteOfDay: number): HourClass;
  /** Sorted class-boundary minutes of a local day, always ending with 1440 (next midnight). */
  boundaries: number[];
}

// Per schedule object and zone: a batch of pages shares its team's schedule (the default one, or the
// object teamClocks parsed for the batch), and building the boundaries for each page was garbage.
const prepared = new WeakMap<HourSchedule, Map<string, Prepared>>();

function prepare(timezone: string, schedule: HourSchedule): Prepared {
  let byZone = prepared.get(schedule);
  if (!byZone) prepared.set(schedule, (byZone = new Map()));
  let p = byZone.get(timezone);
  if (!p) {
    if (byZone.size >= 1_000) byZone.clear();
    byZone.set(timezone, (p = prepareAnew(timezone, schedule)));
  }
  return p;
}

function prepareAnew(timezone: string, schedule: HourSchedule): Prepared {
  const zone = zoneOf(timezone);
  const { businessStartHour, businessEndHour, sleepStartHour, sleepEndHour, businessDays } = schedule;
  // Hours may be fractional (e.g. 8.5); they are rounded to the minute. 24 is allowed as "end of day".
  const [bs, be, ss, se] = [businessStartHour, businessEndHour, sleepStartHour, sleepEndHour].map((h) => {
    if (!Number.isFinite(h) || h < 0 || h > 24) throw new RangeError(`Schedule hour out of range [0, 24]: ${h}`);
    return Math.round(h * 60);
  }) as [number, number, number, number];
  const days = new Set(businessDays);
  return {
    zone,
    // Sleep wins over business when a custom schedule makes them overlap.
    classify: (weekday, minute) =>
      inWindow(minute, ss, se) ? 'sleep' : days.has(weekday) && inWindow(minute, bs, be) ? 'business' : 'off',
    boundaries: [...new Set([bs, be, ss, se, DAY_MINUTES])].filter((m) => m > 0).sort((a, b) => a - b),
  };
}

function toMs(d: Date, name: string): number {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid Date`);
  return ms;
}

export function hourClassAt(instant: Date, timezone: string, schedule: HourSchedule = DEFAULT_SCHEDULE): HourClass {
  const p = prepare(timezone, schedule);
  const w = wallClockAt(p.zone, toMs(instant, 'instant'));
  return p.classify(w.weekday, w.minute);
}

export function isSleepInterruption(triggeredAt: Date, timezone: string, schedule: HourSchedule = DEFAULT_SCHEDULE): boolean {
  return hourClassAt(triggeredAt, timezone, schedule) === 'sleep';
}

/** Smallest instant in (lo, hi] whose UTC offset differs from `offset` (offset(lo) === offset, offset(hi) !== offset). */
function findTransition(zone: IANAZone, lo: number, hi: number, offset: number): number {
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid) === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Splits [start, end) into per-local-day, per-class milliseconds. end <= start → []. */
export function splitByHourClass(
  start: Date,
  end: Date,
  timezone: string,
  schedule: HourSchedule = DEFAULT_SCHEDULE,
): DayClassSplit[] {
  const startMs = toMs(start, 'start');
  const endMs = toMs(end, 'end');
  const p = prepare(timezone, schedule);
  const days = new Map<string, DayClassSplit>();
  // Walk instant-to-instant. Each step covers a stretch where the local date and class are
  // constant: it ends at the next class boundary / midnight on the local wall clock, or
  // earlier at a UTC-offset change. We deliberately do NOT convert the boundary's wall time
  // with DateTime.fromObject: for a repeated (fall-back) hour Luxon returns the *later*
  // occurrence while the wall clock first reaches it at the earlier one, and a skipped
  // (spring-forward) time is shifted by the gap size, which is the transition instant only
  // if the boundary is exactly the gap's start. Instead we assume the current offset holds,
  // and if it doesn't (DST), stop exactly at the transition (binary search, only on DST
  // days) and re-read the wall clock from there.
  for (let t = startMs; t < endMs; ) {
    const w = wallClockAt(p.zone, t);
    const boundary = p.boundaries.find((b) => b > w.minute) ?? DAY_MINUTES;
    const wallMsLeft = (boundary - w.minute) * MINUTE_MS - w.msOfMinute;
    let next = t + wallMsLeft;
    // Assumes at most one offset change per step (≤ 24h); true of real tz data.
    if (p.zone.offset(next - 1) !== w.offset) next = findTransition(p.zone, t, next - 1, w.offset);
    next = Math.min(next, endMs);
    let day = days.get(w.date);
    if (!day) days.set(w.date, (day = { date: w.date, businessMs: 0, offMs: 0, sleepMs: 0 }));
    day[FIELD[p.classify(w.weekday, w.minute)]] += next - t;
    t = next;
  }
  // A fall-back across midnight (e.g. America/Santiago) can revisit an earlier date: sort.
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function totalsOf(splits: DayClassSplit[]): { businessMs: number; offMs: number; sleepMs: number } {
  return splits.reduce(
    (acc, s) => ({ businessMs: acc.businessMs + s.businessMs, offMs: acc.offMs + s.offMs, sleepMs: acc.sleepMs + s.sleepMs }),
    { businessMs: 0, offMs: 0, sleepMs: 0 },
  );
}
