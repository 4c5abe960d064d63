import type { Knex } from 'knex';
import type { Scope, Viewer } from '../core/viewer';
import { teamSlugsOfGroup } from '../groups/service';

/**
 * The viewer of a live token, as every way in (bearer, session, sign-in code) sees it. A token
 * limited to a group sees the group's teams as they are now — nested groups' teams and teams added
 * since the token was made included — read at each request, so every team rule (canSeeTeam,
 * authorize, the response cache's key) applies to a group token unchanged.
 */
export async function viewerOfToken(db: Knex, row: { id: string; name: string; scopes: Scope[]; teams: string[] | null; group_id?: number | null }): Promise<Viewer> {
  const groupId = row.group_id ?? null;
  if (groupId === null) return { tokenId: row.id, name: row.name, scopes: row.scopes, teams: row.teams };
  return { tokenId: row.id, name: row.name, scopes: row.scopes, teams: await teamSlugsOfGroup(db, groupId), groupId };
}
