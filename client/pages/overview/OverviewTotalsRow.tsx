import type { Status, Totals } from '../../graphql/operations';
import { StatusBadge } from '../../components/StatusBadge';
import { formatKpi } from '../../lib/kpiFields';
import { COLUMN_COUNT, COLUMNS } from './overviewColumns';

/**
 * A row of totals: a group's (its teams and its nested groups' teams) or the org's. The server sums
 * them (server/kpi/groupTotals.ts): shares recomputed from summed hours, the worst status.
 */
export function OverviewTotalsRow({ label, sub, totals, status, testId, depth = 0, variant }: {
  label: string;
  /** A second line under the label: the group's path, or what the org total covers. */
  sub: string;
  totals: Totals;
  status: Status;
  /** `group-<id>` or `org`: prefixes every cell's test id. */
  testId: string;
  /** 1 for a top-level group, 2, 3 for nested ones: indents the label. */
  depth?: number;
  variant: 'group' | 'org';
}) {
  return (
    <tr data-testid={`${testId}-row`} className={`totals-row totals-row--${variant}`}>
      <th scope="row" className="col-team" style={depth > 1 ? { paddingLeft: `${0.5 + (depth - 1) * 1.25}rem` } : undefined}>
        <span className="totals-row__label" data-testid={`${testId}-name`}>{label}</span>
        <span className="team-meta">
          {sub} · {totals.teams} {totals.teams === 1 ? 'team' : 'teams'}
        </span>
      </th>
      <td className="col-status">
        <StatusBadge status={status} testId={`${testId}-status`} />
      </td>
      <td className="num">
        <span className="cell-main" data-testid={`${testId}-kpi-opsShare`}>
          {formatKpi('opsShare', totals.opsShare)}
        </span>
      </td>
      <td className="num">
        <span className="cell-main" data-testid={`${testId}-kpi-opsHours`}>
          {formatKpi('opsHours', totals.opsHours)}
        </span>
      </td>
      <td className="col-trend" />
      {COLUMNS.map((c) => (
        <td key={c.field} className="num">
          <span className="cell-main" data-testid={`${testId}-kpi-${c.field}`}>
            {formatKpi(c.field, totals[c.field])}
          </span>
        </td>
      ))}
    </tr>
  );
}

/** The heading line over the teams that belong to no group. */
export function NoGroupRow() {
  return (
    <tr className="totals-row totals-row--none" data-testid="no-group-row">
      <th scope="rowgroup" colSpan={COLUMN_COUNT} className="col-team">
        No group
      </th>
    </tr>
  );
}
