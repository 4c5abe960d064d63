import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Bucket, KpiPoint } from '../graphql/operations';
import { useReducedMotion } from '../lib/useReducedMotion';
import { ChartFrame } from './ChartFrame';
import { ChartTooltip } from './ChartTooltip';
import { gridProps, margin, xAxisProps, yAxisProps } from './axes';
import { bucketWord, COLORS, describeSeries, isPartial, toRows, type SeriesDef } from './series';
import { lineDot } from './partial';

const SERIES: SeriesDef[] = [
  { key: 'alerts', label: 'Alerts', color: COLORS.alerts, unit: 'count', value: (p) => p.alerts },
  { key: 'pages', label: 'Pages', color: COLORS.pages, unit: 'count', value: (p) => p.pages },
  { key: 'sleepInterruptions', label: 'Sleep interruptions', color: COLORS.sleep, unit: 'count', value: (p) => p.sleepInterruptions },
];

/** Alerts, pages and sleep interruptions per day or week. */
export function LoadSeriesChart({ points, bucket, teamName }: { points: KpiPoint[]; bucket: Bucket; teamName: string }) {
  const reduced = useReducedMotion();
  const rows = toRows(points, SERIES);
  const title = `Alerts and pages per ${bucketWord(bucket)}`;
  return (
    <ChartFrame
      title={title}
      summary={describeSeries(`${title}, ${teamName}`, rows, SERIES, bucket)}
      series={SERIES}
      rows={rows}
      testId="chart-load"
      height={260}
      withTable
    >
      <LineChart data={rows} responsive style={{ width: '100%', height: '100%' }} margin={margin} accessibilityLayer={false}>
        <CartesianGrid {...gridProps} />
        <XAxis {...xAxisProps} />
        <YAxis {...yAxisProps} allowDecimals={false} domain={[0, 'auto']} />
        <Tooltip cursor={{ stroke: COLORS.grid }} content={(p) => <ChartTooltip active={p.active} payload={p.payload} series={SERIES} />} />
        {SERIES.map((s, i) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            type="linear"
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={i === 2 ? '5 3' : undefined}
            dot={points.length <= 31 || rows.some(isPartial) ? lineDot(s.color) : false}
            isAnimationActive={!reduced}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
