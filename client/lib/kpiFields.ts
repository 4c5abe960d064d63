import type { KpiField } from '../graphql/operations';
import { formatCount, formatHours, formatPercent } from './format';

export type KpiKind = 'count' | 'hours' | 'percent';

export interface KpiFieldInfo {
  field: KpiField;
  /** Column header and card title. */
  label: string;
  /** A narrower header for the table. */
  short: string;
  kind: KpiKind;
  /** What the figure means, for titles and screen readers. */
  description: string;
}

/** The KPIs in the order the dashboard shows them. */
export const KPI_FIELDS: KpiFieldInfo[] = [
  { field: 'alerts', label: 'Alerts', short: 'Alerts', kind: 'count', description: 'Alerts raised' },
  { field: 'pages', label: 'Pages', short: 'Pages', kind: 'count', description: 'Pages that notified a person' },
  { field: 'pageHours', label: 'Page hours', short: 'Page h', kind: 'hours', description: 'Hours paged, all hour classes' },
  { field: 'businessPageHours', label: 'Business hours', short: 'Business h', kind: 'hours', description: 'Page hours 08:00–18:00 Monday–Friday' },
  { field: 'offHoursPageHours', label: 'Off hours', short: 'Off h', kind: 'hours', description: 'Page hours in evenings and at weekends' },
  { field: 'sleepPageHours', label: 'Sleep hours', short: 'Sleep h', kind: 'hours', description: 'Page hours 22:00–08:00' },
  { field: 'sleepInterruptions', label: 'Sleep interruptions', short: 'Woken', kind: 'count', description: 'Pages triggered in sleep hours' },
  { field: 'deploys', label: 'Deploys', short: 'Deploys', kind: 'count', description: 'Production deploys' },
  { field: 'failedDeploys', label: 'Failed deploys', short: 'Failed', kind: 'count', description: 'Deploys that failed or were rolled back' },
  { field: 'changeFailureRate', label: 'Change failure rate', short: 'CFR', kind: 'percent', description: 'Failed ÷ all deploys; — when there were none' },
  { field: 'toilHours', label: 'Toil hours', short: 'Toil h', kind: 'hours', description: 'Manual operational work logged' },
  { field: 'opsHours', label: 'Ops hours', short: 'Ops h', kind: 'hours', description: 'Hours of ops work: weighted page hours, alert triage, failed deploys and toil' },
  { field: 'opsShare', label: 'Ops share', short: 'Ops %', kind: 'percent', description: 'Ops hours ÷ capacity; — when the capacity is unknown' },
  { field: 'capacityHours', label: 'Capacity', short: 'Capacity', kind: 'hours', description: 'Members × working days × focus hours' },
];

export const KPI_INFO = Object.fromEntries(KPI_FIELDS.map((f) => [f.field, f])) as Record<KpiField, KpiFieldInfo>;

export const UNIT: Record<KpiKind, string> = { count: '', hours: 'h', percent: '' };

export function formatKpi(field: KpiField, value: number | null): string {
  switch (KPI_INFO[field].kind) {
    case 'count':
      return formatCount(value);
    case 'hours':
      return formatHours(value);
    case 'percent':
      return formatPercent(value);
  }
}
