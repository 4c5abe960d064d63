/**
 * The shape rules of groups, pure: nesting at most MAX_DEPTH levels, no cycles, paths for display.
 * The service checks a change against the stored groups with these, under a lock (service.ts).
 */

/** A group is at most this many levels deep: a department, its tribes, their squads' group. */
export const MAX_DEPTH = 3;

export interface GroupNode {
  id: number;
  name: string;
  parentId: number | null;
}

/** What joins the names of a path: "Platform / Data". */
export const PATH_SEPARATOR = ' / ';

/** The group and its ancestors, top first; a cycle in stored data stops the walk (it cannot be stored, but a walk never loops). */
export function lineage(groups: readonly GroupNode[], id: number): GroupNode[] {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const chain: GroupNode[] = [];
  const seen = new Set<number>();
  for (let g = byId.get(id); g && !seen.has(g.id); g = g.parentId === null ? undefined : byId.get(g.parentId)) {
    seen.add(g.id);
    chain.unshift(g);
  }
  return chain;
}

/** Names from the top group down to this one, joined by " / "; '' for an unknown id. */
export function pathOf(groups: readonly GroupNode[], id: number): string {
  return lineage(groups, id).map((g) => g.name).join(PATH_SEPARATOR);
}

/** 1 for a top-level group, 2 for its children, … */
export function depthOf(groups: readonly GroupNode[], id: number): number {
  return lineage(groups, id).length;
}

/** The group and every group nested in it, at any depth. */
export function subtreeIds(groups: readonly GroupNode[], id: number): Set<number> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of groups) {
      if (g.parentId !== null && ids.has(g.parentId) && !ids.has(g.id)) {
        ids.add(g.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Levels of the subtree under and including the group: 1 for a group without subgroups. */
export function heightOf(groups: readonly GroupNode[], id: number): number {
  const children = groups.filter((g) => g.parentId === id);
  return 1 + Math.max(0, ...children.map((c) => heightOf(groups, c.id)));
}

/**
 * Why the group `id` cannot hang under `parentId` (null: the top level), or null when it can. A new
 * group is checked with an id no stored group has. Cycles: a group cannot sit under itself or under
 * one of its own subgroups. Depth: the parent's depth plus the levels the group brings must stay
 * within MAX_DEPTH.
 */
export function placementProblem(groups: readonly GroupNode[], id: number, parentId: number | null): string | null {
  if (parentId === null) return heightOf(groups, id) > MAX_DEPTH ? `would be more than ${MAX_DEPTH} levels deep` : null;
  const parent = groups.find((g) => g.id === parentId);
  if (!parent) return `no group with id "${parentId}"`;
  if (subtreeIds(groups, id).has(parentId)) {
    return parentId === id ? 'a group cannot be its own parent' : `"${parent.name}" is nested in this group: moving it there would make a cycle`;
  }
  const depth = depthOf(groups, parentId) + heightOf(groups, id);
  if (depth > MAX_DEPTH) {
    return `groups nest at most ${MAX_DEPTH} levels: under "${pathOf(groups, parentId)}" (level ${depthOf(groups, parentId)}) this group${heightOf(groups, id) > 1 ? ' and its subgroups' : ''} would reach level ${depth}`;
  }
  return null;
}
