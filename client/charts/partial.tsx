/**
 * Buckets the range cuts (a week that began before it, a sprint that ends after it) hold fewer
 * days than the others; drawn like full ones, the last week would look like a sudden drop. They
 * are hatched and lighter (bars) or hollow (line dots), and the legend and tooltip say why.
 */
import { isPartial, type ChartRow } from './series';

/** The id of the hatch pattern of one series' colour in one chart. */
export function hatchId(chartId: string, key: string): string {
  return `partial-${chartId}-${key}`.replace(/[^\w-]/g, '_');
}

/** The hatch patterns of the given series, to place inside a recharts chart. */
export function HatchPatterns({ chartId, series }: { chartId: string; series: readonly { key: string; color: string }[] }) {
  return (
    <defs>
      {series.map((s) => (
        <pattern key={s.key} id={hatchId(chartId, s.key)} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={s.color} fillOpacity={0.25} />
          <line x1="0" y1="0" x2="0" y2="6" stroke={s.color} strokeWidth="3" strokeOpacity={0.8} />
        </pattern>
      ))}
    </defs>
  );
}

/** A bar's fill: its colour, or its hatch when the row is a partial bucket. */
export function barFill(row: ChartRow, chartId: string, s: { key: string; color: string }): string {
  return isPartial(row) ? `url(#${hatchId(chartId, s.key)})` : s.color;
}

/** A line's dot: filled for a full bucket, hollow for a partial one. */
export function lineDot(color: string) {
  return function Dot(props: { cx?: number; cy?: number; payload?: ChartRow; index?: number }) {
    if (props.cx === undefined || props.cy === undefined || props.cy === null) return <g key={props.index} />;
    const partial = props.payload ? isPartial(props.payload) : false;
    return <circle key={props.index} cx={props.cx} cy={props.cy} r={partial ? 3.5 : 2.5} fill={partial ? '#fff' : color} stroke={color} strokeWidth={partial ? 1.5 : 0} />;
  };
}
