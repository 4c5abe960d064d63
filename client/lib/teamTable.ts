/** Sorting and filtering of the overview table: pure, so they are tested without a browser. */
import type { KpiField, OverviewRow } from '../graphql/operations';

export type SortKey = 'name' | KpiField;
export type SortDirection = 'asc' | 'desc';

export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: SortState = { key: 'name', direction: 'asc' };

const byName = (a: OverviewRow, b: OverviewRow) =>
  a.team.name.localeCompare(b.team.name, 'en', { sensitivity: 'base' }) || a.team.slug.localeCompare(b.team.slug);

/**
 * Rows ordered by one column. Missing values (a change failure rate with no deploys) go last in
 * either direction, since "no value" is neither high nor low; ties fall back to the team name.
 */
export function sortRows(rows: readonly OverviewRow[], sort: SortState): OverviewRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'name') return sign * byName(a, b);
    const av = a.kpis[sort.key];
    const bv = b.kpis[sort.key];
    if (av == null || bv == null) {
      if (av == null && bv == null) return byName(a, b);
      return av == null ? 1 : -1;
    }
    return sign * (av - bv) || byName(a, b);
  });
}

/** Rows whose team name or slug contains the query, ignoring case and surrounding spaces. */
export function filterRows(rows: readonly OverviewRow[], query: string): OverviewRow[] {
  const q = query.trim().toLocaleLowerCase('en');
  if (!q) return [...rows];
  return rows.filter((r) => r.team.name.toLocaleLowerCase('en').includes(q) || r.team.slug.includes(q));
}

/**
 * The next sort after a click on a column header: the same column flips direction; a new column
 * starts descending for figures (the heaviest load first) and ascending for names.
 */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'name' ? 'asc' : 'desc' };
}
