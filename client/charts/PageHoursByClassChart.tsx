import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Bucket, KpiPoint } from '../graphql/operations';
import { formatHours } from '../lib/format';
import { useReducedMotion } from '../lib/useReducedMotion';
import { ChartFrame } from './ChartFrame';
import { ChartTooltip } from './ChartTooltip';
import { cursor, gridProps, margin, xAxisProps, yAxisProps } from './axes';
import { bucketWord, COLORS, describeSeries, toRows, type SeriesDef } from './series';

const SERIES: SeriesDef[] = [
  { key: 'business', label: 'Business hours', color: COLORS.business, unit: 'hours', value: (p) => p.businessPageHours },
  { key: 'off', label: 'Off hours', color: COLORS.off, unit: 'hours', value: (p) => p.offHoursPageHours },
  { key: 'sleep', label: 'Sleep hours', color: COLORS.sleep, unit: 'hours', value: (p) => p.sleepPageHours },
];

/** Page hours per day or week, stacked by hour class (business, off, sleep). */
export function PageHoursByClassChart({ points, bucket, teamName }: { points: KpiPoint[]; bucket: Bucket; teamName: string }) {
  const reduced = useReducedMotion();
  const rows = toRows(points, SERIES);
  const title = `Page hours per ${bucketWord(bucket)}, by hour class`;
  return (
    <ChartFrame
      title={title}
      summary={describeSeries(`${title}, ${teamName}`, rows, SERIES, bucket)}
      series={SERIES}
      rows={rows}
      testId="chart-page-hours"
      height={240}
      withTable
    >
      <BarChart data={rows} responsive style={{ width: '100%', height: '100%' }} margin={margin} accessibilityLayer={false}>
        <CartesianGrid {...gridProps} />
        <XAxis {...xAxisProps} />
        <YAxis {...yAxisProps} tickFormatter={(v: number) => `${v} h`} domain={[0, 'auto']} />
        <Tooltip
          cursor={cursor}
          content={(p) => (
            <ChartTooltip
              active={p.active}
              payload={p.payload}
              series={SERIES}
              footer={(row) => (
                <p className="chart-tooltip__footer">
                  Total: <strong>{formatHours(Number(row.business) + Number(row.off) + Number(row.sleep))} h</strong>
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
            stackId="hours"
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
