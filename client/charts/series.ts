/** Turns KPI points into chart rows and words: the shaping every chart shares (no recharts here). */
import type { Bucket, KpiPoint } from '../graphql/operations';
import { bucketWord } from '../lib/bucket';
import { formatCount, formatHours, formatPercent, formatShortDate } from '../lib/format';

export type Unit = 'count' | 'hours' | 'percent';

export interface SeriesDef<P = KpiPoint> {
  key: string;
  label: string;
  color: string;
  unit: Unit;
  value(p: P): number | null;
}

/** What the frame, tooltip and table need of a series (not how to read it). */
export type SeriesInfo = Pick<SeriesDef, 'key' | 'label' | 'color' | 'unit'>;

/** One chart row: the period and one number per series key. */
export interface ChartRow {
  start: string;
  end: string;
  label: string;
  /** Days of the bucket inside the range, and of the whole bucket (when the server says). */
  days?: number;
  bucketDays?: number;
  [key: string]: string | number | null | undefined;
}

/** A bucket the range cuts: it covers fewer days than a whole one. */
export function isPartial(row: { days?: number; bucketDays?: number }): boolean {
  return row.days !== undefined && row.bucketDays !== undefined && row.days < row.bucketDays;
}

/** "5 of 7 days" for a partial bucket, '' for a whole one. */
export function partialText(row: { days?: number; bucketDays?: number }): string {
  return isPartial(row) ? `${row.days} of ${row.bucketDays} days` : '';
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
  opsPages: '#1d4ed8',
  opsAlerts: '#b45309',
  opsFailed: '#be123c',
  opsToil: '#0f766e',
  actual: '#3b82f6',
  overReserved: '#be123c',
  reserved: '#111827',
  floor: '#047857',
  ceiling: '#b42318',
  grid: '#e3e8ef',
  axis: '#52606d',
} as const;

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === 'percent') return formatPercent(value);
  return unit === 'hours' ? `${formatHours(value)} h` : formatCount(value);
}

export function toRows<P extends { start: string; end: string; days?: number; bucketDays?: number } = KpiPoint>(
  points: readonly P[],
  series: readonly SeriesDef<P>[],
): ChartRow[] {
  return points.map((p) => {
    const row: ChartRow = { start: p.start, end: p.end, label: formatShortDate(p.start), days: p.days, bucketDays: p.bucketDays };
    for (const s of series) row[s.key] = s.value(p);
    return row;
  });
}

/** A row's figure of one series as a number, or null when the server gave none. */
export function rowValue(row: ChartRow, key: string): number | null {
  const v = row[key];
  return v === null || v === undefined || v === '' ? null : Number(v);
}

/** "May 6" for a day, "May 6 – May 12" for a week. */
export function periodText(row: { start: string; end: string }): string {
  return row.start === row.end ? formatShortDate(row.start) : `${formatShortDate(row.start)} – ${formatShortDate(row.end)}`;
}

export { bucketWord };

/**
 * The chart in words, for screen readers (the chart's aria-label): the periods, and per series
 * the total and the busiest period.
 */
export function describeSeries(title: string, rows: readonly ChartRow[], series: readonly SeriesInfo[], bucket: Bucket): string {
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
