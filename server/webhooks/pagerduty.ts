import { z } from 'zod';
import type { Knex } from 'knex';
import { pageFields, pageRow } from '../ingest/pages';
import { writePages } from '../signals/pageQueries';
import { routeTeam } from '../routing/service';
import { instant, text } from '../core/fields';
import { asLabel, checkSignal, label, parsePayload, PayloadError, respondersOf, resultOf, type WebhookOutcome } from './payload';
import { mergedResponders } from '../ingest/pagerdutyPages';

export const PAGERDUTY_SOURCE = 'pagerduty';

/** The incident events that change a page; every other v3 event type is acknowledged and ignored. */
const PAGE_EVENT_TYPES = ['incident.triggered', 'incident.acknowledged', 'incident.resolved', 'incident.reopened'] as const;
type PageEventType = (typeof PAGE_EVENT_TYPES)[number];
// PagerDuty's event types are dotted lower-case words (incident.priority_updated, service.created…).
const EVENT_TYPE = /^[a-z_]{1,50}(\.[a-z_]{1,50}){1,3}$/;

// Ids route a signal (source mappings) and name it: the same text rules as any key.
const reference = z.object({ id: text, summary: label.nullish() });

// The fields of a v3 incident event we read (PagerDuty's "Webhook Payload" and "incident" data type).
const incidentEvent = z.object({
  event: z.object({
    event_type: z.enum(PAGE_EVENT_TYPES),
    occurred_at: instant,
    data: z.object({
      id: text,
      type: z.literal('incident'),
      created_at: z.string(),
      urgency: label.nullish(),
      service: reference.nullish(),
      teams: z.array(reference).max(100).nullish(),
      // Who the incident is assigned to when the event occurred (user references). Only names
      // responders: an assignee shaped otherwise is skipped, never a reason to refuse the page.
      assignees: z.array(z.object({ summary: z.string().nullish() }).nullable().catch(null)).nullish().catch(null),
    }),
  }),
});
type IncidentEvent = z.output<typeof incidentEvent>['event'];

/** The event type of a delivery, or why it is ignored. */
export function pagerDutyEventType(body: unknown): PageEventType | { ignored: string } {
  const type = (body as { event?: { event_type?: unknown } } | null)?.event?.event_type;
  if (typeof type !== 'string') throw new PayloadError('Not a PagerDuty v3 webhook payload: event.event_type is missing');
  if (!EVENT_TYPE.test(type)) throw new PayloadError('Not a PagerDuty v3 webhook payload: event.event_type is not an event type such as incident.triggered');
  return (PAGE_EVENT_TYPES as readonly string[]).includes(type) ? (type as PageEventType) : { ignored: `event type ${type} does not change a page` };
}

/** What is stored of a page event: its occurred_at applied to resolve or reopen, and the first acknowledgement. */
interface StoredPage {
  team_id: number | null;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  state_changed_at: Date | null;
  responders: string[];
}

const earliest = (a: Date | null | undefined, b: Date) => (a && a.getTime() <= b.getTime() ? a : b);
const isStateChange = (type: PageEventType) => type === 'incident.resolved' || type === 'incident.reopened';

/**
 * The page an event makes of what is stored. Events are applied in the order they occurred, not
 * the order they arrive: a resolve or reopen older than the last one applied changes nothing.
 */
function pageOf(event: IncidentEvent, stored: StoredPage | undefined) {
  const incident = event.data;
  const stale = isStateChange(event.event_type) && !!stored?.state_changed_at && event.occurred_at.getTime() < stored.state_changed_at.getTime();
  const type = stale ? null : event.event_type;
  return checkSignal(pageFields, {
    source: PAGERDUTY_SOURCE,
    externalId: incident.id,
    service: asLabel(incident.service?.summary),
    urgency: incident.urgency === 'low' ? 'LOW' : 'HIGH',
    triggeredAt: incident.created_at,
    acknowledgedAt: type === 'incident.acknowledged' ? earliest(stored?.acknowledged_at, event.occurred_at) : stored?.acknowledged_at ?? null,
    resolvedAt: type === 'incident.resolved' ? event.occurred_at : type === 'incident.reopened' ? null : stored?.resolved_at ?? null,
    // Everyone it was assigned to, in the order first seen (as the backfill: mergedResponders).
    responders: mergedResponders(stored?.responders, respondersOf((incident.assignees ?? []).map((a) => a?.summary))),
  }, `PagerDuty incident ${incident.id}`);
}

/**
 * Reads a verified delivery without the database: the incident it is about, or why it is ignored.
 * Throws PayloadError for anything that could never become a page, so it is refused before it is stored.
 */
export function readPagerDutyDelivery(body: unknown): { ignored: string } | { event: PageEventType } {
  const type = pagerDutyEventType(body);
  if (typeof type !== 'string') return type;
  pageOf(parsePayload(incidentEvent, body, 'PagerDuty v3 incident event').event, undefined);
  return { event: type };
}

/**
 * One PagerDuty v3 incident event becomes (an update of) the page whose externalId is the incident
 * id. Each event carries only its own instant, so the page is merged with what is stored, under a
 * per-incident lock (PagerDuty delivers concurrently and not always in order): the first
 * acknowledgement is kept, a resolve sets resolvedAt and a reopen clears it, unless a later resolve
 * or reopen was applied already (page_events.state_changed_at); the event's assignees are added to
 * the page's responders. Replays change nothing.
 */
export async function applyPagerDutyEvent(db: Knex, body: unknown): Promise<WebhookOutcome> {
  const type = pagerDutyEventType(body);
  if (typeof type !== 'string') return { status: 'ignored', reason: type.ignored };
  const event: IncidentEvent = parsePayload(incidentEvent, body, 'PagerDuty v3 incident event').event;
  const incident = event.data;
  const teamKeys = (incident.teams ?? []).map((t) => t.id);
  // Most specific first: a service mapping wins over a team mapping.
  const keys = [...(incident.service ? [incident.service.id] : []), ...teamKeys];

  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`page_events|${PAGERDUTY_SOURCE}|${incident.id}`]);
    const where = { source: PAGERDUTY_SOURCE, external_id: incident.id };
    const stored: StoredPage | undefined = await trx('page_events').select('team_id', 'acknowledged_at', 'resolved_at', 'state_changed_at', 'responders').where(where).first();
    const teamId = (await routeTeam(trx, PAGERDUTY_SOURCE, keys)) ?? stored?.team_id ?? null;
    const page = pageOf(event, stored);
    const row = pageRow(page, teamId, { routing_key: keys[0] ?? null, alt_routing_keys: teamKeys.length ? teamKeys : null });
    const written = await writePages(trx, [row]);
    if (isStateChange(type) && !(stored?.state_changed_at && event.occurred_at.getTime() < stored.state_changed_at.getTime())) {
      await trx('page_events').where(where).update({ state_changed_at: event.occurred_at });
    }
    const team = teamId === null ? null : ((await trx('teams').select('slug').where('id', teamId).first())?.slug ?? null);
    return { status: 'stored', kind: 'page', externalId: incident.id, team, routed: teamId !== null, result: resultOf(written) };
  });
}
