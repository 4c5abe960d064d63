import { z } from 'zod';
import type { Knex } from 'knex';
import { calendarDate, count, hours, slug, text, validateRecords, duplicateKeys, batchSizeError } from '../validation/fields';
import { throwIfBad } from '../graphql/errors';
import { resolveTeamIds } from '../teams/service';
import { upsertDailyMetrics, type DailyMetricsRow } from './queries';

export interface IngestResult {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

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

/**
 * Records per-team daily aggregates. Re-sending a (team, date, source, service) REPLACES that
 * row. The batch is validated whole and written in one transaction: one bad record, nothing written.
 */
export async function recordDailyMetrics(db: Knex, input: unknown[]): Promise<IngestResult> {
  const { values, errors } = validateRecords(dailyMetricsInput, input);
  errors.push(...batchSizeError(input.length));
  throwIfBad(errors, 'daily metrics');
  errors.push(...duplicateKeys(values, (r) => `${r.team}|${r.date}|${r.source}|${r.service}`, 'date'));
  const teams = await resolveTeamIds(db, values);
  errors.push(...teams.errors);
  throwIfBad(errors, 'daily metrics');
  const rows: DailyMetricsRow[] = values.map((r) => ({
      team_id: teams.ids.get(r.team)!,
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
  const { inserted, updated } = await db.transaction((trx) => upsertDailyMetrics(trx, rows));
  return { received: input.length, inserted, updated, unchanged: input.length - inserted - updated };
}
