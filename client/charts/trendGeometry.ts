/**
 * The geometry of the overview's small trend charts (bars for one series, a line for another),
 * computed without a chart library: the overview draws one per team, and recharts alone would
 * more than double the JavaScript the overview needs (docs/performance.md, "Overview JavaScript").
 */

export interface Box {
  width: number;
  height: number;
  /** Room kept free for the axis labels: left (bars' scale), right (line's scale), bottom (dates). */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface TrendGeometry {
  bars: { x: number; y: number; width: number; height: number }[];
  /** Line points; null where the figure is missing (the line breaks there). */
  dots: ({ x: number; y: number } | null)[];
  /** SVG path of the line, one `M` per unbroken run. */
  linePath: string;
  /** The top of each scale: a round number at or above the largest figure (1 when all are 0). */
  barMax: number;
  lineMax: number;
  baseline: number;
}

/** 1, 2, 2.5, 5 × 10ⁿ: the smallest such number ≥ v, so the axis reads "10 h" rather than "9.37 h". */
export function niceCeiling(v: number): number {
  if (!(v > 0)) return 1;
  const exp = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= v - 1e-9) return m * exp;
  return 10 * exp;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Bars and line over n equal slots; bars take 60% of their slot, at most 28 px, as on the other charts. */
export function trendGeometry(bars: readonly (number | null)[], line: readonly (number | null)[], box: Box): TrendGeometry {
  const n = Math.max(bars.length, line.length);
  const plotW = Math.max(0, box.width - box.left - box.right);
  const plotH = Math.max(0, box.height - box.top - box.bottom);
  const baseline = box.top + plotH;
  const barMax = niceCeiling(Math.max(0, ...bars.map((v) => v ?? 0)));
  const lineMax = niceCeiling(Math.max(0, ...line.map((v) => v ?? 0)));
  const slot = n > 0 ? plotW / n : 0;
  const barW = Math.min(28, slot * 0.6);
  const centre = (i: number) => box.left + slot * (i + 0.5);
  const geometry: TrendGeometry = { bars: [], dots: [], linePath: '', barMax, lineMax, baseline };
  for (let i = 0; i < n; i++) {
    const b = bars[i] ?? 0;
    const h = (b / barMax) * plotH;
    geometry.bars.push({ x: round1(centre(i) - barW / 2), y: round1(baseline - h), width: round1(barW), height: round1(h) });
    const l = line[i];
    geometry.dots.push(l === null || l === undefined ? null : { x: round1(centre(i)), y: round1(baseline - (l / lineMax) * plotH) });
  }
  let pen = false;
  const parts: string[] = [];
  for (const d of geometry.dots) {
    if (!d) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${d.x} ${d.y}`);
    pen = true;
  }
  geometry.linePath = parts.join(' ');
  return geometry;
}
