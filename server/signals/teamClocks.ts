import { z } from 'zod';
import type { Knex } from 'knex';
import { DEFAULT_SCHEDULE, isSleepInterruption, splitByHourClass, wallClockAt, zoneOf, type HourSchedule } from '../kpi/hourClasses';
import { effectiveLoadModels } from './loadModelQueries';

/** What turns a team's events into days and hour classes: its zone, its schedule, its page cap. */
export interface TeamClock {
  teamId: number;
  timezone: string;
  schedule: HourSchedule;
  maxHoursPerPage: number;
}

const hour = z.number().finite().min(0).max(24);
const scheduleOverride = z
  .object({
    businessStartHour: hour,
    businessEndHour: hour,
    sleepStartHour: hour,
    sleepEndHour: hour,
    businessDays: z.array(z.number().int().min(1).max(7)),
  })
  .partial();

/** teams.hour_schedule: null means the defaults; a partial object overrides only what it names. */
export function scheduleOf(stored: unknown): HourSchedule {
  const parsed = scheduleOverride.safeParse(typeof stored === 'string' ? JSON.parse(stored) : stored ?? {});
  return parsed.success ? { ...DEFAULT_SCHEDULE, ...parsed.data } : DEFAULT_SCHEDULE;
}

/**
 * The clocks of some teams. With `lock`, the team rows are share-locked until the transaction
 * ends, so a concurrent time-zone change (which re-splits the team's pages) cannot interleave
 * with a write that split pages by the old zone.
 */
export async function teamClocks(db: Knex, teamIds: readonly number[], lock = false): Promise<Map<number, TeamClock>> {
  const ids = [...new Set(teamIds)];
  if (ids.length === 0) return new Map();
  const q = db('teams').select('id', 'timezone', 'hour_schedule').whereIn('id', ids);
  const [teams, models] = await Promise.all([lock ? q.forShare() : q, effectiveLoadModels(db, ids)]);
  return new Map(
    (teams as { id: number; timezone: string; hour_schedule: unknown }[]).map((t) => [
      t.id,
      { teamId: t.id, timezone: t.timezone, schedule: scheduleOf(t.hour_schedule), maxHoursPerPage: models.get(t.id)!.maxHoursPerPage },
    ]),
  );
}

/** The calendar day of an instant in a zone, YYYY-MM-DD. */
export function localDate(instant: Date, timezone: string): string {
  return wallClockAt(zoneOf(timezone), instant.getTime()).date;
}

const HOUR_MS = 3_600_000;

export interface PageDay {
  date: string;
  business_hours: number;
  off_hours: number;
  sleep_hours: number;
}

/**
 * A page's counted hours per local day and class: from trigger to `end` (its resolution, or now
 * for an open page), at most the first maxHoursPerPage hours.
 */
export function pageDays(clock: TeamClock, triggeredAt: Date, end: Date): PageDay[] {
  const capped = new Date(Math.min(end.getTime(), triggeredAt.getTime() + clock.maxHoursPerPage * HOUR_MS));
  return splitByHourClass(triggeredAt, capped, clock.timezone, clock.schedule).map((d) => ({
    date: d.date,
    business_hours: d.businessMs / HOUR_MS,
    off_hours: d.offMs / HOUR_MS,
    sleep_hours: d.sleepMs / HOUR_MS,
  }));
}

/** What a page's trigger means for its team: its day and whether it woke someone. */
export function pageTrigger(clock: TeamClock, triggeredAt: Date): { local_date: string; sleep_interruption: boolean } {
  return {
    local_date: localDate(triggeredAt, clock.timezone),
    sleep_interruption: isSleepInterruption(triggeredAt, clock.timezone, clock.schedule),
  };
}
