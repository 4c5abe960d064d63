import type { Knex } from 'knex';
import { calendarDateProblem } from '../core/fields';
import { BadInputError } from '../core/errors';
import { PAGERDUTY, writePagerDutyPages, type PagerDutyPage } from '../ingest/pagerdutyPages';
import { PayloadError } from '../webhooks/payload';
import { advanceRun, startRun, unfinishedRun } from '../backfillRuns/runs';
import { needsLogEntries, pageOfIncident } from './pagerdutyIncidents';
import type { PagerDutyClient } from './pagerdutyClient';

/** What was asked: calendar dates (UTC), `until` inclusive; null until: up to when the run started. */
export interface PagerDutyBackfillParams {
  since: string;
  until: string | null;
}

/** Where a run is: the window being read (its start) and the offset within it. */
interface Cursor {
  window: string;
  offset: number;
}

export interface PagerDutyCounts {
  /** Incidents read from PagerDuty. */
  incidents: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Pages written without a team: their service (or team) has no source mapping yet. */
  unrouted: number;
  /** Incidents that could not be a page (e.g. a resolve before its trigger); the first ids in skippedIds. */
  skipped: number;
  skippedIds: string[];
}

export interface PagerDutyProgress extends PagerDutyCounts {
  /** Incidents read per second by this process. */
  rate: number;
}

export interface PagerDutyBackfillOptions {
  client: PagerDutyClient;
  /** Incidents per request: PagerDuty's classic pagination allows up to 100. */
  limit?: number;
  /**
   * Days per `since`/`until` window. PagerDuty answers at most six months per query and classic
   * pagination reaches only so deep, so a long range is read a window at a time.
   */
  windowDays?: number;
  now?: () => Date;
  onProgress?: (p: PagerDutyProgress) => void;
}

export interface PagerDutyBackfillResult {
  runId: number | null;
  resumed: boolean;
  since: Date;
  until: Date;
  counts: PagerDutyCounts;
}

const DAY = 86_400_000;
const EMPTY: PagerDutyCounts = { incidents: 0, inserted: 0, updated: 0, unchanged: 0, unrouted: 0, skipped: 0, skippedIds: [] };

/**
 * Reads a date range of PagerDuty incidents with their log entries and writes them as pages
 * (server/ingest/pagerdutyPages.ts: the webhook's source, key, lock and routing). Each page of
 * incidents is written in one transaction together with the run's cursor, so an interrupted run
 * loses nothing and the next run with the same range continues after the last page written. A
 * key PagerDuty refuses fails on the first request, before anything is written.
 */
export async function backfillPagerDuty(db: Knex, params: PagerDutyBackfillParams, opts: PagerDutyBackfillOptions): Promise<PagerDutyBackfillResult> {
  const { since, until } = checkParams(params, (opts.now ?? (() => new Date()))());
  const limit = opts.limit ?? 100;
  const windowMs = (opts.windowDays ?? 30) * DAY;

  const previous = await unfinishedRun<Cursor, PagerDutyCounts>(db, PAGERDUTY, { since: params.since, until: params.until });
  const untilAt = previous ? new Date(String(previous.params.untilAt)) : until;
  let runId = previous?.id ?? null;
  let cursor: Cursor | null = previous ? previous.cursor : { window: since.toISOString(), offset: 0 };
  const counts: PagerDutyCounts = { ...EMPTY, ...previous?.counts };
  const started = Date.now();
  let readHere = 0;

  while (cursor) {
    const windowStart = new Date(cursor.window);
    const windowEnd = new Date(Math.min(windowStart.getTime() + windowMs, untilAt.getTime()));
    const answer = await opts.client.incidents(windowStart, windowEnd, cursor.offset, limit);
    const pages: PagerDutyPage[] = [];
    for (const incident of answer.incidents) {
      const entries = needsLogEntries(incident) ? await opts.client.logEntries(incident.id) : [];
      try {
        pages.push(pageOfIncident(incident, entries));
      } catch (e) {
        if (!(e instanceof PayloadError)) throw e;
        counts.skipped++;
        if (counts.skippedIds.length < 20) counts.skippedIds.push(incident.id);
      }
    }
    // An empty page that says "more" would loop forever: the window is done.
    const next: Cursor | null = answer.more && answer.incidents.length > 0
      ? { window: cursor.window, offset: cursor.offset + answer.incidents.length }
      : windowEnd.getTime() < untilAt.getTime() ? { window: windowEnd.toISOString(), offset: 0 } : null;

    await db.transaction(async (trx) => {
      const w = await writePagerDutyPages(trx, pages);
      counts.incidents += answer.incidents.length;
      counts.inserted += w.inserted;
      counts.updated += w.updated;
      counts.unchanged += pages.length - w.inserted - w.updated;
      counts.unrouted += w.unrouted;
      runId ??= await startRun(trx, PAGERDUTY, { since: params.since, until: params.until, untilAt: untilAt.toISOString() }, counts, new Date(started));
      await advanceRun(trx, runId, next, counts, next === null);
    });
    readHere += answer.incidents.length;
    opts.onProgress?.({ ...counts, rate: readHere / Math.max(0.001, (Date.now() - started) / 1000) });
    cursor = next;
  }
  return { runId, resumed: !!previous, since, until: untilAt, counts };
}

/** The range as instants: since at 00:00 UTC, until at the end of its day (or now). */
function checkParams(p: PagerDutyBackfillParams, now: Date): { since: Date; until: Date } {
  const records = [];
  const sinceProblem = calendarDateProblem(p.since);
  if (sinceProblem) records.push({ index: 0, field: 'since', message: sinceProblem });
  const untilProblem = p.until === null ? null : calendarDateProblem(p.until);
  if (untilProblem) records.push({ index: 0, field: 'until', message: untilProblem });
  if (records.length === 0) {
    const since = new Date(`${p.since}T00:00:00Z`);
    const until = p.until === null ? now : new Date(new Date(`${p.until}T00:00:00Z`).getTime() + DAY);
    if (since.getTime() >= now.getTime()) records.push({ index: 0, field: 'since', message: `must be before today (${now.toISOString().slice(0, 10)})` });
    else if (until.getTime() <= since.getTime()) records.push({ index: 0, field: 'until', message: `must not be before since (${p.since})` });
    else return { since, until };
  }
  throw new BadInputError(`Bad backfill range: ${records.map((r) => `--${r.field} ${r.message}`).join('; ')}`, records);
}
