import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { DateRange, DeltaField, KpiField, OpsPoint, OverviewRow } from '../../graphql/operations';
import { DeltaTag } from '../../components/DeltaTag';
import { Sparkline } from '../../components/Sparkline';
import { StatusBadge } from '../../components/StatusBadge';
import { rangeSearch } from '../../lib/dateRange';
import { relativeDelta, shareDelta } from '../../lib/delta';
import { formatShare } from '../../lib/format';
import { formatKpi, KPI_INFO } from '../../lib/kpiFields';
import type { SortKey, SortState } from '../../lib/teamTable';

/** Columns under a group header ("Page hours" → Total, Business, …) or standing alone. */
interface Column {
  field: KpiField;
  header: string;
  /** Completes the header's accessible name: "Total" + "page hours". */
  srSuffix?: string;
  /** The whole accessible name when the visible header is a short form ("Woken"). */
  label?: string;
  /** Show the change against the previous period under the figure. */
  delta?: boolean;
}

interface Group {
  label?: string;
  columns: Column[];
}

const GROUPS: Group[] = [
  { columns: [{ field: 'alerts', header: 'Alerts', delta: true }] },
  { columns: [{ field: 'pages', header: 'Pages', delta: true }] },
  {
    label: 'Page hours',
    columns: [
      { field: 'pageHours', header: 'Total', srSuffix: 'page hours', delta: true },
      { field: 'businessPageHours', header: 'Work', label: 'Work (business) hours paged' },
      { field: 'offHoursPageHours', header: 'Off', label: 'Off hours paged' },
      { field: 'sleepPageHours', header: 'Sleep', label: 'Sleep hours paged' },
    ],
  },
  { columns: [{ field: 'sleepInterruptions', header: 'Woken', label: 'Woken: sleep interruptions', delta: true }] },
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
/** Team, status, ops share, ops hours, trend, then the signal columns. */
const COLUMN_COUNT = COLUMNS.length + 5;

export interface OverviewTableProps {
  rows: OverviewRow[];
  range: DateRange;
  sort: SortState;
  onSort(key: SortKey): void;
  /** Why no row is shown, for the "no match" row. */
  noMatch: string;
  /** Ops hours per bucket per team for the sparklines; undefined while loading, null on error. */
  sparks?: Map<string, OpsPoint[]> | null;
  /** What one sparkline point covers: "day" or "week". */
  sparkPer: string;
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

function deltaOf(row: OverviewRow, field: KpiField) {
  const prev = row.kpis.previous;
  if (!prev || !(field in prev)) return null;
  const before = prev[field as DeltaField];
  return field === 'opsShare' ? shareDelta(row.kpis.opsShare, before) : relativeDelta(row.kpis[field], before);
}

/** The rule that decides the status, for the badge's explanation. */
function worstRule(row: OverviewRow) {
  return row.kpis.rules.find((r) => r.status === row.status && r.status !== 'OK');
}

/** The overview table: one row per team, column headers sort it. */
export function OverviewTable({ rows, range, sort, onSort, noMatch, sparks, sparkPer }: OverviewTableProps) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="overview-table-caption" tabIndex={0}>
      <table className="table table--overview">
        <caption id="overview-table-caption" className="sr-only">
          Operational load per team, {range.from} to {range.to}, with changes against the previous {range.from === range.to ? 'day' : 'period of the same length'}. Column header buttons sort the table.
        </caption>
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
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMN_COUNT} className="no-match">
                {noMatch}
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const { team, kpis } = row;
            const ceiling = kpis.rules.find((r) => r.rule === 'opsCeiling')?.limit;
            const worst = worstRule(row);
            const spark = sparks?.get(team.slug);
            return (
              <tr key={team.slug} data-testid={`team-row-${team.slug}`}>
                <th scope="row" className="col-team">
                  <Link to={{ pathname: `/teams/${team.slug}`, search: rangeSearch(range) }} className="team-link">
                    {team.name}
                  </Link>
                  <span className="team-meta">
                    {team.timezone}
                    {team.members != null && ` · ${team.members} ${team.members === 1 ? 'member' : 'members'}`}
                    {' · '}
                    <Link to={`/teams/${team.slug}/plan`} className="team-meta__plan">
                      Plan<span className="sr-only"> {team.name}’s next sprint</span>
                    </Link>
                  </span>
                </th>
                <td className="col-status" title={worst?.message}>
                  <StatusBadge status={row.status} testId={`status-${team.slug}`} />
                  {worst && <span className="sr-only">: {worst.message}</span>}
                </td>
                <td className="num">
                  <span className="cell-main" data-testid={`kpi-${team.slug}-opsShare`}>
                    {formatKpi('opsShare', kpis.opsShare)}
                  </span>
                  {ceiling !== undefined && (
                    <span className="cell-sub" data-testid={`ceiling-${team.slug}`}>
                      / {formatShare(ceiling)} ceiling
                    </span>
                  )}
                  <DeltaTag delta={deltaOf(row, 'opsShare')} testId={`delta-${team.slug}-opsShare`} />
                </td>
                <td className="num">
                  <span className="cell-main" data-testid={`kpi-${team.slug}-opsHours`}>
                    {formatKpi('opsHours', kpis.opsHours)}
                  </span>
                  <DeltaTag delta={deltaOf(row, 'opsHours')} testId={`delta-${team.slug}-opsHours`} />
                </td>
                <td className="col-trend">
                  {spark ? (
                    <Sparkline points={spark} per={sparkPer} testId={`spark-${team.slug}`} />
                  ) : (
                    <span className="muted">
                      <span aria-hidden="true">…</span>
                      <span className="sr-only">{sparks === null ? 'Trend unavailable' : 'Loading trend'}</span>
                    </span>
                  )}
                </td>
                {COLUMNS.map((c) => (
                  <td key={c.field} className="num">
                    <span className="cell-main" data-testid={`kpi-${team.slug}-${c.field}`}>
                      {formatKpi(c.field, kpis[c.field])}
                    </span>
                    {c.delta && <DeltaTag delta={deltaOf(row, c.field)} testId={`delta-${team.slug}-${c.field}`} />}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
