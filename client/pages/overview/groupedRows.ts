import type { GroupRow, OverviewRow } from '../../graphql/operations';

/** One line of the grouped overview table, top to bottom. */
export type TableLine =
  | { kind: 'group'; group: GroupRow }
  | { kind: 'team'; row: OverviewRow; depth: number }
  | { kind: 'noGroup' };

/** Groups in tree order: each followed by its subgroups, siblings by name. */
function treeOrder(groups: readonly GroupRow[]): GroupRow[] {
  const ids = new Set(groups.map((g) => g.group.id));
  const childrenOf = (parent: string | null) =>
    groups.filter((g) => (g.group.parent && ids.has(g.group.parent.id) ? g.group.parent.id : null) === parent).sort((a, b) => a.group.name.localeCompare(b.group.name));
  const walk = (parent: string | null): GroupRow[] => childrenOf(parent).flatMap((g) => [g, ...walk(g.group.id)]);
  return walk(null);
}

/**
 * The overview's lines: each group's row (its totals come from the server), then its own teams in
 * the table's order, then its subgroups; teams in no group under "No group". Teams keep the
 * caller's sort and filter; while a filter hides teams, a group none of whose teams (nested
 * included) is shown is left out. Without any group, the teams alone, as before groups existed.
 */
export function groupedLines(rows: readonly OverviewRow[], groups: readonly GroupRow[], filtered: boolean): TableLine[] {
  if (groups.length === 0) return rows.map((row) => ({ kind: 'team', row, depth: 0 }));
  const shown = new Set(rows.map((r) => r.team.slug));
  const known = new Set(groups.map((g) => g.group.id));
  const lines: TableLine[] = [];
  for (const group of treeOrder(groups)) {
    if (filtered && !group.teams.some((slug) => shown.has(slug))) continue;
    lines.push({ kind: 'group', group });
    for (const row of rows) if (row.team.group?.id === group.group.id) lines.push({ kind: 'team', row, depth: group.group.depth });
  }
  const loose = rows.filter((r) => !r.team.group || !known.has(r.team.group.id));
  if (loose.length) lines.push({ kind: 'noGroup' }, ...loose.map((row): TableLine => ({ kind: 'team', row, depth: 1 })));
  return lines;
}
