/**
 * The one date range of the dashboard: parsed from the URL, validated once, with presets.
 * Dates are calendar dates 'YYYY-MM-DD'; arithmetic runs in UTC so no time zone shifts a day.
 * Pure functions, `today` passed in, so every rule is testable without a clock.
 */
import type { DateRange, IsoDate } from '../graphql/operations';

/** The server refuses longer ranges (server/kpi/dateRange.ts MAX_RANGE_DAYS). */
export const MAX_RANGE_DAYS = 3 * 366;
export const DEFAULT_DAYS = 28;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toUtcMs(date: IsoDate): number {
  const m = DATE_RE.exec(date);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isCalendarDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const ms = toUtcMs(value);
  return Number.isFinite(ms) && fromUtcMs(ms) === value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Days in the inclusive range; 0 when `to` is before `from`. */
export function daysInRange(r: DateRange): number {
  return Math.max(0, Math.round((toUtcMs(r.to) - toUtcMs(r.from)) / DAY_MS) + 1);
}

/** Today's date on the viewer's clock, in the viewer's time zone. */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The last 28 days, ending today. */
export function defaultRange(today: IsoDate): DateRange {
  return { from: addDays(today, -(DEFAULT_DAYS - 1)), to: today };
}

/** Why a range is refused, or null when it is valid. */
export function rangeProblem(from: unknown, to: unknown): string | null {
  if (!isCalendarDate(from)) return 'start date must be a real date written YYYY-MM-DD';
  if (!isCalendarDate(to)) return 'end date must be a real date written YYYY-MM-DD';
  const days = daysInRange({ from, to });
  if (days < 1) return 'start date must not be after the end date';
  if (days > MAX_RANGE_DAYS) return `the range spans ${days} days; at most ${MAX_RANGE_DAYS} are allowed`;
  return null;
}

export interface ParsedRange {
  range: DateRange;
  /** False when the URL asked for a range and it was refused (the default is used instead). */
  valid: boolean;
  /** True when the URL gave no range at all. */
  isDefault: boolean;
}

/** Reads `from` and `to` from URL parameters; anything missing or invalid falls back to the default. */
export function parseRange(params: URLSearchParams, today: IsoDate): ParsedRange {
  const from = params.get('from');
  const to = params.get('to');
  if (from === null && to === null) return { range: defaultRange(today), valid: true, isDefault: true };
  if (rangeProblem(from, to) !== null) return { range: defaultRange(today), valid: false, isDefault: true };
  return { range: { from: from!, to: to! }, valid: true, isDefault: false };
}

/** Copies `params` with the range written into it, keeping every other parameter. */
export function withRangeParams(params: URLSearchParams, range: DateRange): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('from', range.from);
  next.set('to', range.to);
  return next;
}

/** `?from=…&to=…` for links that keep the current range. */
export function rangeSearch(range: DateRange): string {
  return `?from=${range.from}&to=${range.to}`;
}

function quarterStart(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number);
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(first).padStart(2, '0')}-01`;
}

export interface Preset {
  id: string;
  label: string;
  range(today: IsoDate): DateRange;
}

const lastDays = (days: number) => (today: IsoDate) => ({ from: addDays(today, -(days - 1)), to: today });

export const PRESETS: Preset[] = [
  { id: '14d', label: 'Last 2 weeks', range: lastDays(14) },
  { id: '28d', label: 'Last 28 days', range: lastDays(28) },
  { id: '30d', label: 'Last 30 days', range: lastDays(30) },
  { id: '90d', label: 'Last 90 days', range: lastDays(90) },
  { id: 'qtd', label: 'This quarter', range: (today) => ({ from: quarterStart(today), to: today }) },
  {
    id: 'lq',
    label: 'Last quarter',
    range: (today) => {
      const end = addDays(quarterStart(today), -1);
      return { from: quarterStart(end), to: end };
    },
  },
];

/** The preset that gives exactly this range today, or undefined for a custom range. */
export function presetOf(range: DateRange, today: IsoDate): Preset | undefined {
  return PRESETS.find((p) => {
    const r = p.range(today);
    return r.from === range.from && r.to === range.to;
  });
}

/** "2024-05-01 – 2024-05-28 (28 days)". */
export function describeRange(range: DateRange): string {
  const days = daysInRange(range);
  return `${range.from} – ${range.to} (${days} day${days === 1 ? '' : 's'})`;
}
