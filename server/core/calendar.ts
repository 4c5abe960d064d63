// Calendar arithmetic, once for the whole server. Dates are calendar dates ('YYYY-MM-DD'), not
// instants: they are turned into a day number (days since 1970-01-01, counted in UTC) so no time
// zone or DST shift can ever move a day.
import { IANAZone } from 'luxon';

const MS_PER_DAY = 86_400_000;

export interface DateWindow {
  startDate: string;
  endDate: string;
}

// The day numbers of dates already seen: the KPI math asks for the same few dates hundreds of
// times a request (each team's range, capacity, previous period), an ingested batch names the
// same few hundred days thousands of times, and parsing one makes garbage.
const dayNumbers = new Map<string, number>();

/** The day number of a 'YYYY-MM-DD' string, or null when it is not one or names no real day (2024-02-30). */
export function dayNumber(date: string): number | null {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, unlike Date.UTC, takes years 0–99 as written; it rolls 2024-02-30 over to March: refused.
  const at = new Date(0);
  at.setUTCFullYear(y, mo - 1, d);
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return null;
  const day = Math.round(at.getTime() / MS_PER_DAY);
  if (dayNumbers.size >= 10_000) dayNumbers.clear();
  dayNumbers.set(date, day);
  return day;
}

/** 'YYYY-MM-DD' → day number. Throws on anything that is not a real calendar date. */
function toDay(date: string): number {
  const day = dayNumber(date);
  if (day !== null) return day;
  if (!/^(\d{4})-(\d{2})-(\d{2})$/.test(date)) throw new RangeError(`Invalid date "${date}": expected YYYY-MM-DD`);
  throw new RangeError(`Invalid date "${date}": no such calendar day`);
}

function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar arithmetic: addDays('2024-02-28', 2) → '2024-03-01'. */
export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/** Signed number of days from `a` to `b`: daysBetween('2024-05-01', '2024-05-03') → 2. */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

/** Inclusive length of a date range in days; end before start → 0. */
export function lengthInDays(startDate: string, endDate: string): number {
  return Math.max(0, toDay(endDate) - toDay(startDate) + 1);
}

/** Mon–Fri days in [startDate, endDate], both inclusive. End before start → 0. */
export function workingDays(startDate: string, endDate: string): number {
  const start = toDay(startDate);
  const total = toDay(endDate) - start + 1;
  if (total <= 0) return 0;
  // Any 7 consecutive days hold exactly 5 weekdays; only the remainder needs a look.
  let count = Math.floor(total / 7) * 5;
  for (let day = start + Math.floor(total / 7) * 7; day < start + total; day++) {
    const weekday = (day + 4) % 7; // day 0 (1970-01-01) was a Thursday; 0 = Sunday
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

// Luxon's isValidZone builds an Intl.DateTimeFormat on every call: tens of microseconds and native
// memory that only a garbage collection frees. Splitting pages calls it twice per page, so zones
// found valid are remembered (a small set: the IANA names teams use; cleared if it ever grows large).
const validZones = new Set<string>();

export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string') return false;
  if (validZones.has(tz)) return true;
  if (!IANAZone.isValidZone(tz)) return false;
  if (validZones.size >= 1_000) validZones.clear();
  validZones.add(tz);
  return true;
}
