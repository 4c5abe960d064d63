import { useEffect, useRef, useState } from 'react';
import type { TrendPoint } from '../graphql/operations';
import { formatCount, formatHours } from '../lib/format';
import { ChartFrame } from './ChartFrame';
import { barFill, HatchPatterns } from './partial';
import { COLORS, describeSeries, isPartial, partialText, periodText, toRows, type SeriesDef } from './series';
import { trendGeometry } from './trendGeometry';

const SERIES: SeriesDef<TrendPoint>[] = [
  { key: 'pageHours', label: 'Page hours', color: COLORS.pageHours, unit: 'hours', value: (p) => p.pageHours },
  { key: 'alerts', label: 'Alerts', color: COLORS.alerts, unit: 'count', value: (p) => p.alerts },
];

const HEIGHT = 140;
const BOX = { left: 40, right: 32, top: 8, bottom: 20 };

/** The width the chart is given by its card, followed as the window resizes. */
function useWidth(initial: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    // Without ResizeObserver (an old browser, a DOM-less test) the chart keeps its first width.
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(120, Math.round(entry.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * The overview's small weekly chart of one team: page hours as bars (left scale), alerts as a line
 * (right scale). Plain SVG, not recharts, so the overview does not load a chart library for its
 * small multiples; the team page keeps recharts' charts. Each week's figures are its tooltip.
 */
export default function TeamTrendChart({ slug, name, points }: { slug: string; name: string; points: TrendPoint[] }) {
  const [ref, width] = useWidth(300);
  const rows = toRows(points, SERIES);
  const chartId = `chart-${slug}`;
  const g = trendGeometry(
    points.map((p) => p.pageHours),
    points.map((p) => p.alerts),
    { width, height: HEIGHT, ...BOX },
  );
  const labelEvery = Math.max(1, Math.ceil(rows.length / Math.max(1, Math.floor((width - BOX.left - BOX.right) / 56))));
  return (
    <ChartFrame
      title="Weekly page hours and alerts"
      summary={describeSeries(`Weekly page hours and alerts of ${name}`, rows, SERIES, 'WEEK')}
      series={SERIES}
      rows={rows}
      testId={chartId}
      height={HEIGHT}
    >
      <div ref={ref} className="mini-chart">
        <svg width={width} height={HEIGHT} aria-hidden="true" className="mini-chart__svg">
          <HatchPatterns chartId={chartId} series={SERIES} />
          <path d={`M${BOX.left} ${g.baseline} H${width - BOX.right}`} stroke={COLORS.grid} />
          <path d={`M${BOX.left} ${BOX.top} H${width - BOX.right}`} stroke={COLORS.grid} strokeDasharray="3 3" />
          {/* Each team's chart has its own scale: the axes say so, hours left and alerts right. */}
          <text x={BOX.left - 6} y={BOX.top + 4} textAnchor="end" className="mini-chart__tick">{`${g.barMax} h`}</text>
          <text x={BOX.left - 6} y={g.baseline} textAnchor="end" className="mini-chart__tick">0 h</text>
          <text x={width - BOX.right + 6} y={BOX.top + 4} className="mini-chart__tick">{formatCount(g.lineMax)}</text>
          <text x={width - BOX.right + 6} y={g.baseline} className="mini-chart__tick">0</text>
          {rows.map((r, i) => {
            const bar = g.bars[i];
            const slotX = bar.x + bar.width / 2;
            const tip = `${periodText(r)}${isPartial(r) ? ` (${partialText(r)})` : ''}: ${formatHours(points[i].pageHours)} page hours, ${formatCount(points[i].alerts)} alerts`;
            return (
              <g key={r.start}>
                <title>{tip}</title>
                <path d={`M${bar.x} ${g.baseline} V${bar.y} H${bar.x + bar.width} V${g.baseline} Z`} fill={barFill(r, chartId, SERIES[0])} />
                {i % labelEvery === 0 && (
                  <text x={slotX} y={HEIGHT - 4} textAnchor="middle" className="mini-chart__tick">
                    {r.label}
                  </text>
                )}
              </g>
            );
          })}
          <path d={g.linePath} fill="none" stroke={COLORS.alerts} strokeWidth={2} strokeLinejoin="round" />
          {g.dots.map((d, i) =>
            d ? (
              <circle
                key={rows[i].start}
                cx={d.x}
                cy={d.y}
                r={isPartial(rows[i]) ? 3.5 : 2.5}
                fill={isPartial(rows[i]) ? '#fff' : COLORS.alerts}
                stroke={COLORS.alerts}
                strokeWidth={isPartial(rows[i]) ? 1.5 : 0}
              />
            ) : null,
          )}
        </svg>
      </div>
    </ChartFrame>
  );
}
