import type { OpsPoint } from '../graphql/operations';
import { formatHours, formatShortDate } from '../lib/format';

const W = 80;
const H = 28;
const PAD = 3;

/** The sparkline in words: its accessible name and its tooltip. */
export function describeSpark(points: readonly OpsPoint[], per: string): string {
  if (points.length === 0) return 'No ops hours in this range.';
  let total = 0;
  let peak = points[0];
  for (const p of points) {
    total += p.opsHours;
    if (p.opsHours > peak.opsHours) peak = p;
  }
  if (total === 0) return `No ops hours in ${points.length} ${per}s.`;
  const when = peak.start === peak.end ? formatShortDate(peak.start) : `the ${per} of ${formatShortDate(peak.start)}`;
  return `Ops hours per ${per}, ${points.length} ${per}s: ${formatHours(total)} h in total, most on ${when} (${formatHours(peak.opsHours)} h).`;
}

/**
 * A tiny ops-hours trend drawn as plain SVG (no chart library), so the overview's first bundle
 * stays small. The picture has a text equivalent; the figures are in the table beside it.
 */
export function Sparkline({ points, per, testId }: { points: readonly OpsPoint[]; per: string; testId?: string }) {
  const text = describeSpark(points, per);
  const max = Math.max(0, ...points.map((p) => p.opsHours));
  const step = points.length > 1 ? (W - 2 * PAD) / (points.length - 1) : 0;
  const xy = points.map((p, i) => {
    const x = points.length > 1 ? PAD + i * step : W / 2;
    const y = max > 0 ? H - PAD - (p.opsHours / max) * (H - 2 * PAD) : H - PAD;
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as const;
  });
  const line = xy.map(([x, y]) => `${x},${y}`).join(' ');
  const last = xy[xy.length - 1];
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={text} data-testid={testId}>
      <title>{text}</title>
      <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} className="sparkline__base" />
      {xy.length > 1 && <polygon points={`${xy[0][0]},${H - PAD} ${line} ${last[0]},${H - PAD}`} className="sparkline__area" />}
      {xy.length > 1 && <polyline points={line} className="sparkline__line" />}
      {last && <circle cx={last[0]} cy={last[1]} r={2.5} className="sparkline__dot" />}
    </svg>
  );
}
