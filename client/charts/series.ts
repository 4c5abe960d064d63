/** Turns KPI points into chart rows and words: the shaping every chart shares (no recharts here). */
import type { Bucket, KpiPoint } from '../graphql/operations';
import { formatCount, formatHours, formatShortDate } from '../lib/format';

export type Unit = 'count' | 'hours';

export interface SeriesDef {
  key: string;
  label: string;
  color: string;
  unit: Unit;
  value(p: KpiPoint): number;
}

/** One chart row: the period and one number per series key. */
export interface ChartRow {
  start: string;
  end: string;
  label: string;
  [key: string]: string | number;
}

export const COLORS = {
  business: '#2563eb',
  off: '#b45309',
  sleep: '#6d28d9',
  alerts: '#b45309',
  pages: '#be123c',
  pageHours: '#3b82f6',
  succeeded: '#0f766e',
  failed: '#dc2626',
  grid: '#e3e8ef',
  axis: '#52606d',
} as const;

export function formatValue(value: number, unit: Unit): string {
  return unit === 'hours' ? `${formatHours(value)} h` : formatCount(value);
}

export function toRows(points: readonly KpiPoint[], series: readonly SeriesDef[]): ChartRow[] {
  return points.map((p) => {
    const row: ChartRow = { start: p.start, end: p.end, label: formatShortDate(p.start) };
    for (const s of series) row[s.key] = s.value(p);
    return row;
  });
}

/** "May 6" for a day, "May 6 – May 12" for a week. */
export function periodText(row: { start: string; end: string }): string {
  return row.start === row.end ? formatShortDate(row.start) : `${formatShortDate(row.start)} – ${formatShortDate(row.end)}`;
}

export function bucketWord(bucket: Bucket): string {
  return bucket === 'DAY' ? 'day' : 'week';
}

/**
 * The chart in words, for screen readers (the chart's aria-label): the periods, and per series
 * the total and the busiest period.
 */
export function describeSeries(title: string, rows: readonly ChartRow[], series: readonly SeriesDef[], bucket: Bucket): string {
  if (rows.length === 0) return `${title}: no data.`;
  const word = bucketWord(bucket);
  const parts = [`${title}, ${rows.length} ${word}${rows.length === 1 ? '' : 's'} from ${rows[0].start} to ${rows[rows.length - 1].end}.`];
  for (const s of series) {
    let total = 0;
    let peak = rows[0];
    for (const r of rows) {
      const v = Number(r[s.key]);
      total += v;
      if (v > Number(peak[s.key])) peak = r;
    }
    parts.push(
      total === 0
        ? `${s.label}: none.`
        : `${s.label}: ${formatValue(total, s.unit)} in total, most in the ${word} of ${periodText(peak)} (${formatValue(Number(peak[s.key]), s.unit)}).`,
    );
  }
  return parts.join(' ');
}
