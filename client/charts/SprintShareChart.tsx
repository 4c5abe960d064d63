import { Bar, CartesianGrid, Cell, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { SprintRow } from '../graphql/operations';
import { formatPercent, formatShare } from '../lib/format';
import { useReducedMotion } from '../lib/useReducedMotion';
import { ChartFrame } from './ChartFrame';
import { ChartTooltip } from './ChartTooltip';
import { cursor, gridProps, margin, tick, yAxisProps } from './axes';
import { COLORS, type ChartRow, type SeriesInfo } from './series';
import { HatchPatterns, hatchId } from './partial';

const SERIES: SeriesInfo[] = [
  { key: 'actual', label: 'Actual ops share', color: COLORS.actual, unit: 'percent' },
  { key: 'reserved', label: 'Reserved share', color: COLORS.reserved, unit: 'percent' },
];

/** The chart in words: each sprint's actual against reserved share, and the policy's bounds. */
export function describeSprints(sprints: readonly SprintRow[], floor: number, ceiling: number): string {
  if (sprints.length === 0) return 'Ops share per sprint: no sprints.';
  const parts = sprints.map(
    (s) =>
      `${s.name}${s.state === 'IN_PROGRESS' ? ' (in progress, to date)' : s.state === 'PLANNED' ? ' (planned)' : ''}: ${formatPercent(s.opsShare)} actual, ${s.reservedOpsShare == null ? 'nothing reserved' : `${formatPercent(s.reservedOpsShare)} reserved`}${s.underReserved ? ', under-reserved' : ''}.`,
  );
  return `Ops share per sprint against the reserved share, reserve floor ${formatShare(floor)}, ops ceiling ${formatShare(ceiling)}. ${parts.join(' ')}`;
}

/**
 * Each sprint's actual ops share (bars; red where it exceeded what was reserved) against the share
 * reserved at planning (dark line), with the guardrail floor and ceiling as reference lines.
 * `sprints` come oldest first.
 */
export default function SprintShareChart({ sprints, floor, ceiling }: { sprints: SprintRow[]; floor: number; ceiling: number }) {
  const reduced = useReducedMotion();
  const rows: ChartRow[] = sprints.map((s) => ({
    start: s.startDate,
    end: s.endDate,
    label: s.name,
    actual: s.opsShare,
    reserved: s.reservedOpsShare,
  }));
  const top = Math.max(ceiling, ...sprints.map((s) => Math.max(s.opsShare ?? 0, s.reservedOpsShare ?? 0)));
  const domainTop = Math.min(1, Math.ceil((top + 0.05) * 10) / 10) || 0.1;
  const under = new Set(sprints.filter((s) => s.underReserved).map((s) => s.startDate));
  const running = new Map(sprints.filter((s) => s.state !== 'FINISHED').map((s) => [s.startDate, s.state]));
  return (
    <ChartFrame
      title="Ops share per sprint against reserved share"
      summary={describeSprints(sprints, floor, ceiling)}
      series={SERIES}
      rows={rows}
      testId="chart-sprint-share"
      height={260}
    >
      <ComposedChart data={rows} responsive style={{ width: '100%', height: '100%' }} margin={{ ...margin, right: 16 }} accessibilityLayer={false}>
        <HatchPatterns chartId="chart-sprint-share" series={[SERIES[0]]} />
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="label" tick={tick} tickLine={false} axisLine={{ stroke: COLORS.grid }} interval="preserveStartEnd" minTickGap={12} />
        <YAxis {...yAxisProps} width={44} domain={[0, domainTop]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
        <Tooltip
          cursor={cursor}
          content={(p) => (
            <ChartTooltip
              active={p.active}
              payload={p.payload}
              series={SERIES}
              footer={(row) => (
                <p className="chart-tooltip__footer">
                  {row.label}
                  {under.has(row.start) ? ' · under-reserved' : ''}
                  {running.get(row.start) === 'IN_PROGRESS' ? ' · in progress, to date' : running.get(row.start) === 'PLANNED' ? ' · planned' : ''}
                </p>
              )}
            />
          )}
        />
        <ReferenceLine y={floor} stroke={COLORS.floor} strokeDasharray="6 4" label={{ value: `Floor ${formatShare(floor)}`, position: 'insideBottomLeft', fill: COLORS.floor, fontSize: 12 }} />
        <ReferenceLine y={ceiling} stroke={COLORS.ceiling} strokeDasharray="6 4" label={{ value: `Ceiling ${formatShare(ceiling)}`, position: 'insideTopLeft', fill: COLORS.ceiling, fontSize: 12 }} />
        <Bar dataKey="actual" name="Actual ops share" maxBarSize={40} radius={[3, 3, 0, 0]} isAnimationActive={!reduced}>
          {rows.map((r) => (
            <Cell
              key={r.start}
              fill={running.has(r.start) ? `url(#${hatchId('chart-sprint-share', 'actual')})` : under.has(r.start) ? COLORS.overReserved : COLORS.actual}
            />
          ))}
        </Bar>
        <Line dataKey="reserved" name="Reserved share" type="linear" stroke={COLORS.reserved} strokeWidth={2} dot={{ r: 4, fill: COLORS.reserved }} connectNulls isAnimationActive={!reduced} />
      </ComposedChart>
    </ChartFrame>
  );
}
