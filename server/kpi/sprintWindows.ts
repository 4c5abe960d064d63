// The sprint calendar: the synthetic 14-day sprints of a team that records none, their labels, and
// the partition of a range into sprint buckets. One grid for Team.sprints, the plan and SPRINT
// series, so the three always show the same windows.
import { DEFAULT_SPRINT_DAYS } from './capacity';
import { addDays, daysBetween, lengthInDays, type DateWindow } from '../core/calendar';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM-DD' → "Nov 18". */
function shortDate(date: string): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}`;
}

/** A window named like a date range: "Nov 18 – Dec 1" (the year is added when it changes inside it). */
export function windowLabel(w: DateWindow): string {
  if (w.startDate.slice(0, 4) !== w.endDate.slice(0, 4)) {
    return `${shortDate(w.startDate)}, ${w.startDate.slice(0, 4)} – ${shortDate(w.endDate)}, ${w.endDate.slice(0, 4)}`;
  }
  return `${shortDate(w.startDate)} – ${shortDate(w.endDate)}`;
}

/**
 * The synthetic sprint grid of a team without sprints: back-to-back 14-day windows, one of which
 * starts today (the team's next sprint), so the newest finished one ends yesterday, the last full
 * day in the team's time zone. Window k starts today + 14k.
 */
function gridWindow(today: string, k: number): DateWindow {
  const startDate = addDays(today, k * DEFAULT_SPRINT_DAYS);
  return { startDate, endDate: addDays(startDate, DEFAULT_SPRINT_DAYS - 1) };
}

/** The last `count` finished synthetic sprints, newest first: the newest ends yesterday. */
export function syntheticSprints(today: string, count: number): DateWindow[] {
  return Array.from({ length: count }, (_, i) => gridWindow(today, -1 - i));
}

/** Every synthetic sprint that overlaps [from, to], oldest first. */
export function syntheticSprintsOverlapping(today: string, from: string, to: string): DateWindow[] {
  const first = Math.floor(daysBetween(today, from) / DEFAULT_SPRINT_DAYS);
  const last = Math.floor(daysBetween(today, to) / DEFAULT_SPRINT_DAYS);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => gridWindow(today, first + i));
}

/** One bucket of a SPRINT series: its days inside the range, and the whole window it belongs to. */
export interface SprintBucket extends DateWindow {
  /** The sprint's name; null for days that no sprint covers. */
  sprint: string | null;
  /** Days of the whole sprint (for a gap between sprints: the gap's days inside the range). */
  fullDays: number;
}

/**
 * Cuts [from, to] into buckets that cover every day exactly once: each sprint clipped to the range
 * (and to the end of the sprint before it, should two overlap), and the days outside any sprint as
 * buckets of their own. So the buckets always add up to the range's figures.
 */
export function sprintBuckets(from: string, to: string, sprints: readonly (DateWindow & { name: string })[]): SprintBucket[] {
  const sorted = [...sprints].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  const buckets: SprintBucket[] = [];
  let cursor = from;
  const gapUntil = (end: string) => {
    if (cursor <= end) buckets.push({ startDate: cursor, endDate: end, sprint: null, fullDays: lengthInDays(cursor, end) });
  };
  for (const s of sorted) {
    const start = s.startDate > cursor ? s.startDate : cursor;
    const end = s.endDate < to ? s.endDate : to;
    if (start > end) continue;
    gapUntil(addDays(start, -1));
    buckets.push({ startDate: start, endDate: end, sprint: s.name, fullDays: lengthInDays(s.startDate, s.endDate) });
    cursor = addDays(end, 1);
    if (cursor > to) return buckets;
  }
  gapUntil(to);
  return buckets;
}
