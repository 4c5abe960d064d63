import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { DateRange, KpiField, OverviewRow } from '../../graphql/operations';
import { rangeSearch } from '../../lib/dateRange';
import { formatKpi, KPI_INFO } from '../../lib/kpiFields';
import type { SortKey, SortState } from '../../lib/teamTable';

/** Columns under a group header ("Page hours" → Total, Business, …) or standing alone. */
interface Column {
  field: KpiField;
  header: string;
  /** Completes the header's accessible name: "Total" + "page hours". */
  srSuffix?: string;
}

interface Group {
  label?: string;
  columns: Column[];
}

const GROUPS: Group[] = [
  { columns: [{ field: 'alerts', header: 'Alerts' }] },
  { columns: [{ field: 'pages', header: 'Pages' }] },
  {
    label: 'Page hours',
    columns: [
      { field: 'pageHours', header: 'Total', srSuffix: 'page hours' },
      { field: 'businessPageHours', header: 'Business', srSuffix: 'hours paged' },
      { field: 'offHoursPageHours', header: 'Off', srSuffix: 'hours paged' },
      { field: 'sleepPageHours', header: 'Sleep', srSuffix: 'hours paged' },
    ],
  },
  { columns: [{ field: 'sleepInterruptions', header: 'Sleep interruptions' }] },
  {
    label: 'Deploys',
    columns: [
      { field: 'deploys', header: 'Total', srSuffix: 'deploys' },
      { field: 'failedDeploys', header: 'Failed', srSuffix: 'deploys' },
      { field: 'changeFailureRate', header: 'Failure rate', srSuffix: '(change failure rate)' },
    ],
  },
  { columns: [{ field: 'toilHours', header: 'Toil hours' }] },
];

const COLUMNS = GROUPS.flatMap((g) => g.columns);

export interface OverviewTableProps {
  rows: OverviewRow[];
  range: DateRange;
  sort: SortState;
  onSort(key: SortKey): void;
  /** The filter text, for the "no match" row. */
  filter: string;
}

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

/** The overview table: one row per team, column headers sort it. */
export function OverviewTable({ rows, range, sort, onSort, filter }: OverviewTableProps) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="overview-table-caption" tabIndex={0}>
      <table className="table table--overview">
        <caption id="overview-table-caption" className="sr-only">
          Operational load per team, {range.from} to {range.to}. Column header buttons sort the table.
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} aria-sort={ariaSort(sort, 'name')} className="col-team">
              <SortButton sort={sort} sortKey="name" onSort={onSort}>
                Team
              </SortButton>
            </th>
            {GROUPS.map((g) =>
              g.label ? (
                <th key={g.label} scope="colgroup" colSpan={g.columns.length} className="group">
                  {g.label}
                </th>
              ) : (
                <th key={g.columns[0].field} scope="col" rowSpan={2} className="num wrap" aria-sort={ariaSort(sort, g.columns[0].field)} title={KPI_INFO[g.columns[0].field].description}>
                  <SortButton sort={sort} sortKey={g.columns[0].field} onSort={onSort}>
                    {g.columns[0].header}
                  </SortButton>
                </th>
              ),
            )}
          </tr>
          <tr>
            {GROUPS.filter((g) => g.label).flatMap((g) =>
              g.columns.map((c) => (
                <th key={c.field} scope="col" className="num" aria-sort={ariaSort(sort, c.field)} title={KPI_INFO[c.field].description}>
                  <SortButton sort={sort} sortKey={c.field} onSort={onSort} label={c.srSuffix && `${c.header} ${c.srSuffix}`}>
                    {c.header}
                  </SortButton>
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + 1} className="no-match">
                No team matches “{filter.trim()}”.
              </td>
            </tr>
          )}
          {rows.map(({ team, kpis }) => (
            <tr key={team.slug} data-testid={`team-row-${team.slug}`}>
              <th scope="row" className="col-team">
                <Link to={{ pathname: `/teams/${team.slug}`, search: rangeSearch(range) }} className="team-link">
                  {team.name}
                </Link>
                <span className="team-meta">
                  {team.timezone}
                  {team.members != null && ` · ${team.members} ${team.members === 1 ? 'member' : 'members'}`}
                </span>
              </th>
              {COLUMNS.map((c) => (
                <td key={c.field} className="num" data-testid={`kpi-${team.slug}-${c.field}`}>
                  {formatKpi(c.field, kpis[c.field])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
