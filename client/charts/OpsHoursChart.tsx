import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Bucket, KpiPoint } from '../graphql/operations';
import { formatHours } from '../lib/format';
import { useReducedMotion } from '../lib/useReducedMotion';
import { ChartFrame } from './ChartFrame';
import { ChartTooltip } from './ChartTooltip';
import { cursor, gridProps, margin, xAxisProps, yAxisProps } from './axes';
import { bucketWord, COLORS, describeSeries, toRows, type SeriesDef } from './series';

const SERIES: SeriesDef[] = [
  { key: 'pages', label: 'Pages', color: COLORS.opsPages, unit: 'hours', value: (p) => p.opsBreakdown.pages },
  { key: 'alerts', label: 'Alert triage', color: COLORS.opsAlerts, unit: 'hours', value: (p) => p.opsBreakdown.alerts },
  { key: 'failedDeploys', label: 'Failed deploys', color: COLORS.opsFailed, unit: 'hours', value: (p) => p.opsBreakdown.failedDeploys },
  { key: 'toil', label: 'Toil', color: COLORS.opsToil, unit: 'hours', value: (p) => p.opsBreakdown.toil },
];

/** Ops hours per day, week or sprint, stacked by cause (the load model's breakdown, never only the total). */
export function OpsHoursChart({ points, bucket, teamName }: { points: KpiPoint[]; bucket: Bucket; teamName: string }) {
  const reduced = useReducedMotion();
  const rows = toRows(points, SERIES);
  const totals = new Map(points.map((p) => [p.start, p.opsHours]));
  const title = `Ops hours per ${bucketWord(bucket)}, by cause`;
  return (
    <ChartFrame
      title={title}
      summary={describeSeries(`${title}, ${teamName}`, rows, SERIES, bucket)}
      series={SERIES}
      rows={rows}
      testId="chart-ops-hours"
      height={260}
      withTable
    >
      <BarChart data={rows} responsive style={{ width: '100%', height: '100%' }} margin={margin} accessibilityLayer={false}>
        <CartesianGrid {...gridProps} />
        <XAxis {...xAxisProps} />
        <YAxis {...yAxisProps} tickFormatter={(v: number) => `${v} h`} domain={[0, 'auto']} width={48} />
        <Tooltip
          cursor={cursor}
          content={(p) => (
            <ChartTooltip
              active={p.active}
              payload={p.payload}
              series={SERIES}
              footer={(row) => (
                <p className="chart-tooltip__footer">
                  Ops hours: <strong>{formatHours(totals.get(row.start))} h</strong>
                </p>
              )}
            />
          )}
        />
        {SERIES.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="ops"
            fill={s.color}
            maxBarSize={48}
            radius={i === SERIES.length - 1 ? [3, 3, 0, 0] : undefined}
            isAnimationActive={!reduced}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
