import type { Context } from '../figures/context';
import type { DateRange } from '../core/dateRange';
import { authorize } from '../core/permissions';
import { responderLoadOf } from '../figures/responders';
import { requirePeopleShown } from '../privacy/service';
import { selectTeams } from './service';
import type { Cell } from './csv';

/**
 * The per-person rows of an export (kind=people), for the teams named or every team the viewer
 * sees: only when asked for by name, and never while the org hides per-person figures (FORBIDDEN
 * with the reason, before the first byte). A token limited to teams gets its own teams' people.
 */
export async function exportPeople(newContext: () => Context, slugs: string[] | null, range: DateRange): Promise<AsyncIterable<Cell[][]>> {
  const ctx = newContext();
  authorize(ctx.viewer, 'GET /api/export.csv');
  await requirePeopleShown(ctx);
  const teams = await selectTeams(ctx, slugs);
  return (async function* () {
    for (const team of teams) {
      const people = await responderLoadOf(ctx, team, range);
      yield people.map((p) => [team.slug, p.person, range.from, range.to, p.pages, p.pageHours, p.offHoursPageHours, p.sleepPageHours, p.sleepInterruptions]);
    }
  })();
}
