import { KpiCard } from '../../components/KpiCard';
import type { Kpis } from '../../graphql/operations';
import { formatHours } from '../../lib/format';
import { formatKpi, KPI_INFO } from '../../lib/kpiFields';
import { COLORS } from '../../charts/series';

const CLASSES = [
  { field: 'businessPageHours', label: 'Business', color: COLORS.business },
  { field: 'offHoursPageHours', label: 'Off hours', color: COLORS.off },
  { field: 'sleepPageHours', label: 'Sleep', color: COLORS.sleep },
] as const;

function card(kpis: Kpis, field: keyof Kpis, opts: { unit?: string; className?: string } = {}) {
  const info = KPI_INFO[field];
  return (
    <KpiCard
      key={field}
      label={info.label}
      value={formatKpi(field, kpis[field])}
      unit={opts.unit}
      hint={info.description}
      testId={`team-kpi-${field}`}
      className={opts.className}
    />
  );
}

/**
 * The team's headline figures for the range: paging and toil first (page hours with their split by
 * hour class), then delivery. Six columns on a wide screen, two on a phone.
 */
export function TeamKpis({ kpis }: { kpis: Kpis }) {
  const total = kpis.pageHours;
  return (
    <dl className="kpi-grid">
      {card(kpis, 'alerts')}
      {card(kpis, 'pages')}
      <KpiCard label="Page hours" value={formatKpi('pageHours', total)} unit="h" hint="Hours paged, split by when they fell" testId="team-kpi-pageHours" wide>
        <dd className="breakdown">
          <div className="breakdown__bar" aria-hidden="true">
            {total > 0 &&
              CLASSES.map((c) => (
                <span key={c.field} style={{ width: `${(kpis[c.field] / total) * 100}%`, background: c.color }} />
              ))}
          </div>
          <ul className="breakdown__list">
            {CLASSES.map((c) => (
              <li key={c.field}>
                <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                {c.label}{' '}
                <strong data-testid={`team-kpi-${c.field}`}>{formatHours(kpis[c.field])}</strong> h
              </li>
            ))}
          </ul>
        </dd>
      </KpiCard>
      {card(kpis, 'sleepInterruptions')}
      {card(kpis, 'toilHours', { unit: 'h' })}
      {card(kpis, 'deploys', { className: 'kpi-card--delivery' })}
      {card(kpis, 'failedDeploys', { className: 'kpi-card--delivery' })}
      {card(kpis, 'changeFailureRate', { className: 'kpi-card--delivery' })}
    </dl>
  );
}
