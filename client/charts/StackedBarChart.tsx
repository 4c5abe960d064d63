import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { barFill, HatchPatterns } from './partial';
import type { Bucket, KpiPoint } from '../graphql/operations';
import { useReducedMotion } from '../lib/useReducedMotion';
import { ChartFrame } from './ChartFrame';
import { ChartTooltip } from './ChartTooltip';
import { cursor, gridProps, margin, xAxisProps, yAxisProps } from './axes';
import { describeSeries, toRows, type ChartRow, type SeriesDef } from './series';

interface Props {
  title: string;
  teamName: string;
  points: KpiPoint[];
  bucket: Bucket;
  /** Stacked bottom to top; the last one gets the rounded top. */
  series: SeriesDef[];
  testId: string;
  height: number;
  maxBarSize: number;
  /** Hours get "h" ticks; counts whole-number ticks. */
  yUnit: 'hours' | 'count';
  yAxisWidth?: number;
  /** The tooltip's last line: a total or a rate for the bucket under the cursor. */
  footer: (row: ChartRow) => ReactNode;
}

/** One bar per day, week or sprint, stacked by series, with the chart frame's title, summary and table. */
export function StackedBarChart({ title, teamName, points, bucket, series, testId, height, maxBarSize, yUnit, yAxisWidth, footer }: Props) {
  const reduced = useReducedMotion();
  const rows = toRows(points, series);
  const yAxis = yUnit === 'hours' ? { tickFormatter: (v: number) => `${v} h` } : { allowDecimals: false };
  return (
    <ChartFrame
      title={title}
      summary={describeSeries(`${title}, ${teamName}`, rows, series, bucket)}
      series={series}
      rows={rows}
      testId={testId}
      height={height}
      withTable
    >
      <BarChart data={rows} responsive style={{ width: '100%', height: '100%' }} margin={margin} accessibilityLayer={false}>
        <HatchPatterns chartId={testId} series={series} />
        <CartesianGrid {...gridProps} />
        <XAxis {...xAxisProps} />
        <YAxis {...yAxisProps} {...yAxis} domain={[0, 'auto']} {...(yAxisWidth ? { width: yAxisWidth } : {})} />
        <Tooltip cursor={cursor} content={(p) => <ChartTooltip active={p.active} payload={p.payload} series={series} footer={footer} />} />
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="stack"
            fill={s.color}
            maxBarSize={maxBarSize}
            radius={i === series.length - 1 ? [3, 3, 0, 0] : undefined}
            isAnimationActive={!reduced}
          >
            {rows.map((r) => (
              <Cell key={r.start} fill={barFill(r, testId, s)} />
            ))}
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  );
}
