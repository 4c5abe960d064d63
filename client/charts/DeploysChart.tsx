import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Bucket, KpiPoint } from '../graphql/operations';
import { formatCount, formatPercent } from '../lib/format';
import { useReducedMotion } from '../lib/useReducedMotion';
import { ChartFrame } from './ChartFrame';
import { ChartTooltip } from './ChartTooltip';
import { cursor, gridProps, margin, xAxisProps, yAxisProps } from './axes';
import { bucketWord, COLORS, describeSeries, toRows, type SeriesDef } from './series';

const SERIES: SeriesDef[] = [
  { key: 'succeeded', label: 'Succeeded', color: COLORS.succeeded, unit: 'count', value: (p) => Math.max(0, p.deploys - p.failedDeploys) },
  { key: 'failed', label: 'Failed or rolled back', color: COLORS.failed, unit: 'count', value: (p) => p.failedDeploys },
];

/** Deploys per day or week, split into succeeded and failed; the tooltip adds the change failure rate. */
export function DeploysChart({ points, bucket, teamName }: { points: KpiPoint[]; bucket: Bucket; teamName: string }) {
  const reduced = useReducedMotion();
  const rows = toRows(points, SERIES);
  const cfr = new Map(points.map((p) => [p.start, p]));
  const title = `Deploys per ${bucketWord(bucket)}, succeeded and failed`;
  return (
    <ChartFrame
      title={title}
      summary={describeSeries(`${title}, ${teamName}`, rows, SERIES, bucket)}
      series={SERIES}
      rows={rows}
      testId="chart-deploys"
      height={240}
      withTable
    >
      <BarChart data={rows} responsive style={{ width: '100%', height: '100%' }} margin={margin} accessibilityLayer={false}>
        <CartesianGrid {...gridProps} />
        <XAxis {...xAxisProps} />
        <YAxis {...yAxisProps} allowDecimals={false} domain={[0, 'auto']} />
        <Tooltip
          cursor={cursor}
          content={(p) => (
            <ChartTooltip
              active={p.active}
              payload={p.payload}
              series={SERIES}
              footer={(row) => {
                const point = cfr.get(row.start);
                return (
                  <p className="chart-tooltip__footer">
                    Deploys: <strong>{formatCount(point?.deploys)}</strong> · Change failure rate:{' '}
                    <strong>{formatPercent(point?.changeFailureRate)}</strong>
                  </p>
                );
              }}
            />
          )}
        />
        {SERIES.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="deploys"
            fill={s.color}
            maxBarSize={36}
            radius={i === SERIES.length - 1 ? [3, 3, 0, 0] : undefined}
            isAnimationActive={!reduced}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
