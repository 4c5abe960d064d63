import type { DateRange, OpsPoint, OverviewRow } from '../../graphql/operations';
import type { SortKey, SortState } from '../../lib/teamTable';
import { COLUMN_COUNT } from './overviewColumns';
import { OverviewTableHead } from './OverviewTableHead';
import { OverviewTableRow } from './OverviewTableRow';

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

/** The overview table: one row per team, column headers sort it. */
export function OverviewTable({ rows, range, sort, onSort, noMatch, sparks, sparkPer }: OverviewTableProps) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="overview-table-caption" tabIndex={0}>
      <table className="table table--overview">
        <caption id="overview-table-caption" className="sr-only">
          Operational load per team, {range.from} to {range.to}, with changes against the previous {range.from === range.to ? 'day' : 'period of the same length'}. Column header buttons sort the table.
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
          {rows.map((row) => (
            <OverviewTableRow key={row.team.slug} row={row} range={range} sparks={sparks} sparkPer={sparkPer} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
