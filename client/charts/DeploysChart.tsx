import type { Bucket, KpiPoint } from '../graphql/operations';
import { formatCount, formatPercent } from '../lib/format';
import { StackedBarChart } from './StackedBarChart';
import { bucketWord, COLORS, type SeriesDef } from './series';

const SERIES: SeriesDef[] = [
  { key: 'succeeded', label: 'Succeeded', color: COLORS.succeeded, unit: 'count', value: (p) => Math.max(0, p.deploys - p.failedDeploys) },
  { key: 'failed', label: 'Failed or rolled back', color: COLORS.failed, unit: 'count', value: (p) => p.failedDeploys },
];

/** Deploys per day or week, split into succeeded and failed; the tooltip adds the change failure rate. */
export function DeploysChart({ points, bucket, teamName }: { points: KpiPoint[]; bucket: Bucket; teamName: string }) {
  const byStart = new Map(points.map((p) => [p.start, p]));
  return (
    <StackedBarChart
      title={`Deploys per ${bucketWord(bucket)}, succeeded and failed`}
      {...{ teamName, points, bucket }}
      series={SERIES}
      testId="chart-deploys"
      height={240}
      maxBarSize={36}
      yUnit="count"
      footer={(row) => {
        const point = byStart.get(row.start);
        return (
          <p className="chart-tooltip__footer">
            Deploys: <strong>{formatCount(point?.deploys)}</strong> · Change failure rate:{' '}
            <strong>{formatPercent(point?.changeFailureRate)}</strong>
          </p>
        );
      }}
    />
  );
}
