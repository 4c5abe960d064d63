/** The overview table's signal columns, grouped under their headers. */
import type { KpiField } from '../../graphql/operations';
import type { SortKey } from '../../lib/teamTable';

/** Columns under a group header ("Page hours" → Total, Business, …) or standing alone. */
export interface Column {
  field: KpiField;
  header: string;
  /** Completes the header's accessible name: "Total" + "page hours". */
  srSuffix?: string;
  /** The whole accessible name when the visible header is a short form ("Woken"). */
  label?: string;
  /** Show the change against the previous period under the figure. */
  delta?: boolean;
}

export interface Group {
  label?: string;
  columns: Column[];
}

export const GROUPS: Group[] = [
  { columns: [{ field: 'alerts', header: 'Alerts', delta: true }] },
  { columns: [{ field: 'pages', header: 'Pages', delta: true }] },
  {
    label: 'Page hours',
    columns: [
      { field: 'pageHours', header: 'Total', srSuffix: 'page hours', delta: true },
      { field: 'businessPageHours', header: 'Work', label: 'Work (business) hours paged' },
      { field: 'offHoursPageHours', header: 'Off', label: 'Off hours paged' },
      { field: 'sleepPageHours', header: 'Sleep', label: 'Sleep hours paged' },
    ],
  },
  { columns: [{ field: 'sleepInterruptions', header: 'Woken', label: 'Woken: sleep interruptions', delta: true }] },
  {
    label: 'Deploys',
    columns: [
      { field: 'deploys', header: 'Total', srSuffix: 'deploys' },
      { field: 'failedDeploys', header: 'Failed', srSuffix: 'deploys' },
      { field: 'changeFailureRate', header: 'Failure rate', srSuffix: '(change failure rate)' },
    ],
  },
  { columns: [{ field: 'toilHours', header: 'Toil hours' }] },
];

export const COLUMNS = GROUPS.flatMap((g) => g.columns);
/** Team, status, ops share, ops hours, trend, then the signal columns. */
export const COLUMN_COUNT = COLUMNS.length + 5;

/** Every column a header button sorts by, for reading the sort back from the URL. */
export const SORT_KEYS: SortKey[] = ['name', 'status', 'opsShare', 'opsHours', ...COLUMNS.map((c) => c.field)];
