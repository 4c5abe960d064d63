import type { GuardrailField, ReserveAt } from './operations';
import { formatShare } from '../../lib/format';

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A policy value with its unit: "20%", "12 h", "2", "3 sprints". */
export function policyValue(field: GuardrailField, value: number): string {
  switch (field) {
    case 'reserveFloor':
    case 'opsCeiling':
    case 'maxChangeFailureRate':
      return formatShare(value);
    case 'maxPageHoursPerWeek':
      return `${plain.format(value)} h`;
    case 'lookbackSprints':
      return `${value} sprint${value === 1 ? '' : 's'}`;
    default:
      return plain.format(value);
  }
}

/** What the recommendation reserves at, in a few words. */
export function reserveAtText(basis: ReserveAt): string {
  return basis === 'P80' ? '80th percentile' : 'projection';
}

/** "Nov 23, 2026, 14:05" in the viewer's clock; "built in" for the default that has no date. */
export function whenText(iso: string | null): string {
  if (!iso) return 'built in';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
}
