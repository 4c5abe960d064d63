import { DateTime } from 'luxon';
import { addDays } from '../core/calendar';
import { BadInputError, NotFoundError } from '../core/errors';
import type { Scope } from '../core/scope';
import { teamBySlug } from '../teams/queries';
import { upsertSprints } from '../planning/sprints';
import { teamSprints, type SprintRow } from '../planning/sprintQueries';
import type { JiraClient } from './jiraClient';
import { recordFinishedRun } from '../backfillRuns/runs';

export const JIRA = 'jira';

/**
 * A sprint of the Agile REST API's "Get all sprints" (GET /rest/agile/1.0/board/{boardId}/sprint,
 * developer.atlassian.com/cloud/jira/software/rest/api-group-board/): instants with an offset; a
 * future sprint may have no dates yet.
 */
export interface JiraSprint {
  id: number;
  name: string;
  state: 'closed' | 'active' | 'future' | string;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
}

/** A Jira sprint as a Headroom window: dates in the team's zone, the last day inclusive. */
export interface SprintWindow {
  jiraId: number;
  name: string;
  state: string;
  startDate: string;
  endDate: string;
}

export interface JiraBackfillSummary {
  board: string;
  team: string;
  read: number;
  /** Sprints written (new or updated), with their windows. */
  sprints: SprintRow[];
  /** Sprints left out, each with why (a future sprint without dates, a window the next sprint covers). */
  skipped: { name: string; reason: string }[];
  requests: number;
}

/**
 * Reads a Scrum board's closed, active and future sprints and upserts them as the team's sprints,
 * all or nothing (re-running updates them: by name, or by window when Jira renamed one). A new
 * past sprint takes the guardrail version in force at its start (upsertSprints' versionAtStart);
 * a sprint already recorded keeps its own. The run is recorded in backfill_runs in the same
 * transaction, with the days its sprints cover (since, until): nothing of a refused run is kept.
 */
export async function backfillJiraSprints(scope: Scope, client: JiraClient, board: string, teamSlug: string): Promise<JiraBackfillSummary> {
  const startedAt = new Date();
  // The team first: a wrong slug costs no request to Jira.
  const team = await teamBySlug(scope.db, teamSlug);
  if (!team) throw new NotFoundError(`No team with slug "${teamSlug}".`);
  const read: JiraSprint[] = [];
  for await (const page of client.pages<JiraSprint>(`rest/agile/1.0/board/${encodeURIComponent(board)}/sprint`, { state: 'closed,active,future' })) read.push(...page);
  const { windows, skipped } = sprintWindows(read, team.timezone);
  // Jira knows names and dates only: what Headroom holds of a sprint already (its plan's reserved
  // share, capacity, head count, days off, points) is sent along unchanged, not erased.
  const stored = await teamSprints(scope.db, team.id);
  const input = windows.map((w) => {
    const known = stored.find((s) => s.name === w.name) ?? stored.find((s) => s.startDate === w.startDate && s.endDate === w.endDate);
    return { team: team.slug, name: w.name, startDate: w.startDate, endDate: w.endDate, ...(known ? plannedFields(known) : {}) };
  });
  let sprints: SprintRow[];
  try {
    sprints = await scope.db.transaction(async (trx) => {
      const written = await upsertSprints({ ...scope, db: trx }, input, { versionAtStart: true });
      const params = { board, team: team.slug, since: windows[0]?.startDate ?? null, until: windows.at(-1)?.endDate ?? null };
      const counts = { read: read.length, recorded: written.length, skipped: skipped.length, requests: client.requests };
      await recordFinishedRun(trx, JIRA, params, counts, startedAt);
      return written;
    });
  } catch (e) {
    // Name the Jira sprint at fault, not its place in a batch the user never saw.
    if (!(e instanceof BadInputError)) throw e;
    throw new BadInputError(e.message, e.records.map((r) => ({ ...r, message: `Jira sprint "${windows[r.index]?.name}" (id ${windows[r.index]?.jiraId}): ${r.message}` })));
  }
  return { board, team: team.slug, read: read.length, sprints, skipped, requests: client.requests };
}

function plannedFields(s: SprintRow) {
  return {
    capacityHours: s.capacityHours, members: s.members, daysOff: s.daysOff, reservedOpsShare: s.reservedOpsShare,
    featurePointsPlanned: s.featurePointsPlanned, featurePointsCompleted: s.featurePointsCompleted,
  };
}

/**
 * Jira sprints as windows that cover each day once. A sprint runs from the day of its start to the
 * day of its end — a closed one's completeDate (when it really ended), else its endDate — in the
 * team's zone. A sprint is whole days: one that ends at or before the time of day it started (Monday
 * 09:00 to Monday 09:00, or an end at midnight) ends the day before, so a two-week sprint is 14
 * days even when no sprint follows it. Jira sprints usually end the day the
 * next one starts, so a window is cut back to the day before the next sprint's start; one the next
 * sprint covers entirely is left out, as is a sprint without dates.
 */
export function sprintWindows(sprints: readonly JiraSprint[], timezone: string): { windows: SprintWindow[]; skipped: { name: string; reason: string }[] } {
  const skipped: { name: string; reason: string }[] = [];
  const dated: SprintWindow[] = [];
  for (const s of sprints) {
    const end = (s.state === 'closed' && s.completeDate) || s.endDate;
    const start = s.startDate ? local(s.startDate, timezone) : null;
    const startDay = start?.toISODate() ?? null;
    const endDay = start && end ? lastDay(start, end, timezone) : null;
    if (!startDay || !endDay) {
      skipped.push({ name: s.name, reason: `${s.state} sprint without ${startDay ? 'an end' : 'a start'} date` });
      continue;
    }
    dated.push({ jiraId: s.id, name: s.name, state: s.state, startDate: startDay, endDate: endDay < startDay ? startDay : endDay });
  }
  dated.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.jiraId - b.jiraId));
  const windows: SprintWindow[] = [];
  for (const [i, w] of dated.entries()) {
    const next = dated.slice(i + 1).find((n) => n.startDate > w.startDate);
    const endDate = next && w.endDate >= next.startDate ? addDays(next.startDate, -1) : w.endDate;
    if (dated.some((o, j) => j > i && o.startDate === w.startDate)) {
      skipped.push({ name: w.name, reason: `starts the same day as sprint "${dated.find((o, j) => j > i && o.startDate === w.startDate)!.name}"` });
      continue;
    }
    windows.push({ ...w, endDate });
  }
  return { windows, skipped };
}

/** An instant in the team's zone; null when unreadable. */
function local(instant: string, timezone: string): DateTime | null {
  const t = DateTime.fromISO(instant, { setZone: true });
  return t.isValid ? t.setZone(timezone) : null;
}

/**
 * The last day a sprint ran, in the team's zone: its end's day, or the day before when the end comes
 * at or before the time of day the sprint started (nothing of that day was the sprint's own).
 */
function lastDay(start: DateTime, endInstant: string, timezone: string): string | null {
  const end = local(endInstant, timezone);
  if (!end) return null;
  const timeOfDay = (t: DateTime) => t.diff(t.startOf('day')).toMillis();
  return (timeOfDay(end) <= timeOfDay(start) ? end.minus({ days: 1 }) : end).toISODate();
}
