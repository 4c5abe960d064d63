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
 * The most sleep interruptions any one person had over some windows, summed per person across the
 * windows. A window is each woken person's count in it, or undefined when no page of it names
 * anyone; people named but never woken may be left out (they count 0). Null when no window names
 * anyone, so a rule can say it cannot judge instead of calling nobody's zero a good week; 0 when
 * pages name people but none of them was woken.
 */
export function busiestSleepInterruptions(windows: readonly (ReadonlyMap<string, number> | undefined)[]): number | null {
  const named = windows.filter((w) => w !== undefined);
  if (named.length === 0) return null;
  const total = new Map<string, number>();
  for (const w of named) for (const [person, n] of w) total.set(person, (total.get(person) ?? 0) + n);
  return Math.max(0, ...total.values());
}
