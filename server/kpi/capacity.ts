// Sprint capacity and sprint windows (calendar arithmetic: server/core/calendar.ts).
import { addDays, workingDays, type DateWindow } from '../core/calendar';

/** Length of the synthetic sprints of a team that records none, and of a next sprint without history. */
export const DEFAULT_SPRINT_DAYS = 14;

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
