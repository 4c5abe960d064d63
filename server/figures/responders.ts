import type { Scope } from '../core/scope';
import type { TeamRow } from '../teams/queries';
import { checkedRange, type DateRange } from '../core/dateRange';
import { pagesWithoutResponders, responderSums } from '../signals/responderQueries';
import { responderLoad } from '../kpi/responderLoad';
import { evenness } from '../kpi/evenness';
import { PEOPLE_HIDDEN, peopleHidden, requirePeopleShown } from '../privacy/service';

/**
 * Who carried a team's pages over a range, and how much. Like Team.kpis it reads a team the viewer
 * was already allowed to see (visibleTeam / visibleTeams authorize 'Query.team' and the token's
 * teams), so a token limited to teams sees only its own teams' people. The org may hide
 * per-person figures: this list cannot answer null (its type is a non-null list, public since
 * before the setting), so it answers FORBIDDEN with the reason; responderFiguresOf answers null.
 */
export async function responderLoadOf(scope: Scope, team: TeamRow, range: DateRange) {
  await requirePeopleShown(scope);
  return responderLoad(await responderSums(scope.db, team.id, checkedRange(range)));
}

/**
 * The per-person figures (null with the reason when the org hides them), how evenly the page
 * hours fell (always: it names nobody) and the range's pages that named no responder (so an empty
 * list can say why). Evenness is computed from the published per-person hours, the figures a
 * reader could add up themselves.
 */
export async function responderFiguresOf(scope: Scope, team: TeamRow, range: DateRange) {
  const checked = checkedRange(range);
  const [rows, hidden, unnamed] = await Promise.all([
    responderSums(scope.db, team.id, checked),
    peopleHidden(scope),
    pagesWithoutResponders(scope.db, team.id, checked),
  ]);
  const people = responderLoad(rows);
  return {
    people: hidden ? null : people,
    peopleHiddenReason: hidden ? PEOPLE_HIDDEN : null,
    evenness: evenness(people.map((p) => p.pageHours)),
    pagesWithoutResponders: unnamed,
  };
}
