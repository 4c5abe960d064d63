import type { RecordError } from '../core/errors';
import { pageFields } from './pages';
import { PAGERDUTY, writePagerDutyPages, type PagerDutyPage } from './pagerdutyPages';
import type { CsvKind } from './csvImport';

// PagerDuty's own incident export (`kind=pagerduty-incidents`), for a user without an API key.
// The columns are PagerDuty's incident fields under the names its incident reports and Analytics
// use: `id`, `created_on` (older reports) or `created_at` (Analytics), `resolved_on` /
// `resolved_at`, `seconds_to_first_ack`, `seconds_to_resolve`, `urgency`, `service_id`,
// `service_name`, `team_id`. Every other column of the file (incident_number, description,
// escalation policy…) is skipped. test/fixtures/pagerduty/README.md links the documentation each
// name comes from, and says what could not be checked against it.
// The page is the webhook's (source "pagerduty", externalId = incident id), routed by the same
// source mappings (service id, then team id); a file, a backfill and the webhooks make one page.

type Row = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const plus = (start: unknown, seconds: unknown): string | undefined => {
  const t = typeof start === 'string' ? Date.parse(start) : NaN;
  return typeof seconds === 'number' && seconds >= 0 && Number.isFinite(t) ? new Date(t + seconds * 1000).toISOString() : undefined;
};

/** The column a page field came from, to name it in a line's error. */
function columnOf(field: string, r: Row): string {
  switch (field) {
    case 'externalId': return 'id';
    case 'triggeredAt': return r.created_on !== undefined ? 'created_on' : 'created_at';
    case 'acknowledgedAt': return 'seconds_to_first_ack';
    case 'resolvedAt': return r.resolved_on !== undefined ? 'resolved_on' : r.resolved_at !== undefined ? 'resolved_at' : 'seconds_to_resolve';
    case 'service': return 'service_name';
    default: return field;
  }
}

function pageOfLine(r: Row, index: number): { page?: PagerDutyPage; errors: RecordError[] } {
  const created = str(r.created_on) ?? str(r.created_at);
  if (!created) return { errors: [{ index, field: 'created_on', message: 'is required (or created_at): when the incident was triggered' }] };
  const negative = (['seconds_to_first_ack', 'seconds_to_resolve'] as const).filter((f) => typeof r[f] === 'number' && !((r[f] as number) >= 0));
  if (negative.length) return { errors: negative.map((field) => ({ index, field, message: 'must be a number of seconds ≥ 0' })) };
  const resolved = str(r.resolved_on) ?? str(r.resolved_at) ?? plus(created, r.seconds_to_resolve);
  const parsed = pageFields.safeParse({
    source: PAGERDUTY,
    externalId: r.id,
    service: str(r.service_name) ?? null,
    urgency: str(r.urgency)?.toLowerCase() === 'low' ? 'LOW' : 'HIGH',
    triggeredAt: created,
    acknowledgedAt: plus(created, r.seconds_to_first_ack) ?? null,
    resolvedAt: resolved ?? null,
  });
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((i) => ({ index, field: columnOf(String(i.path[0] ?? 'id'), r), message: i.message })) };
  }
  const teamId = str(r.team_id);
  return {
    errors: [],
    // A file is a snapshot: an incident it shows unresolved says nothing newer than a stored resolve.
    page: { page: parsed.data, serviceKey: str(r.service_id) ?? null, teamKeys: teamId ? [teamId] : [], stateAt: parsed.data.resolvedAt },
  };
}

export const pagerdutyIncidentsCsv: CsvKind<PagerDutyPage> = {
  // Pages go to teams by source mapping, as webhooks do: an org-wide import, not for a token limited to teams.
  operation: 'Mutation.recordPages',
  orgWide: true,
  kind: {
    noun: 'PagerDuty incident',
    async validate(_db, records) {
      const rows: PagerDutyPage[] = [];
      const errors: RecordError[] = [];
      records.forEach((r, i) => {
        const line = pageOfLine(r as Row, i);
        errors.push(...line.errors);
        if (line.page) rows.push(line.page);
      });
      return { rows: errors.length ? [] : rows, errors };
    },
    keyOf: (p) => p.page.externalId,
    write: async (trx, rows) => {
      const { inserted, updated } = await writePagerDutyPages(trx, rows);
      return { inserted, updated };
    },
  },
  columns: {
    types: {
      id: 'text', urgency: 'text', service_id: 'text', service_name: 'text', team_id: 'text',
      created_on: 'dateTime', created_at: 'dateTime', resolved_on: 'dateTime', resolved_at: 'dateTime',
      seconds_to_first_ack: 'number', seconds_to_resolve: 'number',
    },
    required: ['id'],
    ignoreOtherColumns: true,
  },
};
