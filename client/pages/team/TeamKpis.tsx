import { DeltaTag } from '../../components/DeltaTag';
import { KpiCard } from '../../components/KpiCard';
import type { TeamDetail } from '../../graphql/operations';
import { relativeDelta, shareDelta } from '../../lib/delta';
import { formatDuration, formatHours, formatShare } from '../../lib/format';
import { formatKpi, KPI_INFO } from '../../lib/kpiFields';
import { COLORS } from '../../charts/series';
import { Breakdown } from './Breakdown';

type Kpis = TeamDetail['kpis'];

const CLASSES = [
  { key: 'businessPageHours', label: 'Business', color: COLORS.business },
  { key: 'offHoursPageHours', label: 'Off hours', color: COLORS.off },
  { key: 'sleepPageHours', label: 'Sleep', color: COLORS.sleep },
] as const;

const CAUSES = [
  { key: 'pages', label: 'Pages', color: COLORS.opsPages },
  { key: 'alerts', label: 'Alert triage', color: COLORS.opsAlerts },
  { key: 'failedDeploys', label: 'Failed deploys', color: COLORS.opsFailed },
  { key: 'toil', label: 'Toil', color: COLORS.opsToil },
] as const;

function card(kpis: Kpis, field: keyof typeof KPI_INFO, opts: { unit?: string; className?: string; delta?: boolean } = {}) {
  const info = KPI_INFO[field];
  const prev = kpis.previous;
  const delta = opts.delta && prev && field in prev ? relativeDelta(kpis[field], prev[field as keyof typeof prev]) : null;
  return (
    <KpiCard
      key={field}
      label={info.label}
      value={formatKpi(field, kpis[field])}
      unit={opts.unit}
      hint={info.description}
      testId={`team-kpi-${field}`}
      className={opts.className}
    >
      {delta && (
        <dd>
          <DeltaTag delta={delta} testId={`team-delta-${field}`} />
        </dd>
      )}
    </KpiCard>
  );
}

/**
 * The team's headline figures for the range: ops load first (hours by cause, share of capacity
 * against the ceiling, response times), then paging and toil, then delivery. Six columns on a wide
 * screen, two on a phone.
 */
export function TeamKpis({ kpis, ceiling }: { kpis: Kpis; ceiling: number }) {
  const prev = kpis.previous;
  return (
    <dl className="kpi-grid">
      <KpiCard label="Ops hours" value={formatKpi('opsHours', kpis.opsHours)} unit="h" hint="Hours of ops work, by cause" testId="team-kpi-opsHours" wide>
        {prev && (
          <dd>
            <DeltaTag delta={relativeDelta(kpis.opsHours, prev.opsHours)} testId="team-delta-opsHours" />
          </dd>
        )}
        <Breakdown
          parts={CAUSES.map((c) => ({ ...c, hours: kpis.opsBreakdown[c.key], testId: `team-ops-${c.key}` }))}
          total={kpis.opsHours}
        />
      </KpiCard>
      <KpiCard
        label="Ops share"
        value={formatKpi('opsShare', kpis.opsShare)}
        unit={`/ ${formatShare(ceiling)} ceiling`}
        hint={kpis.opsShare == null ? 'Unknown: the team has no members count, so no capacity' : `of ${formatHours(kpis.capacityHours)} h capacity`}
        testId="team-kpi-opsShare"
        wide
      >
        {prev && (
          <dd>
            <DeltaTag delta={shareDelta(kpis.opsShare, prev.opsShare)} testId="team-delta-opsShare" />
          </dd>
        )}
        <dd className="meter" aria-hidden="true">
          <span className="meter__fill" style={{ width: `${Math.min(100, (kpis.opsShare ?? 0) * 100)}%` }} />
          <span className="meter__mark" style={{ left: `${Math.min(100, ceiling * 100)}%` }} />
        </dd>
      </KpiCard>
      <KpiCard
        label="Time to acknowledge"
        value={formatDuration(kpis.medianTimeToAcknowledgeSeconds)}
        hint="Median, trigger to acknowledgement (page events)"
        testId="team-kpi-tta"
      />
      <KpiCard
        label="Time to resolve"
        value={formatDuration(kpis.medianTimeToResolveSeconds)}
        hint="Median, trigger to resolve (page events)"
        testId="team-kpi-ttr"
      />
      {card(kpis, 'alerts', { delta: true })}
      {card(kpis, 'pages', { delta: true })}
      <KpiCard label="Page hours" value={formatKpi('pageHours', kpis.pageHours)} unit="h" hint="Hours paged, split by when they fell" testId="team-kpi-pageHours" wide>
        {prev && (
          <dd>
            <DeltaTag delta={relativeDelta(kpis.pageHours, prev.pageHours)} testId="team-delta-pageHours" />
          </dd>
        )}
        <Breakdown parts={CLASSES.map((c) => ({ ...c, hours: kpis[c.key], testId: `team-kpi-${c.key}` }))} total={kpis.pageHours} />
      </KpiCard>
      {card(kpis, 'sleepInterruptions', { delta: true })}
      {card(kpis, 'toilHours', { unit: 'h' })}
      {card(kpis, 'deploys', { className: 'kpi-card--delivery' })}
      {card(kpis, 'failedDeploys', { className: 'kpi-card--delivery' })}
      {card(kpis, 'changeFailureRate', { className: 'kpi-card--delivery' })}
    </dl>
  );
}
