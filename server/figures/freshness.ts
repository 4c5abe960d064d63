import type { Scope } from '../core/scope';
import { authorize } from '../core/permissions';
import { permittedTeamIds } from '../teams/visible';
import { freshnessBySource } from '../signals/queries';

/** When each source last sent something, from the viewer's teams' rows (all rows for an org-wide viewer). */
export async function freshness(scope: Scope) {
  authorize(scope.viewer, 'Query.freshness');
  return freshnessBySource(scope.db, await permittedTeamIds(scope.db, scope.viewer));
}
