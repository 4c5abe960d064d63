import { z } from 'zod';
import type { Knex } from 'knex';
import { calendarDate, count, hours, slug, text, validateRecords, duplicateKeys } from '../validation/fields';
import { resolveTeamIds } from '../teams/service';
import { upsertDailyMetrics, type DailyMetricsRow } from './queries';
import { ingestBatch, type IngestKind } from './kind';
import type { Viewer } from '../auth/viewer';

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

/** Daily aggregates: re-sending a (team, date, source, service) REPLACES that row, never adds to it. */
export const dailyMetricsKind: IngestKind<DailyMetricsRow> = {
  noun: 'daily metrics',
  async validate(db, records) {
    const { values, errors } = validateRecords(dailyMetricsInput, records);
    const teams = await resolveTeamIds(db, values);
    // Indexes of `values` shift past invalid records, so team errors are only trusted when all parsed.
    if (errors.length) return { rows: [], errors };
    errors.push(...teams.errors);
    const rows = values.map((r) => ({
      team_id: teams.ids.get(r.team) ?? 0,
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
    }));
    errors.push(...duplicateKeys(rows, dailyMetricsKind.keyOf, 'date'));
    return { rows, errors };
  },
  keyOf: (r) => `${r.team_id}|${r.date}|${r.source}|${r.service}`,
  write: upsertDailyMetrics,
};

export const recordDailyMetrics = (db: Knex, input: unknown[], viewer: Viewer) => ingestBatch(db, dailyMetricsKind, input, viewer);
