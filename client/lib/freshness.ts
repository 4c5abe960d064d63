/** How current the data is, in words: pure, with `now` passed in. */
import type { SourceFreshness } from '../graphql/operations';
import { formatShortDate } from './format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "2 days ago"; a future instant (clock skew) is "just now". */
export function timeAgo(iso: string, now: Date): string {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return 'at an unknown time';
  const ms = now.getTime() - then;
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`;
  const days = Math.floor(ms / DAY);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** The newest day any source has figures for, or null. */
export function latestDate(sources: readonly SourceFreshness[]): string | null {
  return sources.reduce<string | null>((max, s) => (s.latestDate && (!max || s.latestDate > max) ? s.latestDate : max), null);
}

/** "Data as of Nov 23: pagerduty 5 min ago, csv 2 days ago." */
export function freshnessText(sources: readonly SourceFreshness[], now: Date): string {
  if (sources.length === 0) return 'No data received yet.';
  const latest = latestDate(sources);
  const parts = sources.map((s) => `${s.source} ${timeAgo(s.lastReceivedAt, now)}`).join(', ');
  return `${latest ? `Data as of ${formatShortDate(latest)}` : 'Data received'}: ${parts}.`;
}
