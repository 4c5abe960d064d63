import type { SnapshotTeam } from '../../graphql/snapshotOperations';
import { formatCount, formatHours, formatPercent } from '../../lib/format';
import { StatusBadge } from '../../components/StatusBadge';
import { ScrollArea } from './ScrollArea';

interface Column {
  key: string;
  header: string;
  /** The header's full name when the visible one is short. */
  title?: string;
  value(t: SnapshotTeam): string;
}

const hours = (n: number) => formatHours(n);

/** One row per team: the frozen headline figures, each cell with a stable test id. */
const COLUMNS: Column[] = [
  { key: 'opsHours', header: 'Ops h', title: 'Ops hours', value: (t) => hours(t.kpis.opsHours) },
  { key: 'capacityHours', header: 'Capacity h', title: 'Capacity hours', value: (t) => hours(t.kpis.capacityHours) },
  { key: 'opsShare', header: 'Ops share', value: (t) => formatPercent(t.kpis.opsShare) },
  { key: 'reservedOpsShare', header: 'Reserved', title: 'Reserved ops share of the newest sprint', value: (t) => formatPercent(t.kpis.reservedOpsShare) },
  { key: 'recommendedOpsShare', header: 'Next sprint', title: 'Recommended ops reservation for the next sprint', value: (t) => formatPercent(t.plan.recommendedOpsShare) },
  { key: 'alerts', header: 'Alerts', value: (t) => formatCount(t.kpis.alerts) },
  { key: 'pages', header: 'Pages', value: (t) => formatCount(t.kpis.pages) },
  { key: 'pageHours', header: 'Page h', title: 'Page hours', value: (t) => hours(t.kpis.pageHours) },
  { key: 'sleepInterruptions', header: 'Woken', title: 'Sleep interruptions', value: (t) => formatCount(t.kpis.sleepInterruptions) },
  { key: 'deploys', header: 'Deploys', value: (t) => formatCount(t.kpis.deploys) },
  { key: 'failedDeploys', header: 'Failed', title: 'Failed deploys', value: (t) => formatCount(t.kpis.failedDeploys) },
  { key: 'changeFailureRate', header: 'CFR', title: 'Change failure rate', value: (t) => formatPercent(t.kpis.changeFailureRate) },
  { key: 'toilHours', header: 'Toil h', title: 'Toil hours', value: (t) => hours(t.kpis.toilHours) },
];

export function SnapshotTeamsTable({ teams }: { teams: SnapshotTeam[] }) {
  return (
    <ScrollArea label="Figures per team">
      <table className="table snap-table" data-testid="snapshot-teams">
        <caption className="sr-only">Frozen figures per team; hours in hours, shares in percent of capacity</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Status</th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="num" title={c.title}>
                {c.title ? (
                  <>
                    <span aria-hidden="true">{c.header}</span>
                    <span className="sr-only">{c.title}</span>
                  </>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.slug} data-testid={`snap-row-${t.slug}`}>
              <th scope="row">
                <a href={`#team-${t.slug}`} className="snap-table__team">
                  {t.name}
                </a>
                <span className="team-meta">{t.slug}</span>
              </th>
              <td>
                <StatusBadge status={t.kpis.status} testId={`snap-${t.slug}-status`} />
              </td>
              {COLUMNS.map((c) => (
                <td key={c.key} className="num" data-testid={`snap-${t.slug}-${c.key}`}>
                  {c.value(t)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
