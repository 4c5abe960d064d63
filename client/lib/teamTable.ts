/** Sorting and filtering of the overview table: pure, so they are tested without a browser. */
import type { KpiField, OverviewRow, Status } from '../graphql/operations';

export type SortKey = 'name' | 'status' | KpiField;
export type SortDirection = 'asc' | 'desc';

export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

/** Worst first: breaches, then warnings, each by ops share — the triage order. */
export const DEFAULT_SORT: SortState = { key: 'status', direction: 'desc' };

/** Severity order, as the server ranks it: sorting by status "descending" puts breaches first, no data above OK. */
const SEVERITY: Record<Status, number> = { OK: 0, NO_DATA: 1, WARN: 2, BREACH: 3 };

const byName = (a: OverviewRow, b: OverviewRow) =>
  a.team.name.localeCompare(b.team.name, 'en', { sensitivity: 'base' }) || a.team.slug.localeCompare(b.team.slug);

/** Heavier ops share first when sorting down (unknown share last either way), then by name. */
function byOpsShare(a: OverviewRow, b: OverviewRow, sign: number): number {
  const av = a.kpis.opsShare;
  const bv = b.kpis.opsShare;
  if (av == null || bv == null) return av == null && bv == null ? byName(a, b) : av == null ? 1 : -1;
  return sign * (av - bv) || byName(a, b);
}

/**
 * Rows ordered by one column; equal statuses by ops share. Missing values (a change failure rate with no deploys) go last in
 * either direction, since "no value" is neither high nor low; ties fall back to the team name.
 */
export function sortRows(rows: readonly OverviewRow[], sort: SortState): OverviewRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'name') return sign * byName(a, b);
    if (sort.key === 'status') return sign * (SEVERITY[a.status] - SEVERITY[b.status]) || byOpsShare(a, b, sign);
    const av = a.kpis[sort.key];
    const bv = b.kpis[sort.key];
    if (av == null || bv == null) {
      if (av == null && bv == null) return byName(a, b);
      return av == null ? 1 : -1;
    }
    return sign * (av - bv) || byName(a, b);
  });
}

/** 'ALL', or one status; 'ATTENTION' is WARN and BREACH together. */
export type StatusFilter = 'ALL' | 'ATTENTION' | Status;

export const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'ALL', label: 'Any status' },
  { value: 'ATTENTION', label: 'Needs attention (warning or breach)' },
  { value: 'BREACH', label: 'Breach' },
  { value: 'WARN', label: 'Warning' },
  { value: 'OK', label: 'OK' },
  { value: 'NO_DATA', label: 'No data' },
];

export function isStatusFilter(v: string | null): v is StatusFilter {
  return STATUS_FILTERS.some((f) => f.value === v);
}

function statusMatches(status: Status, filter: StatusFilter): boolean {
  if (filter === 'ALL') return true;
  if (filter === 'ATTENTION') return status === 'WARN' || status === 'BREACH';
  return status === filter;
}

/**
 * Rows whose team name or slug contains the query (ignoring case and surrounding spaces) and
 * whose status passes the status filter.
 */
export function filterRows(rows: readonly OverviewRow[], query: string, status: StatusFilter = 'ALL'): OverviewRow[] {
  const q = query.trim().toLocaleLowerCase('en');
  return rows.filter(
    (r) => statusMatches(r.status, status) && (!q || r.team.name.toLocaleLowerCase('en').includes(q) || r.team.slug.includes(q)),
  );
}

/**
 * The next sort after a click on a column header: the same column flips direction; a new column
 * starts descending for figures (the heaviest load, the worst status first) and ascending for names.
 */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'name' ? 'asc' : 'desc' };
}

const DIRECTIONS: readonly SortDirection[] = ['asc', 'desc'];

/** The sort as kept in the URL: "alerts.desc"; null for the default order, which needs no parameter. */
export function sortParam(sort: SortState): string | null {
  return sort.key === DEFAULT_SORT.key && sort.direction === DEFAULT_SORT.direction ? null : `${sort.key}.${sort.direction}`;
}

/** The sort a URL asks for; the default order when the parameter is missing or names no column. */
export function parseSort(param: string | null, keys: readonly SortKey[]): SortState {
  const [key, direction] = (param ?? '').split('.');
  const k = keys.find((x) => x === key);
  const d = DIRECTIONS.find((x) => x === direction);
  return k && d ? { key: k, direction: d } : DEFAULT_SORT;
}
