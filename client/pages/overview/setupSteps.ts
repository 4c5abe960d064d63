/** The getting-started steps of a new install, each ticked from the data itself, never from a stored flag. */
import type { OverviewRow } from '../../graphql/operations';
import type { GettingStartedQuery } from '../../graphql/generated/graphql';

export type StepKey = 'team' | 'source' | 'figures' | 'plan';

export interface StepsDone {
  team: boolean;
  source: boolean;
  figures: boolean;
  plan: boolean;
}

/**
 * Teams exist; some source sent data; a team shows figures in the range (any status but No data);
 * a sprint is recorded (an accepted plan records one; synthetic windows do not count).
 */
export function stepsDone(setup: GettingStartedQuery, overview: readonly OverviewRow[]): StepsDone {
  return {
    team: setup.teams.length > 0,
    source: setup.freshness.length > 0,
    figures: overview.some((r) => r.status !== 'NO_DATA'),
    plan: setup.teams.some((t) => t.sprints.some((s) => !s.synthetic)),
  };
}

export const allDone = (d: StepsDone) => d.team && d.source && d.figures && d.plan;
