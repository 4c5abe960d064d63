import { describe, it, expect } from 'vitest';
import { depthOf, heightOf, lineage, pathOf, placementProblem, subtreeIds, type GroupNode } from '../../../../server/groups/tree.js';

// Platform > Data > Streaming; Platform > Web; Product (alone).
const GROUPS: GroupNode[] = [
  { id: 1, name: 'Platform', parentId: null },
  { id: 2, name: 'Data', parentId: 1 },
  { id: 3, name: 'Streaming', parentId: 2 },
  { id: 4, name: 'Web', parentId: 1 },
  { id: 5, name: 'Product', parentId: null },
];

describe('group paths and levels', () => {
  it.each([
    [1, 'Platform', 1, 3, [1, 2, 3, 4]],
    [2, 'Platform / Data', 2, 2, [2, 3]],
    [3, 'Platform / Data / Streaming', 3, 1, [3]],
    [5, 'Product', 1, 1, [5]],
  ])('group %i: path %s, depth %i, height %i', (id, path, depth, height, subtree) => {
    expect(pathOf(GROUPS, id)).toBe(path);
    expect(depthOf(GROUPS, id)).toBe(depth);
    expect(heightOf(GROUPS, id)).toBe(height);
    expect([...subtreeIds(GROUPS, id)].sort()).toEqual(subtree);
  });

  it('has an empty path for an unknown id, and stops at a cycle in bad data', () => {
    expect(pathOf(GROUPS, 99)).toBe('');
    const loop: GroupNode[] = [{ id: 1, name: 'A', parentId: 2 }, { id: 2, name: 'B', parentId: 1 }];
    expect(lineage(loop, 1).map((g) => g.name)).toEqual(['B', 'A']);
  });
});

describe('placementProblem', () => {
  it.each([
    { name: 'a new group at the top', id: 0, parent: null, want: null },
    { name: 'a new group at level 3', id: 0, parent: 2, want: null },
    { name: 'a new group at level 4', id: 0, parent: 3, want: 'groups nest at most 3 levels: under "Platform / Data / Streaming" (level 3) this group would reach level 4' },
    { name: 'an unknown parent', id: 0, parent: 42, want: 'no group with id "42"' },
    { name: 'under itself', id: 5, parent: 5, want: 'a group cannot be its own parent' },
    { name: 'under its child', id: 1, parent: 2, want: '"Data" is nested in this group: moving it there would make a cycle' },
    { name: 'under its grandchild', id: 1, parent: 3, want: '"Streaming" is nested in this group: moving it there would make a cycle' },
    { name: 'two levels under a top group', id: 2, parent: 5, want: null },
    { name: 'two levels under a level-2 group', id: 2, parent: 4, want: 'groups nest at most 3 levels: under "Platform / Web" (level 2) this group and its subgroups would reach level 4' },
    { name: 'three levels under a top group', id: 1, parent: 5, want: 'groups nest at most 3 levels: under "Product" (level 1) this group and its subgroups would reach level 4' },
    { name: 'a nested group back to the top', id: 3, parent: null, want: null },
    { name: 'a leaf to level 3', id: 5, parent: 4, want: null },
  ])('$name', ({ id, parent, want }) => {
    expect(placementProblem(GROUPS, id, parent)).toBe(want);
  });
});
