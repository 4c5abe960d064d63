import { z } from 'zod';
import type { Knex } from 'knex';
import { calendarDate, count, hours, slug, text } from '../core/fields';
import { validateTeamRecords } from '../teams/teamRecords';
import { upsertDailyMetrics, type DailyMetricsRow } from './queries';
import { ingestBatch, type IngestKind } from './kind';
import type { Viewer } from '../core/viewer';

// Omitted numbers are 0, omitted source is "api", omitted service is the whole team ('').
const num = <T extends z.ZodTypeAny>(s: T) => s.nullish().transform((v) => (v ?? 0) as number);
export const dailyMetricsInput = z
  .object({
    team: slug,
    date: calendarDate,
    source: text.nullish().transform((v) => v ?? 'api'),
    service: text.nullish().transform((v) => v ?? ''),
    alerts: num(count),
    pages: num(count),
    pageHours: num(hours),
    offHoursPageHours: num(hours),
    sleepPageHours: num(hours),
    sleepInterruptions: num(count),
    deploys: num(count),
    failedDeploys: num(count),
    toilHours: num(hours),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.offHoursPageHours + r.sleepPageHours > r.pageHours + 1e-9)
      ctx.addIssue({ code: 'custom', path: ['pageHours'], message: `offHoursPageHours + sleepPageHours (${r.offHoursPageHours + r.sleepPageHours}) must not exceed pageHours (${r.pageHours})` });
    if (r.failedDeploys > r.deploys)
      ctx.addIssue({ code: 'custom', path: ['failedDeploys'], message: `must not exceed deploys (${r.deploys})` });
    if (r.sleepInterruptions > r.pages)
      ctx.addIssue({ code: 'custom', path: ['sleepInterruptions'], message: `must not exceed pages (${r.pages})` });
  });
export type DailyMetricsInput = z.output<typeof dailyMetricsInput>;

function dailyRow(r: DailyMetricsInput, teamId: number): DailyMetricsRow {
  return {
    team_id: teamId,
    date: r.date,
    source: r.source,
    service: r.service,
    alerts: r.alerts,
    pages: r.pages,
    page_hours: r.pageHours,
    off_hours_page_hours: r.offHoursPageHours,
    sleep_page_hours: r.sleepPageHours,
    sleep_interruptions: r.sleepInterruptions,
    deploys: r.deploys,
    failed_deploys: r.failedDeploys,
    toil_hours: r.toilHours,
  };
}

/** Daily aggregates: re-sending a (team, date, source, service) REPLACES that row, never adds to it. */
export const dailyMetricsKind: IngestKind<DailyMetricsRow> = {
  noun: 'daily metrics',
  validate: (db, records) => validateTeamRecords(db, dailyMetricsInput, records, dailyRow, (r) => dailyMetricsKind.keyOf(r), 'date'),
  keyOf: (r) => `${r.team_id}|${r.date}|${r.source}|${r.service}`,
  write: upsertDailyMetrics,
};

export const recordDailyMetrics = (db: Knex, input: unknown[], viewer: Viewer) => ingestBatch(db, dailyMetricsKind, input, viewer, 'Mutation.recordDailyMetrics');
