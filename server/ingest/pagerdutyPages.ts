import type { Knex } from 'knex';
import type { z } from 'zod';
import { MAX_RESPONDERS, pageRow, type pageFields } from './pages';
import { writePages, type PageRow } from '../signals/pageQueries';

/** The source of every PagerDuty page, whichever way it came: webhook, backfill or PagerDuty's CSV export. */
export const PAGERDUTY = 'pagerduty';

/**
 * A PagerDuty incident as a page, read from PagerDuty's REST API or its incident export (the
 * webhook path, server/webhooks/pagerduty.ts, applies one event at a time instead). Unlike an
 * event, it knows the incident's whole history up to when it was read.
 */
export interface PagerDutyPage {
  /** source 'pagerduty', externalId the incident id: the webhook's key, so all paths make one page. */
  page: z.output<typeof pageFields>;
  /** Routing keys, most specific first: the service id, then the PagerDuty team ids (as the webhook). */
  serviceKey: string | null;
  teamKeys: string[];
  /**
   * When the incident's resolved-or-not state was last known to change (its resolve time, or its
   * last status change); null when the source does not say. A page stored from a later webhook
   * event keeps its state.
   */
  stateAt: Date | null;
}

interface Stored {
  external_id: string;
  team_id: number | null;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  state_changed_at: Date | null;
  responders: string[];
}

const earliest = (a: Date | null | undefined, b: Date | null) => (a && (!b || a.getTime() <= b.getTime()) ? a : b);

/**
 * A PagerDuty page's responders are everyone PagerDuty showed it assigned to, in the order first
 * seen: what is stored, then what this reading adds. An incident escalated from one person to the
 * next paged both; its assignments list only the last (and is empty once resolved), so each reading
 * adds to the page, never replaces it. Null when the reading names nobody new (keep what is stored).
 */
export function mergedResponders(stored: readonly string[] | undefined, seen: readonly string[] | null): string[] | null {
  if (!seen || seen.length === 0) return null;
  const merged = [...new Set([...(stored ?? []), ...seen])].slice(0, MAX_RESPONDERS);
  return stored && merged.length === stored.length ? null : merged;
}

/**
 * Writes PagerDuty pages as the webhook path does, so a page that came by webhook and by backfill
 * (or CSV) is one page: under the webhook's per-incident lock, routed by the same source mappings
 * (service id first, then team ids; unmapped ones stay unrouted with their routing keys, and keep a
 * team they already had), the first acknowledgement kept, and a resolve state newer than what the
 * page knows never overwritten by an older one. Returns what writePages counted, and how many of
 * the pages are unrouted.
 */
export async function writePagerDutyPages(trx: Knex.Transaction, given: PagerDutyPage[]): Promise<{ inserted: number; updated: number; unrouted: number }> {
  // An incident read twice (offset pages shift when incidents are deleted meanwhile): the last reading wins.
  const pages = [...new Map(given.map((p) => [p.page.externalId, p])).values()];
  if (pages.length === 0) return { inserted: 0, updated: 0, unrouted: 0 };
  const ids = pages.map((p) => p.page.externalId).sort();
  // One lock per incident, taken in id order: the webhook takes the same ones (server/webhooks/pagerduty.ts).
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest(?::text[]) AS k ORDER BY k', [ids.map((id) => `page_events|${PAGERDUTY}|${id}`)]);
  const storedRows: Stored[] = await trx('page_events')
    .select('external_id', 'team_id', 'acknowledged_at', 'resolved_at', 'state_changed_at', 'responders')
    .where({ source: PAGERDUTY })
    .whereIn('external_id', ids);
  const stored = new Map(storedRows.map((r) => [r.external_id, r]));
  const mapped = await mappedTeams(trx, pages.flatMap((p) => [...(p.serviceKey ? [p.serviceKey] : []), ...p.teamKeys]));

  const rows: PageRow[] = [];
  const stateChanges: [string, Date][] = [];
  for (const p of pages) {
    const before = stored.get(p.page.externalId);
    const keys = [...(p.serviceKey ? [p.serviceKey] : []), ...p.teamKeys];
    const teamId = keys.map((k) => mapped.get(k)).find((t) => t !== undefined) ?? before?.team_id ?? null;
    // What the page knows is newer (a webhook applied a later resolve or reopen): keep its state.
    const stale = !!before?.state_changed_at && (!p.stateAt || p.stateAt.getTime() < before.state_changed_at.getTime());
    const resolvedAt = stale ? before!.resolved_at : p.page.resolvedAt;
    const responders = mergedResponders(before?.responders, p.page.responders);
    rows.push(pageRow({ ...p.page, acknowledgedAt: earliest(before?.acknowledged_at, p.page.acknowledgedAt), resolvedAt, responders }, teamId, {
      routing_key: keys[0] ?? null,
      alt_routing_keys: p.teamKeys.length ? p.teamKeys : null,
    }));
    if (!stale && p.stateAt && (p.page.resolvedAt || before?.state_changed_at)) stateChanges.push([p.page.externalId, p.stateAt]);
  }
  rows.sort((a, b) => (a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0));
  const written = await writePages(trx, rows);
  if (stateChanges.length) {
    await trx.raw(
      `UPDATE page_events e SET state_changed_at = v.at
         FROM unnest(?::text[], ?::timestamptz[]) AS v(external_id, at)
        WHERE e.source = ? AND e.external_id = v.external_id AND e.state_changed_at IS DISTINCT FROM v.at`,
      [stateChanges.map((s) => s[0]), stateChanges.map((s) => s[1].toISOString()), PAGERDUTY],
    );
  }
  return { ...written, unrouted: rows.filter((r) => r.team_id === null).length };
}

/**
 * Team ids mapped from PagerDuty keys. The routing rule itself is server/routing's (routeTeam);
 * ingest sits beside routing, not above it, so it reads the mappings here.
 */
async function mappedTeams(trx: Knex, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows: { key: string; team_id: number }[] = await trx('source_mappings').select('key', 'team_id').where({ source: PAGERDUTY }).whereIn('key', [...new Set(keys)]);
  return new Map(rows.map((r) => [r.key, r.team_id]));
}
