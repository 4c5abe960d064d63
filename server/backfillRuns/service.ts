import { authorize } from '../core/permissions';
import { ForbiddenError } from '../core/errors';
import type { Scope } from '../core/scope';
import { latestRunPerSource, type BackfillRun } from './runs';

/** What each source's runs hold and how its command is written (server/cli/backfill*.ts). */
interface SourceSpec {
  source: string;
  /** The command's options, in the order it is written; each stored under the same name in params. */
  options: string[];
  /** The options of a source never backfilled, as placeholders. */
  placeholder: string;
  /** The environment variables the command needs (names only: values are secrets). */
  environment: string[];
  /** The counts a run records, in the order they are shown. */
  counts: string[];
  /** The days (UTC for PagerDuty and GitHub; the team's for Jira) the run read. */
  range(params: Record<string, unknown>): { since: string | null; until: string | null };
}

const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
/** The day of the instant before `at`: the last day an exclusive end covers. */
const dayBefore = (at: unknown) => (text(at) ? new Date(Date.parse(at as string) - 1).toISOString().slice(0, 10) : null);

export const BACKFILL_SOURCES: readonly SourceSpec[] = [
  {
    source: 'pagerduty',
    options: ['since', 'until'],
    placeholder: '--since YYYY-MM-DD',
    environment: ['PAGERDUTY_API_KEY'],
    counts: ['incidents', 'inserted', 'updated', 'unchanged', 'unrouted', 'skipped'],
    // Without --until a run reads up to when it started (untilAt).
    range: (p) => ({ since: text(p.since), until: text(p.until) ?? dayBefore(p.untilAt) }),
  },
  {
    source: 'github',
    options: ['repo', 'since', 'until'],
    placeholder: '--repo OWNER/NAME --since YYYY-MM-DD',
    environment: ['GITHUB_TOKEN'],
    counts: ['deployments', 'notFinal', 'inserted', 'updated', 'unchanged', 'production', 'unrouted', 'withLeadTime', 'pages', 'requests'],
    range: (p) => ({ since: text(p.since), until: text(p.until) }),
  },
  {
    source: 'jira',
    options: ['board', 'team'],
    placeholder: '--board ID --team SLUG',
    environment: ['JIRA_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN'],
    counts: ['read', 'recorded', 'skipped', 'requests'],
    // The days from the first recorded sprint's start to the last one's end.
    range: (p) => ({ since: text(p.since), until: text(p.until) }),
  },
];

export interface BackfillSummary {
  source: string;
  params: string | null;
  since: string | null;
  until: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  counts: { name: string; value: number }[];
  command: string;
  environment: string[];
}

/** A value as a shell word: the options' values are plain (dates, slugs, owner/name), quoted otherwise. */
const shellWord = (v: string) => (/^[\w./:@-]+$/.test(v) ? v : `'${v.replaceAll("'", `'\\''`)}'`);

/** The run's options as the command line wrote them, e.g. "--repo acme/api --since 2026-06-01 --until 2026-11-29". */
export function optionsText(spec: SourceSpec, params: Record<string, unknown>): string {
  return spec.options.flatMap((o) => {
    const v = params[o];
    return v === null || v === undefined || v === '' ? [] : [`--${o} ${shellWord(String(v))}`];
  }).join(' ');
}

export function describeRun(spec: SourceSpec, run: BackfillRun<unknown, Record<string, unknown>> | undefined): BackfillSummary {
  const params = run ? optionsText(spec, run.params) : null;
  const counts = run ? spec.counts.flatMap((name) => (typeof run.counts[name] === 'number' ? [{ name, value: run.counts[name] as number }] : [])) : [];
  return {
    source: spec.source,
    params,
    ...(run ? spec.range(run.params) : { since: null, until: null }),
    startedAt: run?.startedAt ?? null,
    finishedAt: run?.finishedAt ?? null,
    counts,
    command: `npm run headroom -- backfill ${spec.source} ${params ?? spec.placeholder}`,
    environment: spec.environment,
  };
}

/**
 * The latest backfill of each source (PagerDuty, GitHub, Jira), one entry per source even when it
 * never ran. Backfills bring signals of every team (and unrouted ones), so only a token not
 * limited to teams sees them.
 */
export async function latestBackfills(scope: Scope): Promise<BackfillSummary[]> {
  authorize(scope.viewer, 'Query.backfills');
  if (scope.viewer.teams !== null) {
    throw new ForbiddenError(`Backfills bring in every team's history: the token "${scope.viewer.name}" is limited to ${scope.viewer.teams.join(', ') || 'no team'}, so it cannot see them.`);
  }
  const runs = await latestRunPerSource(scope.db);
  return BACKFILL_SOURCES.map((spec) => describeRun(spec, runs.find((r) => r.source === spec.source)));
}
