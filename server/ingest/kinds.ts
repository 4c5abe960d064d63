import { dailyMetricsKind } from './dailyMetrics';
import { pagesKind } from './pages';
import { deploysKind } from './deploys';
import type { CsvKind } from './csvImport';
import { teamsCsv } from './teams';
import { pagerdutyIncidentsCsv } from './pagerdutyCsv';

// The ingest kinds a file can be imported as (CSV over HTTP and the command line), and how each
// CSV column is read. Headers are the GraphQL input field names, so a CSV file and a GraphQL
// batch describe the same records. Timestamps stay ISO strings: the kinds parse them (with an
// offset, as the DateTime scalar requires) so a bad one is reported on its line. A line without
// a source is recorded as source "csv" (GraphQL's default is "api"): the source says who sent it.
const fromCsv = { source: 'csv' };

const daily: CsvKind = {
  kind: dailyMetricsKind,
  columns: {
    types: {
      team: 'text', date: 'text', source: 'text', service: 'text',
      alerts: 'number', pages: 'number', pageHours: 'number', offHoursPageHours: 'number',
      sleepPageHours: 'number', sleepInterruptions: 'number', deploys: 'number',
      failedDeploys: 'number', toilHours: 'number',
    },
    required: ['team', 'date'],
    defaults: fromCsv,
  },
};

const pages: CsvKind = {
  kind: pagesKind,
  columns: {
    types: {
      source: 'text', externalId: 'text', team: 'text', service: 'text', urgency: 'text',
      triggeredAt: 'dateTime', acknowledgedAt: 'dateTime', resolvedAt: 'dateTime', responders: 'list',
    },
    required: ['externalId', 'team', 'triggeredAt'],
    defaults: fromCsv,
  },
};

const deploys: CsvKind = {
  kind: deploysKind,
  columns: {
    types: {
      source: 'text', externalId: 'text', team: 'text', service: 'text', environment: 'text',
      deployedAt: 'dateTime', status: 'text', leadTimeSeconds: 'number',
    },
    required: ['externalId', 'team', 'deployedAt', 'status'],
    defaults: fromCsv,
  },
};

// pagerduty-incidents: PagerDuty's own incident export, its own column names (server/ingest/pagerdutyCsv.ts).
export const INGEST_KINDS = { daily, pages, deploys, teams: teamsCsv, 'pagerduty-incidents': pagerdutyIncidentsCsv } satisfies Record<string, CsvKind>;

export type IngestKindName = keyof typeof INGEST_KINDS;

export const INGEST_KIND_NAMES = Object.keys(INGEST_KINDS) as IngestKindName[];

export function csvKindOf(name: string): CsvKind | undefined {
  return Object.hasOwn(INGEST_KINDS, name) ? INGEST_KINDS[name as IngestKindName] : undefined;
}
