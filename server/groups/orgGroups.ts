import type { Scope } from '../core/scope';
import { listGroups, type GroupRow } from './queries';

// Every group, read once per request: paths, parents and depths of a whole overview come from one
// small query (an org has tens of groups) instead of one per field.
const perRequest = new WeakMap<object, Promise<GroupRow[]>>();

/** All groups of the org (not filtered by viewer: for paths and parents of groups already visible). */
export function orgGroups(ctx: Scope): Promise<GroupRow[]> {
  let groups = perRequest.get(ctx);
  if (!groups) {
    groups = listGroups(ctx.db);
    perRequest.set(ctx, groups);
  }
  return groups;
}
