import type { Bucket, KpiPoint } from '../graphql/operations';
import { formatHours } from '../lib/format';
import { StackedBarChart } from './StackedBarChart';
import { bucketWord, COLORS, type SeriesDef } from './series';

const SERIES: SeriesDef[] = [
  { key: 'pages', label: 'Pages', color: COLORS.opsPages, unit: 'hours', value: (p) => p.opsBreakdown.pages },
  { key: 'alerts', label: 'Alert triage', color: COLORS.opsAlerts, unit: 'hours', value: (p) => p.opsBreakdown.alerts },
  { key: 'failedDeploys', label: 'Failed deploys', color: COLORS.opsFailed, unit: 'hours', value: (p) => p.opsBreakdown.failedDeploys },
  { key: 'toil', label: 'Toil', color: COLORS.opsToil, unit: 'hours', value: (p) => p.opsBreakdown.toil },
];

/** Ops hours per day, week or sprint, stacked by cause (the load model's breakdown, never only the total). */
export function OpsHoursChart({ points, bucket, teamName }: { points: KpiPoint[]; bucket: Bucket; teamName: string }) {
  const totals = new Map(points.map((p) => [p.start, p.opsHours]));
  return (
    <StackedBarChart
      title={`Ops hours per ${bucketWord(bucket)}, by cause`}
      {...{ teamName, points, bucket }}
      series={SERIES}
      testId="chart-ops-hours"
      height={260}
      maxBarSize={48}
      yUnit="hours"
      yAxisWidth={48}
      footer={(row) => (
        <p className="chart-tooltip__footer">
          Ops hours: <strong>{formatHours(totals.get(row.start))} h</strong>
        </p>
      )}
    />
  );
}
