import { published } from './format';

/** One person's raw page figures over a window (as summed from stored pages). */
export interface ResponderSums {
  person: string;
  pages: number;
  pageHours: number;
  offHoursPageHours: number;
  sleepPageHours: number;
  sleepInterruptions: number;
}

/**
 * The published per-person figures, heaviest first (page hours, then sleep hours, then pages),
 * ties by name so the order is stable. Hours are rounded as every published figure is; counts
 * are whole. A person whose hours round to nothing but who had a page stays listed.
 */
export function responderLoad(rows: readonly ResponderSums[]): ResponderSums[] {
  return rows
    .map((r) => ({
      person: r.person,
      pages: r.pages,
      pageHours: published('hours', r.pageHours),
      offHoursPageHours: published('hours', r.offHoursPageHours),
      sleepPageHours: published('hours', r.sleepPageHours),
      sleepInterruptions: r.sleepInterruptions,
    }))
    .sort((a, b) => b.pageHours - a.pageHours || b.sleepPageHours - a.sleepPageHours || b.pages - a.pages || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
}

/**
 * The most sleep interruptions any one person had over some windows (a window: each person's count
 * in it), summed per person across the windows; null when no window names anyone, so a rule can say
 * it cannot judge instead of calling nobody's zero a good week.
 */
export function busiestSleepInterruptions(windows: readonly ReadonlyMap<string, number>[]): number | null {
  const total = new Map<string, number>();
  for (const w of windows) for (const [person, n] of w) total.set(person, (total.get(person) ?? 0) + n);
  return total.size === 0 ? null : Math.max(...total.values());
}
