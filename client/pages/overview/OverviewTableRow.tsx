import { Link } from 'react-router';
import type { DateRange, DeltaField, KpiField, OpsPoint, OverviewRow } from '../../graphql/operations';
import { DeltaTag } from '../../components/DeltaTag';
import { Sparkline } from '../../components/Sparkline';
import { StatusBadge } from '../../components/StatusBadge';
import { rangeSearch } from '../../lib/dateRange';
import { relativeDelta, shareDelta } from '../../lib/delta';
import { formatShare } from '../../lib/format';
import { formatKpi } from '../../lib/kpiFields';
import { ruleFigures, ruleName } from '../../lib/rules';
import { brokenRules } from './attention';
import { COLUMNS } from './overviewColumns';

function deltaOf(row: OverviewRow, field: KpiField) {
  const prev = row.kpis.previous;
  if (!prev || !(field in prev)) return null;
  const before = prev[field as DeltaField];
  return field === 'opsShare' ? shareDelta(row.kpis.opsShare, before) : relativeDelta(row.kpis[field], before);
}


/** One team's row: name and links, verdict, ops load with its trend, then the signal columns. */
export function OverviewTableRow({ row, range, sparks, sparkPer, depth = 0 }: {
  row: OverviewRow;
  /** The depth of the team's group (0: the table has no groups): indents the name under its group's row. */
  depth?: number;
  range: DateRange;
  /** Ops hours per bucket per team; undefined while loading, null on error. */
  sparks?: Map<string, OpsPoint[]> | null;
  sparkPer: string;
}) {
  const { team, kpis } = row;
  const ceiling = kpis.rules.find((r) => r.rule === 'opsCeiling')?.limit;
  const broken = brokenRules(row);
  const spark = sparks?.get(team.slug);
  return (
    <tr data-testid={`team-row-${team.slug}`}>
      <th scope="row" className="col-team" style={depth > 0 ? { paddingLeft: `${0.5 + depth * 1.25}rem` } : undefined}>
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
      <td className="col-status">
        <StatusBadge status={row.status} testId={`status-${team.slug}`} />
        {/* Written out, not in a tooltip: touch screens never show one. */}
        {broken.length > 0 && (
          <ul className="status-rules" data-testid={`rules-${team.slug}`}>
            {broken.map((r) => (
              <li key={r.rule} title={r.message}>
                <span className="sr-only">{r.status === 'BREACH' ? 'Breached' : 'Warning'}: </span>
                {ruleName(r.rule)}: {ruleFigures(r)}
              </li>
            ))}
          </ul>
        )}
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
}
