import { z } from 'zod';
import type { Knex } from 'knex';
import { instant, slug, text } from '../core/fields';
import { ingestBatch, type IngestKind } from './kind';
import { validateTeamRecords } from '../teams/teamRecords';
import { storedEventTeams } from './storedEvents';
import type { Viewer } from '../core/viewer';
import { writePages, type PageRow } from '../signals/pageQueries';

const urgency = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(z.enum(['HIGH', 'LOW'], { error: 'must be HIGH or LOW' }));

/** At most this many responders a page; each at most 200 characters (the text rule). */
export const MAX_RESPONDERS = 20;

/**
 * Who carried the page: names or emails as the sender gives them, trimmed; a name given twice
 * counts once (it would count the person's load twice). Omitted (or null) keeps what is stored;
 * an empty list clears it.
 */
export const responders = z
  .array(z.string({ error: 'must be a name or an email' }).trim().pipe(text), { error: 'must be a list of names or emails' })
  .max(MAX_RESPONDERS, `must list at most ${MAX_RESPONDERS} responders`)
  .transform((names) => [...new Set(names)]);

/** A page's own fields, without its team: shared by GraphQL, CSV and the PagerDuty webhook. */
export const pageFields = z
  .object({
    source: text.nullish().transform((v) => v ?? 'api'),
    externalId: text,
    service: text.nullish().transform((v) => v ?? ''),
    urgency: urgency.nullish().transform((v) => v ?? 'HIGH'),
    triggeredAt: instant,
    acknowledgedAt: instant.nullish().transform((v) => v ?? null),
    resolvedAt: instant.nullish().transform((v) => v ?? null),
    responders: responders.nullish().transform((v) => v ?? null),
  })
  .strict()
  .superRefine((r, ctx) => {
    for (const field of ['acknowledgedAt', 'resolvedAt'] as const) {
      const at = r[field];
      if (at && at.getTime() < r.triggeredAt.getTime())
        ctx.addIssue({ code: 'custom', path: [field], message: `must not be before triggeredAt (${r.triggeredAt.toISOString()})` });
    }
  });

// Omitted source is "api", omitted service is the whole team (''), omitted urgency is HIGH,
// omitted responders keep the stored ones (null).
export const pageInput = pageFields.safeExtend({ team: slug });
export type PageInput = z.output<typeof pageInput>;

export function pageRow(p: z.output<typeof pageFields>, teamId: number | null, routing: Pick<PageRow, 'routing_key' | 'alt_routing_keys'> = { routing_key: null, alt_routing_keys: null }): PageRow {
  return {
    source: p.source,
    external_id: p.externalId,
    team_id: teamId,
    ...routing,
    service: p.service,
    urgency: p.urgency,
    triggered_at: p.triggeredAt,
    acknowledged_at: p.acknowledgedAt,
    resolved_at: p.resolvedAt,
    responders: p.responders,
  };
}

/** Page events: re-sending a (source, externalId) updates the page, e.g. when it resolves. */
export const pagesKind: IngestKind<PageRow> = {
  noun: 'page',
  validate: (db, records) =>
    validateTeamRecords(db, pageInput, records, (p, teamId) => pageRow(p, teamId), (r) => pagesKind.keyOf(r), 'externalId'),
  keyOf: (r) => `${r.source}|${r.external_id}`,
  write: writePages,
  storedTeams: (trx, rows) => storedEventTeams(trx, 'page_events', rows),
};

export const recordPages = (db: Knex, input: unknown[], viewer: Viewer) => ingestBatch(db, pagesKind, input, viewer, 'Mutation.recordPages');
