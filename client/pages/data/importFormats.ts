/**
 * The CSV import formats, as docs/import.md states them (the server, server/ingest/kinds.ts, is
 * the authority; this is the help text shown beside the upload form).
 */
export type ImportKind = 'daily' | 'pages' | 'deploys' | 'pagerduty-incidents' | 'sprints' | 'teams';

export interface ImportColumn {
  /** Column names: the GraphQL input field names, exact and case-sensitive. */
  names: string[];
  required: boolean;
  type: string;
  default?: string;
}

export interface ImportFormat {
  kind: ImportKind;
  label: string;
  /** The GraphQL input type whose fields are the columns. */
  input: string;
  summary: string;
  columns: ImportColumn[];
  rules: string;
  example: string;
}

export const IMPORT_FORMATS: ImportFormat[] = [
  {
    kind: 'daily',
    label: 'Daily metrics',
    input: 'DailyMetricsInput',
    summary: 'A team’s figures for one day: alerts, pages, page hours by class, deploys, toil.',
    columns: [
      { names: ['team'], required: true, type: 'team slug' },
      { names: ['date'], required: true, type: 'YYYY-MM-DD, in the team’s time zone' },
      { names: ['source'], required: false, type: 'text', default: 'csv' },
      { names: ['service'], required: false, type: 'text', default: 'the whole team' },
      { names: ['alerts', 'pages', 'sleepInterruptions', 'deploys', 'failedDeploys'], required: false, type: 'whole number ≥ 0', default: '0' },
      { names: ['pageHours', 'offHoursPageHours', 'sleepPageHours', 'toilHours'], required: false, type: 'hours ≥ 0', default: '0' },
    ],
    rules:
      'offHoursPageHours + sleepPageHours must not exceed pageHours (business hours are the rest); failedDeploys not deploys; sleepInterruptions not pages. Re-importing a (team, date, source, service) replaces that row, never adds to it.',
    example: [
      'team,date,source,service,alerts,pages,pageHours,offHoursPageHours,sleepPageHours,sleepInterruptions,deploys,failedDeploys,toilHours',
      'payments,2026-03-02,pagerduty,,12,2,3.5,0.5,1.25,1,,,',
      'payments,2026-03-02,ci,checkout-api,,,,,,,6,1,',
      'payments,2026-03-02,timesheet,,,,,,,,,,2.5',
    ].join('\n'),
  },
  {
    kind: 'pages',
    label: 'Pages',
    input: 'PageInput',
    summary: 'One line per page (an incident that notified a person), with its times.',
    columns: [
      { names: ['externalId'], required: true, type: 'text, the page’s id at its source' },
      { names: ['team'], required: true, type: 'team slug' },
      { names: ['triggeredAt'], required: true, type: 'timestamp with offset' },
      { names: ['source'], required: false, type: 'text', default: 'csv' },
      { names: ['service'], required: false, type: 'text', default: 'the whole team' },
      { names: ['urgency'], required: false, type: 'HIGH or LOW (any case)', default: 'HIGH' },
      { names: ['acknowledgedAt', 'resolvedAt'], required: false, type: 'timestamp with offset, not before triggeredAt', default: 'empty: not yet' },
      { names: ['responders'], required: false, type: 'who carried it: names or emails separated by ; (at most 20)', default: 'empty: none; no column: keep the stored ones' },
    ],
    rules: 'The key is (source, externalId): re-importing a page updates it, e.g. once it has resolved. A file without a responders column keeps each page’s stored responders.',
    example: [
      'source,externalId,team,service,urgency,triggeredAt,acknowledgedAt,resolvedAt,responders',
      'pagerduty,Q1ZZ4RT9,payments,billing,high,2026-03-02T23:10:00+01:00,2026-03-02T23:14:00+01:00,2026-03-03T00:40:00+01:00,ana@acme.example;Ben Ito',
      'pagerduty,Q2AB77XK,payments,,low,2026-03-03T10:00:00Z,,,',
    ].join('\n'),
  },
  {
    kind: 'deploys',
    label: 'Deploys',
    input: 'DeployInput',
    summary: 'One line per deploy, with its outcome; only production deploys count.',
    columns: [
      { names: ['externalId'], required: true, type: 'text, the deploy’s id at its source' },
      { names: ['team'], required: true, type: 'team slug' },
      { names: ['deployedAt'], required: true, type: 'timestamp with offset' },
      { names: ['status'], required: true, type: 'SUCCEEDED, FAILED or ROLLED_BACK (any case)' },
      { names: ['source'], required: false, type: 'text', default: 'csv' },
      { names: ['service'], required: false, type: 'text', default: 'the whole team' },
      { names: ['environment'], required: false, type: 'text', default: 'production (only production counts)' },
      { names: ['leadTimeSeconds'], required: false, type: 'seconds ≥ 0, commit to production', default: 'unknown' },
    ],
    rules: 'The key is (source, externalId): re-importing a deploy updates it, e.g. when it is rolled back.',
    example: [
      'source,externalId,team,service,environment,deployedAt,status,leadTimeSeconds',
      'github,run-8812,payments,checkout-api,production,2026-03-02T12:00:00Z,SUCCEEDED,5400',
      'github,run-8813,payments,checkout-api,production,2026-03-02T15:30:00Z,ROLLED_BACK,',
    ].join('\n'),
  },
  {
    kind: 'pagerduty-incidents',
    label: 'PagerDuty incidents',
    input: 'PagerDuty’s incident export',
    summary: 'PagerDuty’s own incident CSV, as downloaded: one line per incident, routed to teams by source mappings.',
    columns: [
      { names: ['id'], required: true, type: 'PagerDuty incident id (the page’s externalId, source pagerduty)' },
      { names: ['created_on', 'created_at'], required: false, type: 'timestamp with offset; one of them is required' },
      { names: ['resolved_on', 'resolved_at'], required: false, type: 'timestamp with offset', default: 'from seconds_to_resolve, else open' },
      { names: ['seconds_to_first_ack', 'seconds_to_resolve'], required: false, type: 'seconds ≥ 0 after created', default: 'not acknowledged / not resolved' },
      { names: ['urgency'], required: false, type: 'high or low', default: 'high' },
      { names: ['service_id', 'team_id'], required: false, type: 'PagerDuty ids: route the page by source mapping', default: 'unrouted until mapped' },
      { names: ['service_name'], required: false, type: 'text', default: 'the whole team' },
    ],
    rules:
      'Any other column of the export is skipped. The page is the one the PagerDuty webhook and `headroom backfill pagerduty` write for the same incident, never a second one; unmapped services wait under Unrouted until `mapping set`.',
    example: [
      'id,created_on,resolved_on,seconds_to_first_ack,urgency,service_id,service_name',
      'Q3HDRM7,2026-03-09T21:30:00Z,2026-03-09T23:30:00Z,720,high,PSVCPAY,Payments API',
    ].join('\n'),
  },
  {
    kind: 'sprints',
    label: 'Sprints',
    input: 'SprintInput',
    summary: 'One line per sprint: its dates, who was in it, what it reserved for ops. Needs the plan scope.',
    columns: [
      { names: ['team'], required: true, type: 'team slug' },
      { names: ['name'], required: true, type: 'text, unique within the team' },
      { names: ['startDate', 'endDate'], required: true, type: 'YYYY-MM-DD, in the team’s time zone; endDate inclusive, at most 92 days on' },
      { names: ['capacityHours'], required: false, type: 'hours ≥ 0', default: 'computed: members × working days × focus hours − days off × focus hours' },
      { names: ['members'], required: false, type: 'whole number ≥ 0, who was in the sprint', default: 'the team’s members count' },
      { names: ['daysOff'], required: false, type: 'person-days ≥ 0', default: '0' },
      { names: ['reservedOpsShare'], required: false, type: 'share 0..1 (0.25 is 25%)', default: 'none reserved' },
      { names: ['featurePointsPlanned', 'featurePointsCompleted'], required: false, type: 'points ≥ 0', default: 'none' },
    ],
    rules:
      'The key is (team, name): re-importing a sprint updates it, and a line is the whole sprint (an empty cell is no value, not the stored one). A line with exactly the dates of a stored sprint of another name renames that sprint: one window is one sprint. A sprint keeps the guardrail version it was first planned under.',
    example: [
      'team,name,startDate,endDate,capacityHours,members,daysOff,reservedOpsShare,featurePointsPlanned,featurePointsCompleted',
      'payments,Sprint 40,2026-03-02,2026-03-15,,5,3,0.25,34,30',
      'payments,Sprint 41,2026-03-16,2026-03-29,,4,,0.3,28,',
    ].join('\n'),
  },
  {
    kind: 'teams',
    label: 'Teams',
    input: 'TeamInput',
    summary: 'One line per team: who carries the ops load. Needs the admin scope on a token not limited to teams.',
    columns: [
      { names: ['slug'], required: true, type: '1-64 characters of a-z, 0-9 and -' },
      { names: ['name'], required: true, type: 'text' },
      { names: ['timezone'], required: false, type: 'IANA time zone, e.g. Europe/Berlin', default: 'UTC (a stored team keeps its own)' },
      { names: ['members'], required: false, type: 'whole number ≥ 0', default: 'unknown (a stored team keeps its own)' },
      { names: ['focusHoursPerDay'], required: false, type: 'hours, more than 0 and at most 24', default: '6 (a stored team keeps its own)' },
    ],
    rules:
      'The key is slug: a new slug creates the team, a stored one updates it, and an empty cell keeps the stored value. Changing timezone re-splits the team’s stored pages. The hour schedule and archiving are set on the team page.',
    example: ['slug,name,timezone,members,focusHoursPerDay', 'payments,Payments,Europe/Berlin,6,6', 'search,Search,America/New_York,4,5.5'].join('\n'),
  },
];

export const FORMAT_BY_KIND = Object.fromEntries(IMPORT_FORMATS.map((f) => [f.kind, f])) as Record<ImportKind, ImportFormat>;

/** The server refuses larger files (docs/import.md, Limits); checked before sending. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** What `field` means in a line error when it is not a column (docs/import.md, Line numbers). */
export const SPECIAL_FIELDS: Record<string, string> = {
  '(header)': 'header row',
  '(line)': 'cell count',
  '(key)': 'repeated key',
  '(csv)': 'CSV syntax',
};
