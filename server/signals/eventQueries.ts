import type { Knex } from 'knex';
import type { DateRange } from '../core/dateRange';
import { publishedOrNull } from '../kpi/format';

/** A median over the events of a team and range, and how many events it was taken over. */
export interface Median {
  /** Seconds; null when no event qualifies (a median of nothing is undefined, not zero). */
  seconds: number | null;
  count: number;
}

// Pages and deploys belong to the range by the day they happened on in the team's time zone
// (local_date), like every other figure. Daily aggregates carry no durations, so medians come
// from events only.

async function medianByTeam(db: Knex, teamIds: readonly number[], sql: string, bindings: Knex.RawBinding[]): Promise<Map<number, Median>> {
  if (teamIds.length === 0) return new Map();
  const { rows } = await db.raw(
    `SELECT t.id AS "teamId", x.seconds, COALESCE(x.count, 0)::int AS count
       FROM teams t
       LEFT JOIN (${sql}) x ON x.team_id = t.id
      WHERE t.id = ANY(?::int[])`,
    [...bindings, [...teamIds]],
  );
  return new Map((rows as { teamId: number; seconds: number | null; count: number }[]).map((r) => [r.teamId, { seconds: publishedOrNull('seconds', r.seconds), count: r.count }]));
}

/** Median seconds from trigger to first acknowledgement of the pages triggered in the range. */
export function medianTimeToAcknowledge(db: Knex, teamIds: readonly number[], range: DateRange): Promise<Map<number, Median>> {
  return medianByTeam(
    db,
    teamIds,
    `SELECT team_id, COUNT(*) AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM acknowledged_at - triggered_at))::float8 AS seconds
       FROM page_events
      WHERE team_id = ANY(?::int[]) AND local_date BETWEEN ?::date AND ?::date AND acknowledged_at IS NOT NULL
      GROUP BY team_id`,
    [[...teamIds], range.from, range.to],
  );
}

/**
 * Median seconds from trigger to resolution of the resolved pages triggered in the range — the
 * real duration, not capped by maxHoursPerPage (the cap bounds ops hours, not response times).
 */
export function medianTimeToResolve(db: Knex, teamIds: readonly number[], range: DateRange): Promise<Map<number, Median>> {
  return medianByTeam(
    db,
    teamIds,
    `SELECT team_id, COUNT(*) AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM resolved_at - triggered_at))::float8 AS seconds
       FROM page_events
      WHERE team_id = ANY(?::int[]) AND local_date BETWEEN ?::date AND ?::date AND resolved_at IS NOT NULL
      GROUP BY team_id`,
    [[...teamIds], range.from, range.to],
  );
}

/**
 * Median lead time of the SUCCEEDED deploys to `environment` (production by default) in the range
 * that carry one, as docs/ingestion.md says: DORA's lead time is "commit to running in production",
 * and a FAILED deploy never ran there while a ROLLED_BACK one did not stay (a rollback after ten
 * days would otherwise drag an ELITE median down to HIGH).
 */
export function medianLeadTime(db: Knex, teamIds: readonly number[], range: DateRange, environment = 'production'): Promise<Map<number, Median>> {
  return medianByTeam(
    db,
    teamIds,
    `SELECT team_id, COUNT(*) AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY lead_time_seconds)::float8 AS seconds
       FROM deploy_events
      WHERE team_id = ANY(?::int[]) AND local_date BETWEEN ?::date AND ?::date
        AND lower(environment) = lower(?) AND lead_time_seconds IS NOT NULL AND status = 'SUCCEEDED'
      GROUP BY team_id`,
    [[...teamIds], range.from, range.to, environment],
  );
}
