import type { Scope } from '../core/scope';
import type { TeamRow } from '../teams/queries';
import { checkedRange, type DateRange } from '../core/dateRange';
import { responderSums } from '../signals/responderQueries';
import { responderLoad } from '../kpi/responderLoad';

/**
 * Who carried a team's pages over a range, and how much. Like Team.kpis it reads a team the viewer
 * was already allowed to see (visibleTeam / visibleTeams authorize 'Query.team' and the token's
 * teams), so it adds no rule of its own.
 */
export async function responderLoadOf(scope: Scope, team: TeamRow, range: DateRange) {
  return responderLoad(await responderSums(scope.db, team.id, checkedRange(range)));
}
