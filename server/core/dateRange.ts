import { DateTime } from 'luxon';
import { calendarDateProblem } from './fields';
import { addDays, lengthInDays } from './calendar';
import { invalidInput } from './errors';

/** An inclusive range of calendar dates, 'YYYY-MM-DD'. */
export interface DateRange {
  from: string;
  to: string;
}

/** Longest range a query may ask for: large enough for multi-year reviews, small enough to bound work. */
export const MAX_RANGE_DAYS = 3 * 366;

/** The one validation of a DateRange; returns the problems (empty when valid). */
export function dateRangeProblems(r: DateRange): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const field of ['from', 'to'] as const) {
    const problem = typeof r[field] === 'string' ? calendarDateProblem(r[field]) : 'must be a real date written YYYY-MM-DD';
    if (problem) problems.push({ field: `range.${field}`, message: problem });
  }
  if (problems.length) return problems;
  const days = daysInRange(r);
  if (days < 1) problems.push({ field: 'range', message: `from (${r.from}) must not be after to (${r.to})` });
  else if (days > MAX_RANGE_DAYS) problems.push({ field: 'range', message: `spans ${days} days; at most ${MAX_RANGE_DAYS} are allowed` });
  return problems;
}

/** Number of calendar days in the inclusive range (0 when to is before from). */
export function daysInRange(r: DateRange): number {
  return lengthInDays(r.from, r.to);
}

/** Today's calendar date in a time zone. */
export function todayIn(timezone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(timezone).toISODate()!;
}

/** The range of the same length that ends the day before `r` starts: for period-over-period deltas. */
export function previousRange(r: DateRange): DateRange {
  const days = daysInRange(r);
  return { from: addDays(r.from, -days), to: addDays(r.from, -1) };
}

/** Validates a DateRange argument, or throws BAD_USER_INPUT naming each problem. */
export function checkedRange(range: DateRange): DateRange {
  const problems = dateRangeProblems(range);
  if (problems.length) {
    throw invalidInput('range', problems.map((p) => ({ index: 0, ...p })));
  }
  return range;
}
