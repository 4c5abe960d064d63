import type { SourceFreshness } from '../../graphql/operations';
import { formatAge, formatWhen, SOURCE_TEXT } from './dataFormat';
import { ScrollArea } from '../snapshots/ScrollArea';

/** When each source last sent data, newest first: tells whether the figures are current. */
export function FreshnessTable({ rows }: { rows: SourceFreshness[] }) {
  return (
    <ScrollArea label="Data freshness">
      <table className="table table--compact" data-testid="freshness">
        <caption className="sr-only">Last data received per source, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Last received</th>
            <th scope="col">Latest day</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.source} data-testid={`freshness-${r.source}`}>
              <th scope="row">{SOURCE_TEXT[r.source] ?? r.source}</th>
              <td>
                <time dateTime={r.lastReceivedAt} title={formatWhen(r.lastReceivedAt)}>
                  {formatAge(r.lastReceivedAt)}
                </time>
                <span className="team-meta">{formatWhen(r.lastReceivedAt)}</span>
              </td>
              <td className="nowrap" data-testid={`freshness-${r.source}-latestDate`}>
                {r.latestDate ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
