/**
 * Change against the previous period, in words and as an arrow. Counts and hours change by a
 * relative percentage; shares change by percentage points (a share's relative change misleads).
 * Divide-by-zero rule: from 0 to more is "up from 0", from 0 to 0 is "no change".
 */
export type Direction = 'up' | 'down' | 'flat';

export interface Delta {
  direction: Direction;
  /** Short form for the cell: "12%", "3.5 pts", "new". */
  short: string;
  /** The whole sentence for assistive technology: "up 12% from previous period". */
  text: string;
}

const PERIOD = 'from previous period';

export function relativeDelta(current: number | null | undefined, previous: number | null | undefined): Delta | null {
  if (current == null || previous == null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  if (previous === 0) {
    if (current === 0) return { direction: 'flat', short: '0%', text: `no change ${PERIOD}` };
    return { direction: current > 0 ? 'up' : 'down', short: 'new', text: `up from 0 in the previous period` };
  }
  const change = (current - previous) / Math.abs(previous);
  const rounded = Math.round(Math.abs(change) * 100);
  if (rounded === 0) return { direction: 'flat', short: '0%', text: `no change ${PERIOD}` };
  const direction: Direction = change > 0 ? 'up' : 'down';
  return { direction, short: `${rounded}%`, text: `${direction} ${rounded}% ${PERIOD}` };
}

/** Shares (0..1): the change in percentage points, one decimal. */
export function shareDelta(current: number | null | undefined, previous: number | null | undefined): Delta | null {
  if (current == null || previous == null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const points = Math.round((current - previous) * 1000) / 10;
  if (points === 0) return { direction: 'flat', short: '0 pts', text: `no change ${PERIOD}` };
  const direction: Direction = points > 0 ? 'up' : 'down';
  const n = Math.abs(points).toFixed(1);
  return { direction, short: `${n} pts`, text: `${direction} ${n} percentage points ${PERIOD}` };
}
