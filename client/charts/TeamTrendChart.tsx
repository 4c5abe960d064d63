import { Bar, CartesianGrid, Cell, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { barFill, HatchPatterns, lineDot } from './partial';
import type { TrendPoint } from '../graphql/operations';
import { useReducedMotion } from '../lib/useReducedMotion';
import { ChartFrame } from './ChartFrame';
import { ChartTooltip } from './ChartTooltip';
import { cursor, gridProps, margin, tick, xAxisProps } from './axes';
import { COLORS, describeSeries, toRows, type SeriesDef } from './series';

const smallAxis = {
  tick: { ...tick, fontSize: 11 },
  tickLine: false,
  axisLine: false,
  width: 44,
  tickCount: 3,
  domain: [0, 'auto'] as [number, 'auto'],
};

const SERIES: SeriesDef<TrendPoint>[] = [
  { key: 'pageHours', label: 'Page hours', color: COLORS.pageHours, unit: 'hours', value: (p) => p.pageHours },
  { key: 'alerts', label: 'Alerts', color: COLORS.alerts, unit: 'count', value: (p) => p.alerts },
];

/** The overview's small weekly chart of one team: page hours as bars, alerts as a line. */
export default function TeamTrendChart({ slug, name, points }: { slug: string; name: string; points: TrendPoint[] }) {
  const reduced = useReducedMotion();
  const rows = toRows(points, SERIES);
  return (
    <ChartFrame
      title="Weekly page hours and alerts"
      summary={describeSeries(`Weekly page hours and alerts of ${name}`, rows, SERIES, 'WEEK')}
      series={SERIES}
      rows={rows}
      testId={`chart-${slug}`}
      height={140}
    >
      <ComposedChart data={rows} responsive style={{ width: '100%', height: '100%' }} margin={margin} accessibilityLayer={false}>
        <HatchPatterns chartId={`chart-${slug}`} series={SERIES} />
        <CartesianGrid {...gridProps} />
        <XAxis {...xAxisProps} />
        {/* Each team's chart has its own scale: the axes say so, hours left and alerts right. */}
        <YAxis yAxisId="hours" {...smallAxis} tickFormatter={(v: number) => `${v} h`} />
        <YAxis yAxisId="count" {...smallAxis} orientation="right" allowDecimals={false} />
        <Tooltip cursor={cursor} content={(p) => <ChartTooltip active={p.active} payload={p.payload} series={SERIES} />} />
        <Bar yAxisId="hours" dataKey="pageHours" name="Page hours" fill={COLORS.pageHours} radius={[3, 3, 0, 0]} maxBarSize={28} isAnimationActive={!reduced}>
          {rows.map((r) => (
            <Cell key={r.start} fill={barFill(r, `chart-${slug}`, SERIES[0])} />
          ))}
        </Bar>
        <Line
          yAxisId="count"
          dataKey="alerts"
          name="Alerts"
          type="monotone"
          stroke={COLORS.alerts}
          strokeWidth={2}
          dot={lineDot(COLORS.alerts)}
          isAnimationActive={!reduced}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
