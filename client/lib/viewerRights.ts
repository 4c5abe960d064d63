/** What a signed-in viewer may change, for showing editors and nav items (the server decides anyway). */
import type { Viewer } from '../graphql/operations';

const plans = (v: Viewer) => v.scopes.includes('plan') || v.scopes.includes('admin');

/** The org defaults (guardrails, load model) need the plan scope on a token not limited to teams. */
export function canChangeOrgDefaults(viewer: Viewer | null | undefined): boolean {
  return !!viewer && plans(viewer) && viewer.teams === null;
}

/** A team's guardrails and load model need the plan scope and the team within the token's teams. */
export function canPlanTeam(viewer: Viewer | null | undefined, slug: string): boolean {
  return !!viewer && plans(viewer) && (viewer.teams === null || viewer.teams.includes(slug));
}

/** Teams are created, changed and archived with the admin scope on a token not limited to teams. */
export function canManageTeams(viewer: Viewer | null | undefined): boolean {
  return !!viewer && viewer.scopes.includes('admin') && viewer.teams === null;
}
