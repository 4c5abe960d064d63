import type { TeamRow } from '../teams/queries';
import type { TeamKpiFigures } from '../kpi/teamKpis';

/**
 * What a TeamKpis resolver receives (the GraphQL mapper of TeamKpis, codegen.ts): the figures
 * kpisFor computes, with the team and range they are of; `isPrevious` marks the previous range's.
 */
export type TeamKpisParent = TeamKpiFigures & { team: TeamRow; teamId: number; from: string; to: string; days: number; isPrevious?: boolean };
