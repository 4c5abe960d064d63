import type { Knex } from 'knex';
// The one re-split of stored events, shared by the domains that change what it depends on: teams
// (time zone, hour schedule), planning (page cap) and routing (events attributed to another team).
import { pagesOfTeam, resplitPages, type SplitInput } from './pageQueries';
import { relocateDeploys } from './deployQueries';

/**
 * Re-derives every day and hour class of a team's events from its current clock. Call it in the
 * transaction that changes the team's time zone, hour schedule or load model page cap
 * (maxHoursPerPage), so KPIs never mix the old and the new rule.
 */
export async function resplitTeamPages(db: Knex, teamId: number): Promise<void> {
  const run = async (trx: Knex.Transaction) => {
    await resplitPages(trx, await pagesOfTeam(trx, teamId));
    await relocateDeploys(trx, { teamId });
  };
  if (db.isTransaction) await run(db as Knex.Transaction);
  else await db.transaction(run);
}

/**
 * After the org default load model's page cap changed: re-splits every team that has no load
 * model of its own (they inherit the cap). Same transaction rule as resplitTeamPages.
 */
export async function resplitTeamsOnOrgDefault(db: Knex): Promise<void> {
  const run = async (trx: Knex.Transaction) => {
    const teams: { id: number }[] = await trx('teams')
      .select('id')
      .whereNotExists(trx('load_models').select(trx.raw('1')).whereRaw('load_models.team_id = teams.id'));
    for (const t of teams) await resplitTeamPages(trx, t.id);
  };
  if (db.isTransaction) await run(db as Knex.Transaction);
  else await db.transaction(run);
}

/**
 * After events were attributed to another team (a source mapping changed): re-derives the days and
 * hour classes of those pages and the local day of those deploys from their new team's clock.
 * Runs in the caller's transaction, the one that re-attributed them.
 */
export async function resplitMovedEvents(trx: Knex.Transaction, moved: { pages: SplitInput[]; deployIds: number[] }): Promise<void> {
  await resplitPages(trx, moved.pages);
  await relocateDeploys(trx, { ids: moved.deployIds });
}
