/**
 * How the snapshot pages write times, statuses and KPI changes. Pure functions, tested in
 * test/unit/client/pages/snapshots/snapshotFormat.test.ts.
 */
import { formatCount, formatHours, formatPercent, NO_VALUE } from '../../lib/format';

/** "4.5 h". */
export const hoursText = (n: number) => `${formatHours(n)} h`;

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** "Mar 9, 2026, 10:30 PM" in the viewer's time zone; the text as given when it is not a time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** "Mar 9, 2026". */
export function formatDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateOnly.format(d);
}

type Kind = 'count' | 'hours' | 'share';

/** The KPIs snapshotDiff compares (server/snapshots/diff.ts COMPARED_KPIS), with how to write them. */
export const DIFF_KPIS: Record<string, { label: string; kind: Kind }> = {
  alerts: { label: 'Alerts', kind: 'count' },
  pages: { label: 'Pages', kind: 'count' },
  pageHours: { label: 'Page hours', kind: 'hours' },
  sleepPageHours: { label: 'Sleep page hours', kind: 'hours' },
  sleepInterruptions: { label: 'Sleep interruptions', kind: 'count' },
  deploys: { label: 'Deploys', kind: 'count' },
  failedDeploys: { label: 'Failed deploys', kind: 'count' },
  changeFailureRate: { label: 'Change failure rate', kind: 'share' },
  toilHours: { label: 'Toil hours', kind: 'hours' },
  opsHours: { label: 'Ops hours', kind: 'hours' },
  capacityHours: { label: 'Capacity hours', kind: 'hours' },
  opsShare: { label: 'Ops share', kind: 'share' },
};

const kindOf = (kpi: string): Kind => DIFF_KPIS[kpi]?.kind ?? 'hours';

export function kpiLabel(kpi: string): string {
  return DIFF_KPIS[kpi]?.label ?? kpi;
}

/** A value of a compared KPI: "12", "4.5 h", "23.0%"; "—" when undefined (e.g. no deploys). */
export function formatKpiValue(kpi: string, value: number | null): string {
  switch (kindOf(kpi)) {
    case 'count':
      return formatCount(value);
    case 'share':
      return formatPercent(value);
    case 'hours': {
      const s = formatHours(value);
      return s === NO_VALUE ? s : `${s} h`;
    }
  }
}

export interface DeltaText {
  direction: 'up' | 'down' | 'none';
  /** "▲" or "▼"; empty when there is no direction. */
  arrow: string;
  /** "+3", "−1.5 h", "+5.0 pts"; "—" when undefined. */
  short: string;
  /** For screen readers and titles: "up by 3", "down by 1.5 hours", "up by 5.0 percentage points". */
  spoken: string;
}

/** A change written with its direction in words, never by arrow or colour alone. */
export function describeDelta(kpi: string, delta: number | null): DeltaText {
  if (delta == null || !Number.isFinite(delta)) return { direction: 'none', arrow: '', short: NO_VALUE, spoken: 'not comparable (a side has no value)' };
  if (delta === 0) return { direction: 'none', arrow: '', short: '0', spoken: 'unchanged' };
  const direction = delta > 0 ? 'up' : 'down';
  const sign = delta > 0 ? '+' : '−';
  const abs = Math.abs(delta);
  let short: string;
  let spoken: string;
  switch (kindOf(kpi)) {
    case 'count':
      short = `${sign}${formatCount(abs)}`;
      spoken = `${direction} by ${formatCount(abs)}`;
      break;
    case 'share': {
      // Below one point, two decimals: "1.2% → 1.2%" must not read as "+0.1 pts" for a 0.06-point move.
      const points = (abs * 100).toFixed(abs * 100 < 0.95 ? 2 : 1);
      short = `${sign}${points} pts`;
      spoken = `${direction} by ${points} percentage points`;
      break;
    }
    case 'hours': {
      // Likewise a move too small for one decimal keeps two, never "−0.0 h".
      const text = abs < 0.095 ? abs.toFixed(2) : formatHours(abs);
      short = `${sign}${text} h`;
      spoken = `${direction} by ${text} hours`;
      break;
    }
  }
  return { direction, arrow: direction === 'up' ? '▲' : '▼', short, spoken };
}

/** The rule ids of RuleResult.rule, in words. */
/** A rule's value or limit in the rule's own unit. */
export function formatRuleNumber(rule: string, n: number | null): string {
  if (rule === 'opsCeiling' || rule === 'reserveFloor' || rule === 'changeFailureRate') return formatPercent(n);
  if (rule === 'pageHoursPerWeek') return n == null ? NO_VALUE : `${formatHours(n)} h`;
  return n == null ? NO_VALUE : (Math.round(n * 10) / 10).toString();
}
