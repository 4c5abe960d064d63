import type { Knex } from 'knex';
import type { DateRange } from '../core/dateRange';
import { openPageDays } from './openPages';
import { busiestSleepInterruptions, type ResponderSums } from '../kpi/responderLoad';
import { idArray } from '../db/arrays';

/**
 * Page figures per responder of one team over a range, from the same stored rows as the team's
 * KPIs: pages and sleep interruptions by trigger day (page_events.local_date), hours from the
 * per-day split of resolved pages (page_event_days) plus open pages' hours up to now. Each page
 * counts in full for each of its responders (see README, "Who carries the pager"). Pages without
 * responders, and daily aggregates (which name nobody), are in no one's figures.
 */
export async function responderSums(db: Knex, teamId: number, range: DateRange, now = new Date()): Promise<ResponderSums[]> {
  const [open, { rows }] = await Promise.all([
    openPageDays(db, [teamId], range.from, range.to, now),
    db.raw(
      `SELECT x.person, SUM(x.pages)::float8 AS pages, SUM(x.sleep_interruptions)::float8 AS "sleepInterruptions",
              SUM(x.page_hours)::float8 AS "pageHours", SUM(x.off_hours)::float8 AS "offHoursPageHours", SUM(x.sleep_hours)::float8 AS "sleepPageHours"
         FROM (
           SELECT r.person, 1 AS pages, CASE WHEN p.sleep_interruption THEN 1 ELSE 0 END AS sleep_interruptions,
                  0::float8 AS page_hours, 0::float8 AS off_hours, 0::float8 AS sleep_hours
             FROM page_events p CROSS JOIN unnest(p.responders) AS r(person)
            WHERE p.team_id = ? AND p.local_date BETWEEN ?::date AND ?::date
           UNION ALL
           SELECT r.person, 0, 0, d.business_hours + d.off_hours + d.sleep_hours, d.off_hours, d.sleep_hours
             FROM page_event_days d JOIN page_events p ON p.id = d.page_id CROSS JOIN unnest(p.responders) AS r(person)
            WHERE d.team_id = ? AND d.date BETWEEN ?::date AND ?::date
         ) x
        GROUP BY x.person`,
      [teamId, range.from, range.to, teamId, range.from, range.to],
    ),
  ]);
  const byPerson = new Map((rows as ResponderSums[]).map((r) => [r.person, r]));
  for (const day of open) {
    for (const person of day.responders) {
      const sums = byPerson.get(person) ?? { person, pages: 0, pageHours: 0, offHoursPageHours: 0, sleepPageHours: 0, sleepInterruptions: 0 };
      sums.pageHours += day.pageHours;
      sums.offHoursPageHours += day.offHoursPageHours;
      sums.sleepPageHours += day.sleepPageHours;
      byPerson.set(person, sums);
    }
  }
  return [...byPerson.values()];
}

/**
 * Each responder's sleep interruptions per team and window, from the pages triggered in it
 * (page_events.local_date, as the team's own count): [window] → team id → person → count. A team
 * has an entry for a window iff a page of it names someone; the entry lists only the people woken
 * (count ≥ 1), so it is empty when the pages name people but none of those pages woke anyone — the
 * busiest count is then 0. A team without an entry: the per-person rule says it cannot judge. Names
 * stay on the server: the guardrail rule only publishes the busiest count.
 *
 * Read cheaply (issue 19): per team and window, an EXISTS probe of page_events_named for whether any
 * page names someone, and the sleep-interrupting pages that name someone from page_events_sleep_named
 * — never every page of the window. The predicates are written as the partial indexes'
 * (migrations/20261208100000_responder_sleep_indexes.ts), so the planner sees they imply them.
 */
export async function responderSleepByWindow(
  db: Knex,
  teamIds: readonly number[],
  windows: readonly { startDate: string; endDate: string }[],
): Promise<Map<number, Map<string, number>>[]> {
  const maps = windows.map(() => new Map<number, Map<string, number>>());
  if (teamIds.length === 0 || windows.length === 0) return maps;
  // Two parts: per team and window, a row with no person when any page of the window names someone
  // (an index-only probe that stops at the first such page); and each woken person's count, from one
  // pass over the sleep-interrupting pages that name someone.
  const windowsOf = `unnest(?::date[], ?::date[]) WITH ORDINALITY AS w(start, "end", i)`;
  const starts = windows.map((w) => w.startDate);
  const ends = windows.map((w) => w.endDate);
  const { rows } = await db.raw(
    `SELECT t.id AS "teamId", w.i, NULL::text AS person, NULL::int AS sleep
       FROM unnest(?::int[]) AS t(id) CROSS JOIN ${windowsOf}
      WHERE EXISTS (SELECT 1 FROM page_events p
                     WHERE p.team_id = t.id AND p.local_date BETWEEN w.start AND w."end" AND p.responders <> '{}')
     UNION ALL
     SELECT x.team_id, x.i, x.person, COUNT(*)::int
       FROM (SELECT p.team_id, w.i, unnest(p.responders) AS person
               FROM ${windowsOf} JOIN page_events p ON p.local_date BETWEEN w.start AND w."end"
              WHERE p.team_id = ANY(?::int[]) AND p.sleep_interruption AND p.responders <> '{}') x
      GROUP BY x.team_id, x.i, x.person`,
    [idArray(teamIds), starts, ends, starts, ends, idArray(teamIds)],
  );
  for (const { teamId, i, person, sleep } of rows as { teamId: number; i: number | string; person: string | null; sleep: number | null }[]) {
    const byTeam = maps[Number(i) - 1];
    if (!byTeam.has(teamId)) byTeam.set(teamId, new Map());
    if (person !== null) byTeam.get(teamId)!.set(person, sleep!);
  }
  return maps;
}

/** Pages of one team triggered in the range that named no responder: in no one's figures. */
export async function pagesWithoutResponders(db: Knex, teamId: number, range: DateRange): Promise<number> {
  const row = await db('page_events')
    .where({ team_id: teamId })
    .whereBetween('local_date', [range.from, range.to])
    .whereRaw("responders = '{}'")
    .count<{ n: string }[]>('* as n')
    .first();
  return Number(row?.n ?? 0);
}

/**
 * Per range, each team's busiest responder's sleep interruptions (null: no page of the range names
 * a responder), one statement for every team and range.
 */
export async function busiestSleepersForRanges(db: Knex, teamIds: readonly number[], ranges: readonly DateRange[]): Promise<Map<number, number | null>[]> {
  const windows = await responderSleepByWindow(db, teamIds, ranges.map((r) => ({ startDate: r.from, endDate: r.to })));
  return windows.map((byTeam) => new Map(teamIds.map((id) => [id, busiestSleepInterruptions([byTeam.get(id)])])));
}
