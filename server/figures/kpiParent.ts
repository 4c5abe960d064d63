import type { TeamRow } from '../teams/queries';
import type { TeamKpiFigures } from '../kpi/teamKpis';

/**
 * What a TeamKpis resolver receives (the GraphQL mapper of TeamKpis, codegen.ts): the figures
 * kpis.ts computes, with the team and range they are of, and the previous period's figures for the
 * deltas (computed beside them from the same batch of reads; null on a previous period's own, and
 * absent from the figures a snapshot froze, which keep no previous period).
 */
export type TeamKpisParent = TeamKpiFigures & {
  team: TeamRow;
  teamId: number;
  from: string;
  to: string;
  days: number;
  previousPeriod?: TeamKpisParent | null;
};
