/** How the data page writes senders, keys and times. */

export const SOURCE_TEXT: Record<string, string> = { pagerduty: 'PagerDuty', github: 'GitHub', csv: 'CSV import', api: 'API' };

/** What a sender's key is, in words: "PagerDuty service PSVCPAY", "GitHub repository acme/api". */
export function sourceKeyText(source: string, key: string): string {
  if (source === 'pagerduty') return `PagerDuty service ${key}`;
  if (source === 'github') return `GitHub repository ${key}`;
  return `${source} ${key}`;
}

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** "Mar 9, 2026, 9:30 PM" in the viewer's time zone. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : when.format(d);
}

const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "3 hours ago", "yesterday": how old a time is, from `now`. */
export function formatAge(iso: string, now: Date = new Date()): string {
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return '';
  let value = (ms - now.getTime()) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return '';
}
