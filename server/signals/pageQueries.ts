import type { Knex } from 'knex';
import { pageDays, pageTrigger, teamClocks, type TeamClock } from './teamClocks';

/** An unrouted page has no team clock: no local day, no sleep interruption, until it is routed. */
const UNROUTED = { local_date: null, sleep_interruption: false };

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
  /** Who carried it; null: keep the stored ones (a new page then has none). */
  responders: string[] | null;
}

/** The fields a sender controls: a re-sent page with all of them identical is "unchanged". */
const VALUE_COLUMNS = [
  'team_id', 'routing_key', 'alt_routing_keys', 'service', 'urgency', 'triggered_at', 'acknowledged_at', 'resolved_at',
] as const;

// Rows a statement: the chunk travels as one JSON parameter (no bind-parameter limit), so a batch
// is one statement and one run of the team_day_signals trigger per table.
const CHUNK = 10_000;
const DAY_CHUNK = 10_000;

const COLUMN_TYPES = `source text, external_id text, team_id integer, routing_key text, alt_routing_keys text[], service text,
  urgency text, triggered_at timestamptz, acknowledged_at timestamptz, resolved_at timestamptz, local_date date,
  sleep_interruption boolean, responders text[]`;

/**
 * Upserts pages by (source, external_id), then re-splits the pages that changed: their trigger
 * day, sleep interruption and — for resolved pages — hours per day and class (page_event_days),
 * all in the caller's transaction.
 *
 * team_day_signals: the triggers would refresh the team days of the inserted pages, then those of
 * their inserted days — mostly the same days, twice. The inserts defer to one refresh of both here
 * (headroom.defer_page_signals, local to the transaction); updates and deletes refresh as they go.
 */
export async function writePages(trx: Knex.Transaction, rows: PageRow[]): Promise<{ inserted: number; updated: number }> {
  const clocks = await teamClocks(trx, rows.flatMap((r) => (r.team_id === null ? [] : [r.team_id])), true);
  const changed = VALUE_COLUMNS.map((c) => `page_events.${c} IS DISTINCT FROM excluded.${c}`).join(' OR ');
  const assign = [...VALUE_COLUMNS, 'local_date', 'sleep_interruption'].map((c) => `${c} = excluded.${c}`).join(', ');
  const columns = ['source', 'external_id', ...VALUE_COLUMNS, 'local_date', 'sleep_interruption'].join(', ');
  const updatedIds = new Set<number>();
  let inserted = 0;
  const written: SplitInput[] = [];
  const fresh = new Set<number>();
  const refresh = new TeamDays();
  await trx.raw("SELECT set_config('headroom.defer_page_signals', 'on', true)");
  try {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK).map((r) => {
        const clock = r.team_id === null ? undefined : clocks.get(r.team_id);
        const trigger = clock ? pageTrigger(clock, r.triggered_at) : UNROUTED;
        // One literal shape, not a spread: a spread copy of a row this wide is built in dictionary
        // mode, which JSON.stringify then serialises on its slow path.
        return {
          source: r.source, external_id: r.external_id, team_id: r.team_id, routing_key: r.routing_key, alt_routing_keys: r.alt_routing_keys,
          service: r.service, urgency: r.urgency, triggered_at: r.triggered_at, acknowledged_at: r.acknowledged_at, resolved_at: r.resolved_at,
          responders: r.responders, local_date: trigger.local_date, sleep_interruption: trigger.sleep_interruption,
        };
      });
      const { rows: returned } = await trx.raw(
        `INSERT INTO page_events (${columns}, responders)
         SELECT ${columns}, COALESCE(responders, '{}') FROM jsonb_to_recordset(?::jsonb) AS r(${COLUMN_TYPES})
         ON CONFLICT (source, external_id) DO UPDATE SET ${assign}, updated_at = now()
         WHERE ${changed}
         RETURNING id, team_id, triggered_at, resolved_at, local_date::text AS local_date, (xmax = 0) AS inserted`,
        [JSON.stringify(chunk)],
      );
      for (const r of returned as (SplitInput & { inserted: boolean; local_date: string | null })[]) {
        if (r.inserted) {
          inserted++;
          fresh.add(r.id);
          refresh.add(r.team_id, r.local_date);
        } else updatedIds.add(r.id);
        written.push(r);
      }
      for (const id of await writeResponders(trx, chunk)) if (!fresh.has(id)) updatedIds.add(id);
    }
    const days = await writePageDays(trx, written, clocks, fresh);
    for (const d of days) refresh.add(d.team_id, d.date);
    await refresh.run(trx);
  } finally {
    await trx.raw("SELECT set_config('headroom.defer_page_signals', 'off', true)");
  }
  return { inserted, updated: updatedIds.size };
}

/**
 * Sets the responders of stored pages whose sender gave them, apart from the upsert: an omitted
 * list keeps the stored one, which an ON CONFLICT clause cannot tell from an empty list (the
 * column is NOT NULL). Pages the upsert inserted already hold theirs. Returns the ids changed.
 */
async function writeResponders(trx: Knex.Transaction, rows: PageRow[]): Promise<number[]> {
  const given = rows.filter((r) => r.responders !== null).map((r) => ({ source: r.source, external_id: r.external_id, responders: r.responders }));
  if (given.length === 0) return [];
  const { rows: changed } = await trx.raw(
    `UPDATE page_events p SET responders = v.responders, updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS v(source text, external_id text, responders text[])
      WHERE p.source = v.source AND p.external_id = v.external_id AND p.responders IS DISTINCT FROM v.responders
      RETURNING p.id`,
    [JSON.stringify(given)],
  );
  return (changed as { id: string | number }[]).map((r) => Number(r.id));
}

/** Team days whose team_day_signals rows a deferred insert left to refresh. */
class TeamDays {
  private keys = new Map<string, [number, string]>();

  add(teamId: number | null, date: string | null) {
    if (teamId !== null && date !== null) this.keys.set(`${teamId}|${date}`, [teamId, date]);
  }

  async run(trx: Knex.Transaction) {
    if (this.keys.size === 0) return;
    const keys = [...this.keys.values()];
    await trx.raw('SELECT refresh_team_day_signals(?::int[], ?::date[])', [keys.map((k) => k[0]), keys.map((k) => k[1])]);
  }
}

export interface SplitInput {
  id: number;
  team_id: number | null;
  triggered_at: Date;
  resolved_at: Date | null;
}

const DAY_COLUMN_TYPES = 'page_id bigint, team_id integer, date date, business_hours double precision, off_hours double precision, sleep_hours double precision';

/**
 * Replaces the per-day hours of the given pages; only routed, resolved pages have stored days.
 * Pages in `fresh` were inserted by this transaction, so they have no days to delete yet.
 */
async function writePageDays(trx: Knex.Transaction, pages: SplitInput[], clocks: Map<number, TeamClock>, fresh: ReadonlySet<number> = new Set()): Promise<{ team_id: number; date: string }[]> {
  const stale = pages.filter((p) => !fresh.has(p.id)).map((p) => p.id);
  for (let i = 0; i < stale.length; i += DAY_CHUNK) {
    await trx.raw('DELETE FROM page_event_days WHERE page_id = ANY(?::bigint[])', [stale.slice(i, i + DAY_CHUNK)]);
  }
  const days = pages.flatMap((p) => {
    const clock = p.team_id === null ? undefined : clocks.get(p.team_id);
    if (!clock || !p.resolved_at) return [];
    return pageDays(clock, new Date(p.triggered_at), new Date(p.resolved_at)).map((d) => ({ page_id: p.id, team_id: p.team_id!, ...d }));
  });
  for (let i = 0; i < days.length; i += DAY_CHUNK) {
    await trx.raw(
      `INSERT INTO page_event_days (page_id, team_id, date, business_hours, off_hours, sleep_hours)
       SELECT page_id, team_id, date, business_hours, off_hours, sleep_hours FROM jsonb_to_recordset(?::jsonb) AS r(${DAY_COLUMN_TYPES})`,
      [JSON.stringify(days.slice(i, i + DAY_CHUNK))],
    );
  }
  return days;
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
