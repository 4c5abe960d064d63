import { z } from 'zod';
import type { Knex } from 'knex';
import { pageFields, pageRow } from '../ingest/pages';
import { writePages } from '../ingest/pageQueries';
import { routeTeam } from '../routing/service';
import { asLabel, parsePayload, PayloadError, resultOf, type WebhookOutcome } from './payload';

export const PAGERDUTY_SOURCE = 'pagerduty';

/** The incident events that change a page; every other v3 event type is acknowledged and ignored. */
const PAGE_EVENT_TYPES = ['incident.triggered', 'incident.acknowledged', 'incident.resolved', 'incident.reopened'] as const;
type PageEventType = (typeof PAGE_EVENT_TYPES)[number];

const reference = z.object({ id: z.string().min(1), summary: z.string().nullish() });

// The fields of a v3 incident event we read (PagerDuty's "Webhook Payload" and "incident" data type).
const incidentEvent = z.object({
  event: z.object({
    event_type: z.enum(PAGE_EVENT_TYPES),
    occurred_at: z.string(),
    data: z.object({
      id: z.string().min(1),
      type: z.literal('incident'),
      created_at: z.string(),
      urgency: z.string().nullish(),
      service: reference.nullish(),
      teams: z.array(reference).nullish(),
    }),
  }),
});
type IncidentEvent = z.output<typeof incidentEvent>['event'];

/** The event type of a delivery, or why it is ignored. */
export function pagerDutyEventType(body: unknown): PageEventType | { ignored: string } {
  const type = (body as { event?: { event_type?: unknown } } | null)?.event?.event_type;
  if (typeof type !== 'string') throw new PayloadError('Not a PagerDuty v3 webhook payload: event.event_type is missing');
  return (PAGE_EVENT_TYPES as readonly string[]).includes(type) ? (type as PageEventType) : { ignored: `event type ${type} does not change a page` };
}

const earliest = (a: Date | null | undefined, b: Date) => (a && a.getTime() <= b.getTime() ? a : b);

/**
 * One PagerDuty v3 incident event becomes (an update of) the page whose externalId is the incident
 * id. Each event carries only its own instant, so the page is merged with what is stored, under a
 * per-incident lock (PagerDuty delivers concurrently and not always in order): the first
 * acknowledgement is kept, a resolve sets resolvedAt, a reopen clears it. Replays change nothing.
 */
export async function applyPagerDutyEvent(db: Knex, body: unknown): Promise<WebhookOutcome> {
  const type = pagerDutyEventType(body);
  if (typeof type !== 'string') return { status: 'ignored', reason: type.ignored };
  const event: IncidentEvent = parsePayload(incidentEvent, body, 'PagerDuty v3 incident event').event;
  const incident = event.data;
  const occurredAt = new Date(event.occurred_at);
  if (Number.isNaN(occurredAt.getTime())) throw new PayloadError(`Not a PagerDuty v3 incident event: event.occurred_at is not a date`);
  const teamKeys = (incident.teams ?? []).map((t) => t.id);
  // Most specific first: a service mapping wins over a team mapping.
  const keys = [...(incident.service ? [incident.service.id] : []), ...teamKeys];

  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`page_events|${PAGERDUTY_SOURCE}|${incident.id}`]);
    const stored: { team_id: number | null; acknowledged_at: Date | null; resolved_at: Date | null } | undefined = await trx('page_events')
      .select('team_id', 'acknowledged_at', 'resolved_at')
      .where({ source: PAGERDUTY_SOURCE, external_id: incident.id })
      .first();
    const teamId = (await routeTeam(trx, PAGERDUTY_SOURCE, keys)) ?? stored?.team_id ?? null;
    const page = pageFields.safeParse({
      source: PAGERDUTY_SOURCE,
      externalId: incident.id,
      service: asLabel(incident.service?.summary),
      urgency: incident.urgency === 'low' ? 'LOW' : 'HIGH',
      triggeredAt: incident.created_at,
      acknowledgedAt: event.event_type === 'incident.acknowledged' ? earliest(stored?.acknowledged_at, occurredAt) : stored?.acknowledged_at ?? null,
      resolvedAt:
        event.event_type === 'incident.resolved' ? occurredAt : event.event_type === 'incident.reopened' ? null : stored?.resolved_at ?? null,
    });
    if (!page.success) {
      throw new PayloadError(`PagerDuty incident ${incident.id}: ${page.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    const row = pageRow(page.data, teamId, { routing_key: keys[0] ?? null, alt_routing_keys: teamKeys.length ? teamKeys : null });
    const written = await writePages(trx, [row]);
    const team = teamId === null ? null : ((await trx('teams').select('slug').where('id', teamId).first())?.slug ?? null);
    return { status: 'stored', kind: 'page', externalId: incident.id, team, routed: teamId !== null, result: resultOf(written) };
  });
}
