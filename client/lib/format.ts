/**
 * How the dashboard writes numbers: counts as integers, hours with one decimal,
 * rates as percentages, and an em dash where the server says there is no value.
 */
const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const hours = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const NO_VALUE = '—';

export function formatCount(n: number | null | undefined): string {
  return n == null || !Number.isFinite(n) ? NO_VALUE : counts.format(n);
}

export function formatHours(n: number | null | undefined): string {
  return n == null || !Number.isFinite(n) ? NO_VALUE : hours.format(n);
}

/** A share 0..1 as "12.5%"; null (e.g. no deploys, so no change failure rate) as "—". */
export function formatPercent(share: number | null | undefined): string {
  return share == null || !Number.isFinite(share) ? NO_VALUE : percent.format(share);
}

/** "Mar 4" from '2024-03-04', for chart axes. */
export function formatShortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** A policy share without needless decimals: 0.5 → "50%", 0.125 → "12.5%". */
export function formatShare(share: number | null | undefined): string {
  if (share == null || !Number.isFinite(share)) return NO_VALUE;
  return `${Math.round(share * 1000) / 10}%`;
}

/** A duration in seconds as minutes, hours or days: 90 → "1.5 min", 5400 → "1.5 h", 172800 → "2.0 days". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return NO_VALUE;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${hours.format(seconds / 60)} min`;
  if (seconds < 86_400) return `${hours.format(seconds / 3600)} h`;
  return `${hours.format(seconds / 86_400)} days`;
}

/** "Mon, Nov 23, 2026" from '2026-11-23'. */
export function formatLongDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}
