import type { ReactNode } from 'react';
import { KPI_INFO } from '../../lib/kpiFields';
import type { SortKey, SortState } from '../../lib/teamTable';
import { GROUPS } from './overviewColumns';

function ariaSort(sort: SortState, key: SortKey) {
  if (sort.key !== key) return undefined;
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

function SortButton({
  sort,
  sortKey,
  onSort,
  label,
  children,
}: {
  sort: SortState;
  sortKey: SortKey;
  onSort(k: SortKey): void;
  /** The full name when the visible text leans on a group header ("Total" → "Total page hours"). */
  label?: string;
  children: ReactNode;
}) {
  const active = sort.key === sortKey;
  const arrow = !active ? '↕' : sort.direction === 'asc' ? '▲' : '▼';
  return (
    <button type="button" className={`sort${active ? ' sort--active' : ''}`} onClick={() => onSort(sortKey)} aria-label={label}>
      <span>{children}</span>
      <span className="sort__arrow" aria-hidden="true">
        {arrow}
      </span>
    </button>
  );
}

function Header({ sort, onSort, field, children, label, className = 'num', rowSpan }: {
  sort: SortState;
  onSort(k: SortKey): void;
  field: SortKey;
  children: ReactNode;
  label?: string;
  className?: string;
  rowSpan?: number;
}) {
  const title = field === 'name' || field === 'status' ? undefined : KPI_INFO[field].description;
  return (
    <th scope="col" rowSpan={rowSpan} className={className} aria-sort={ariaSort(sort, field)} title={title}>
      <SortButton sort={sort} sortKey={field} onSort={onSort} label={label}>
        {children}
      </SortButton>
    </th>
  );
}

/** The two header rows: groups above, sortable columns below. */
export function OverviewTableHead({ sort, onSort }: { sort: SortState; onSort(key: SortKey): void }) {
  return (
    <thead>
      <tr>
        <Header sort={sort} onSort={onSort} field="name" className="col-team" rowSpan={2}>
          Team
        </Header>
        <Header sort={sort} onSort={onSort} field="status" className="col-status" rowSpan={2}>
          Status
        </Header>
        <th scope="colgroup" colSpan={3} className="group">
          Ops load
        </th>
        {GROUPS.map((g) =>
          g.label ? (
            <th key={g.label} scope="colgroup" colSpan={g.columns.length} className="group">
              {g.label}
            </th>
          ) : (
            <Header key={g.columns[0].field} sort={sort} onSort={onSort} field={g.columns[0].field} label={g.columns[0].label} className="num wrap" rowSpan={2}>
              {g.columns[0].header}
            </Header>
          ),
        )}
      </tr>
      <tr>
        <Header sort={sort} onSort={onSort} field="opsShare" label="Ops share of capacity">
          Share
        </Header>
        <Header sort={sort} onSort={onSort} field="opsHours" label="Ops hours">
          Hours
        </Header>
        <th scope="col" className="col-trend">
          Trend<span className="sr-only"> of ops hours</span>
        </th>
        {GROUPS.filter((g) => g.label).flatMap((g) =>
          g.columns.map((c) => (
            <Header key={c.field} sort={sort} onSort={onSort} field={c.field} label={c.label ?? (c.srSuffix && `${c.header} ${c.srSuffix}`)}>
              {c.header}
            </Header>
          )),
        )}
      </tr>
    </thead>
  );
}
