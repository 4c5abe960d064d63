import type { DateRange, GroupRow, OpsPoint, OverviewRow, Totals } from '../../graphql/operations';
import type { SortKey, SortState } from '../../lib/teamTable';
import { COLUMN_COUNT } from './overviewColumns';
import { OverviewTableHead } from './OverviewTableHead';
import { OverviewTableRow } from './OverviewTableRow';
import { NoGroupRow, OverviewTotalsRow } from './OverviewTotalsRow';
import { groupedLines } from './groupedRows';

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
  /** Group rows with their totals; teams are listed under their group. None: the teams alone. */
  groups?: GroupRow[];
  /** The org's total, in the table's foot. */
  orgTotal?: Totals;
  /** True while a filter hides teams: groups without a shown team are left out. */
  filtered?: boolean;
}

/** The overview table: one row per team under its group's row, the org total at the foot; column headers sort the teams. */
export function OverviewTable({ rows, range, sort, onSort, noMatch, sparks, sparkPer, groups = [], orgTotal, filtered = false }: OverviewTableProps) {
  const lines = groupedLines(rows, groups, filtered);
  return (
    <div className="table-scroll" role="region" aria-labelledby="overview-table-caption" tabIndex={0}>
      <table className="table table--overview">
        <caption id="overview-table-caption" className="sr-only">
          Operational load per team{groups.length > 0 && ', under group rows with their totals'}, {range.from} to {range.to}, with changes against the previous {range.from === range.to ? 'day' : 'period of the same length'}. Column header buttons sort the table.
        </caption>
        <OverviewTableHead sort={sort} onSort={onSort} />
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMN_COUNT} className="no-match">
                {noMatch}
              </td>
            </tr>
          )}
          {lines.map((line) =>
            line.kind === 'group' ? (
              <OverviewTotalsRow
                key={`group-${line.group.group.id}`}
                label={line.group.group.name}
                sub={line.group.group.depth > 1 ? line.group.group.path : 'Group'}
                totals={line.group.totals}
                status={line.group.status}
                testId={`group-${line.group.group.id}`}
                depth={line.group.group.depth}
                variant="group"
              />
            ) : line.kind === 'noGroup' ? (
              <NoGroupRow key="no-group" />
            ) : (
              <OverviewTableRow key={line.row.team.slug} row={line.row} range={range} sparks={sparks} sparkPer={sparkPer} depth={line.depth} />
            ),
          )}
        </tbody>
        {orgTotal && (
          <tfoot>
            <OverviewTotalsRow label="Org total" sub="Every team shown" totals={orgTotal} status={orgTotal.status} testId="org" variant="org" />
          </tfoot>
        )}
      </table>
    </div>
  );
}
