import type { Knex } from 'knex';
import { shareRange, trackRecord, type ShareRange, type TrackRecord } from '../kpi/odds';
import { BUILT_IN_POLICY, policiesByIds, type PolicyVersion } from './guardrailQueries';
import { sprintPolicyIds } from './sprintQueries';

export interface PlanOdds {
  odds: ShareRange;
  trackRecord: TrackRecord;
}

/**
 * The range beside a team's plan and the backtest of its recommendation, from its recorded finished
 * sprints with a known ops share (newest first). The range goes with today's projection, so it is
 * measured under today's policy; each backtested sprint is replayed under the guardrail version it is
 * judged by (as `Team.sprints` judges it: none recorded → the built-in defaults).
 */
export async function planOdds(
  db: Knex,
  teamId: number,
  finished: readonly { name: string; opsShare: number }[],
  current: PolicyVersion,
  projection: number,
): Promise<PlanOdds> {
  const ids = await sprintPolicyIds(db, teamId, finished.map((s) => s.name));
  const versions = await policiesByIds(db, [...new Set([...ids.values()].filter((id): id is number => id !== null))]);
  const judged = finished.map((s) => {
    const id = ids.get(s.name) ?? null;
    return { name: s.name, opsShare: s.opsShare, policy: id === null ? BUILT_IN_POLICY : versions.get(id) ?? current };
  });
  const history = finished.map((s) => ({ name: s.name, opsShare: s.opsShare }));
  return { odds: shareRange(history, current, projection), trackRecord: trackRecord(judged) };
}

/** A team that records no sprints has no history of sprints planned and judged to measure odds on. */
export const NO_SPRINTS_ODDS: PlanOdds = {
  odds: {
    p50Share: null, p80Share: null, basedOnSprints: 0,
    sentence: 'There is no range: the team records no sprints, and a range needs sprints planned one after the other to compare with the projection made before each.',
  },
  trackRecord: {
    sprints: 0, held: 0, p80Sprints: 0, p80Exceeded: 0, backtest: [],
    sentence: 'There is no track record: the team records no sprints to replay the recommendation on.',
  },
};
