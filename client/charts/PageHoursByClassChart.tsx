import type { Bucket, KpiPoint } from '../graphql/operations';
import { formatHours } from '../lib/format';
import { StackedBarChart } from './StackedBarChart';
import { bucketWord, COLORS, type SeriesDef } from './series';

const SERIES: SeriesDef[] = [
  { key: 'business', label: 'Business hours', color: COLORS.business, unit: 'hours', value: (p) => p.businessPageHours },
  { key: 'off', label: 'Off hours', color: COLORS.off, unit: 'hours', value: (p) => p.offHoursPageHours },
  { key: 'sleep', label: 'Sleep hours', color: COLORS.sleep, unit: 'hours', value: (p) => p.sleepPageHours },
];

/** Page hours per day or week, stacked by hour class (business, off, sleep). */
export function PageHoursByClassChart({ points, bucket, teamName }: { points: KpiPoint[]; bucket: Bucket; teamName: string }) {
  return (
    <StackedBarChart
      title={`Page hours per ${bucketWord(bucket)}, by hour class`}
      {...{ teamName, points, bucket }}
      series={SERIES}
      testId="chart-page-hours"
      height={240}
      maxBarSize={36}
      yUnit="hours"
      footer={(row) => (
        <p className="chart-tooltip__footer">
          Total: <strong>{formatHours(Number(row.business) + Number(row.off) + Number(row.sleep))} h</strong>
        </p>
      )}
    />
  );
}
