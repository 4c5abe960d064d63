// Sprint capacity and sprint windows.
// Dates are calendar dates ('YYYY-MM-DD'), not instants: we convert them to a
// day number (days since 1970-01-01, computed in UTC) so no time zone or DST
// shift can ever move a day.

const MS_PER_DAY = 86_400_000;
/** Length of the synthetic sprints of a team that records none, and of a next sprint without history. */
export const DEFAULT_SPRINT_DAYS = 14;

export interface DateWindow {
  startDate: string;
  endDate: string;
}

/** 'YYYY-MM-DD' → day number. Throws on anything that is not a real calendar date. */
function toDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Invalid date "${date}": expected YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC silently rolls 2024-02-30 over to March; reject that instead.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Invalid date "${date}": no such calendar day`);
  }
  return Math.round(ms / MS_PER_DAY);
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

export interface CapacityInputs {
  members: number;
  startDate: string;
  endDate: string;
  focusHoursPerDay: number;
  /** Person-days of leave / holidays inside the window, summed over members. */
  daysOff: number;
}

/**
 * Focus hours available to the team in the window.
 * Clamped at 0: more days off than working days means no capacity, not negative capacity
 * (negative capacity would flip the sign of every share computed from it).
 */
export function computeCapacity(i: CapacityInputs): number {
  const days = workingDays(i.startDate, i.endDate);
  return Math.max(0, i.members * days * i.focusHoursPerDay - i.daysOff * i.focusHoursPerDay);
}

/**
 * The sprint to plan: starts the day after the last sprint ended and is as long
 * as it (teams keep their cadence). No sprint yet → 14 days starting today.
 * A missing or non-positive last length also falls back to 14 days.
 */
export function nextSprintWindow(
  lastEnd: string | null,
  lastLengthDays: number | null,
  today: string,
): DateWindow {
  if (lastEnd === null) {
    return { startDate: today, endDate: addDays(today, DEFAULT_SPRINT_DAYS - 1) };
  }
  const length =
    lastLengthDays !== null && Number.isInteger(lastLengthDays) && lastLengthDays >= 1
      ? lastLengthDays
      : DEFAULT_SPRINT_DAYS;
  const start = addDays(lastEnd, 1);
  return { startDate: start, endDate: addDays(start, length - 1) };
}
