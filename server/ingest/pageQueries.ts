import type { Knex } from 'knex';
import { pageDays, pageTrigger, teamClocks, type TeamClock } from './teamClocks';

/** A page event as written: team_id null while unrouted (routing_key then says where it came from). */
export interface PageRow {
  source: string;
  external_id: string;
  team_id: number | null;
  routing_key: string | null;
  alt_routing_keys: string[] | null;
  service: string;
  urgency: 'HIGH' | 'LOW';
  triggered_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
}

/** The fields a sender controls: a re-sent page with all of them identical is "unchanged". */
const VALUE_COLUMNS = [
  'team_id', 'routing_key', 'alt_routing_keys', 'service', 'urgency', 'triggered_at', 'acknowledged_at', 'resolved_at',
] as const;

// 12 parameters a row; 2,000 rows stay well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 2_000;
const DAY_CHUNK = 5_000;

/**
 * Upserts pages by (source, external_id), then re-splits the pages that changed: their trigger
 * day, sleep interruption and — for resolved pages — hours per day and class (page_event_days),
 * all in the caller's transaction.
 */
export async function writePages(trx: Knex.Transaction, rows: PageRow[]): Promise<{ inserted: number; updated: number }> {
  const clocks = await teamClocks(trx, rows.flatMap((r) => (r.team_id === null ? [] : [r.team_id])), true);
  const changed = VALUE_COLUMNS.map((c) => `page_events.${c} IS DISTINCT FROM excluded.${c}`).join(' OR ');
  const assign = Object.fromEntries([
    ...[...VALUE_COLUMNS, 'local_date', 'sleep_interruption'].map((c) => [c, trx.raw('??', [`excluded.${c}`])]),
    ['updated_at', trx.fn.now()],
  ]);
  let inserted = 0;
  let updated = 0;
  const written: SplitInput[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => {
      const clock = r.team_id === null ? undefined : clocks.get(r.team_id);
      return { ...r, ...(clock ? pageTrigger(clock, r.triggered_at) : { local_date: null, sleep_interruption: false }) };
    });
    const returned: (SplitInput & { inserted: boolean })[] = await trx('page_events')
      .insert(chunk)
      .onConflict(['source', 'external_id'])
      .merge(assign)
      .where(trx.raw(changed))
      .returning(['id', 'team_id', 'triggered_at', 'resolved_at', trx.raw('(xmax = 0) AS inserted') as unknown as string]);
    for (const r of returned) {
      if (r.inserted) inserted++;
      else updated++;
      written.push(r);
    }
  }
  await writePageDays(trx, written, clocks);
  return { inserted, updated };
}

interface SplitInput {
  id: number;
  team_id: number | null;
  triggered_at: Date;
  resolved_at: Date | null;
}

/** Replaces the per-day hours of the given pages; only routed, resolved pages have stored days. */
async function writePageDays(trx: Knex.Transaction, pages: SplitInput[], clocks: Map<number, TeamClock>): Promise<void> {
  for (let i = 0; i < pages.length; i += DAY_CHUNK) {
    await trx('page_event_days').whereIn('page_id', pages.slice(i, i + DAY_CHUNK).map((p) => p.id)).delete();
  }
  const days = pages.flatMap((p) => {
    const clock = p.team_id === null ? undefined : clocks.get(p.team_id);
    if (!clock || !p.resolved_at) return [];
    return pageDays(clock, new Date(p.triggered_at), new Date(p.resolved_at)).map((d) => ({ page_id: p.id, team_id: p.team_id, ...d }));
  });
  for (let i = 0; i < days.length; i += DAY_CHUNK) await trx('page_event_days').insert(days.slice(i, i + DAY_CHUNK));
}

/**
 * Recomputes trigger day, sleep interruption and per-day hours of pages from their team's
 * current clock: after a team's time zone, hour schedule or page cap changed, or after pages
 * were attributed to a team.
 */
export async function resplitPages(trx: Knex.Transaction, pages: SplitInput[]): Promise<void> {
  if (pages.length === 0) return;
  const clocks = await teamClocks(trx, pages.flatMap((p) => (p.team_id === null ? [] : [p.team_id])));
  for (let i = 0; i < pages.length; i += DAY_CHUNK) {
    const chunk = pages.slice(i, i + DAY_CHUNK).map((p) => {
      const clock = p.team_id === null ? undefined : clocks.get(p.team_id);
      return { id: p.id, ...(clock ? pageTrigger(clock, new Date(p.triggered_at)) : { local_date: null, sleep_interruption: false }) };
    });
    await trx.raw(
      `UPDATE page_events p SET local_date = v.local_date, sleep_interruption = v.sleep_interruption
         FROM unnest(?::bigint[], ?::date[], ?::boolean[]) AS v(id, local_date, sleep_interruption)
        WHERE p.id = v.id`,
      [chunk.map((c) => c.id), chunk.map((c) => c.local_date) as string[], chunk.map((c) => c.sleep_interruption)],
    );
  }
  await writePageDays(trx, pages, clocks);
}

/** Pages of one team, as resplitPages needs them. */
export function pagesOfTeam(db: Knex, teamId: number): Promise<SplitInput[]> {
  return db('page_events').select('id', 'team_id', 'triggered_at', 'resolved_at').where('team_id', teamId);
}
