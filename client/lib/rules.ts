/** Guardrail rules and DORA figures in words: names, and values with their units. */
import type { DoraBand, DoraMetric, RuleResult } from '../graphql/operations';
import { formatHours, formatPercent, formatShare, NO_VALUE } from './format';

export const RULE_NAMES: Record<string, string> = {
  opsCeiling: 'Ops ceiling',
  reserveFloor: 'Reserve floor',
  pageHoursPerWeek: 'Page hours per week',
  sleepInterruptionsPerWeek: 'Sleep interruptions per week',
  sleepInterruptionsPerPersonWeek: 'Sleep interruptions per person per week',
  changeFailureRate: 'Change failure rate',
  projectedOpsShare: 'Projected ops share',
  reservedOpsShare: 'Reserved ops share',
};

export const ruleName = (rule: string) => RULE_NAMES[rule] ?? rule;

const perWeek = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** "34.0% of 50%", "3.4 h of 12 h per week", "1.3 of 2 per week". */
export function ruleFigures(r: RuleResult): string {
  switch (r.rule) {
    case 'opsCeiling':
    case 'reserveFloor':
    case 'changeFailureRate':
    case 'projectedOpsShare':
    case 'reservedOpsShare':
      return `${formatPercent(r.value)} · limit ${formatShare(r.limit)}`;
    case 'pageHoursPerWeek':
      return `${r.value == null ? NO_VALUE : `${formatHours(r.value)} h`} · limit ${perWeek.format(r.limit)} h per week`;
    case 'sleepInterruptionsPerWeek':
      return `${r.value == null ? NO_VALUE : perWeek.format(r.value)} · limit ${perWeek.format(r.limit)} per week`;
    case 'sleepInterruptionsPerPersonWeek':
      return `${r.value == null ? NO_VALUE : perWeek.format(r.value)} · limit ${perWeek.format(r.limit)} per person per week`;
    default:
      return `${r.value ?? NO_VALUE} · limit ${r.limit}`;
  }
}

export const BAND_LABEL: Record<DoraBand, string> = { ELITE: 'Elite', HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };

const one = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Deploys per day as the natural unit: "2.3 per day", "3 per week", "1.5 per month". */
export function formatFrequency(perDay: number | null): string {
  if (perDay == null || !Number.isFinite(perDay)) return NO_VALUE;
  if (perDay === 0) return 'none';
  if (perDay >= 1) return `${one.format(perDay)} per day`;
  if (perDay * 7 >= 1) return `${one.format(perDay * 7)} per week`;
  return `${one.format(perDay * 30)} per month`;
}

/** A DORA figure in words, by its unit. */
export function formatDora(m: DoraMetric, duration: (s: number | null) => string): string {
  if (m.unit === 'deploys/day') return formatFrequency(m.value);
  if (m.unit === 'ratio') return formatPercent(m.value);
  return duration(m.value);
}
