/** The hour-schedule form's shaping: hours of the day ↔ "HH:MM", weekdays, and the server's errors. */
import { graphql } from '../../graphql/generated';
import type { TeamDetail } from '../../graphql/operations';

/** Business and sleep hours; businessDays are ISO weekdays, 1 = Monday … 7 = Sunday. */
export type HourSchedule = TeamDetail['hourSchedule'];

export const HOUR_FIELDS = ['businessStartHour', 'businessEndHour', 'sleepStartHour', 'sleepEndHour'] as const;
export type HourField = (typeof HOUR_FIELDS)[number];

export const WEEKDAYS = [
  [1, 'Mon'], [2, 'Tue'], [3, 'Wed'], [4, 'Thu'], [5, 'Fri'], [6, 'Sat'], [7, 'Sun'],
] as const;

/** 8.5 → "08:30"; 24 → "24:00". */
export function hourToTime(h: number): string {
  const minutes = Math.round(h * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "08:30" → 8.5; "24:00" → 24; anything else → null. */
export function timeToHour(t: string): number | null {
  const m = /^(\d{1,2}):([0-5]\d)$/.exec(t.trim());
  if (!m) return null;
  const h = Number(m[1]) + Number(m[2]) / 60;
  return h > 24 ? null : h;
}

/** "Mon–Fri 08:00–18:00, sleep 22:00–08:00" */
export function describeSchedule(s: HourSchedule): string {
  const days = s.businessDays.length ? s.businessDays.map((d) => WEEKDAYS[d - 1][1]).join(', ') : 'no days';
  return `Business ${hourToTime(s.businessStartHour)}–${hourToTime(s.businessEndHour)} (${days}); sleep ${hourToTime(s.sleepStartHour)}–${hourToTime(s.sleepEndHour)}; off hours the rest`;
}

/** Server records name "input.0.hourSchedule.businessEndHour" or "hourSchedule.businessDays.0": the form field. */
export function formFieldOf(recordField: string): HourField | 'businessDays' | null {
  const m = /hourSchedule\.(\w+)/.exec(recordField);
  if (!m) return null;
  return m[1] === 'businessDays' || (HOUR_FIELDS as readonly string[]).includes(m[1]) ? (m[1] as HourField | 'businessDays') : null;
}

export const SET_HOUR_SCHEDULE = graphql(/* GraphQL */ `
  mutation SetHourSchedule($input: [TeamInput!]!) {
    upsertTeams(input: $input) {
      slug
      hourSchedule { businessStartHour businessEndHour sleepStartHour sleepEndHour businessDays }
    }
  }
`);
