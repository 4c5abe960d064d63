import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { GraphQLRequestError } from '../../graphql/request';
import { describeRange } from '../../lib/dateRange';
import { formatDateTime } from './snapshotFormat';
import type { SnapshotList as ListState } from './useSnapshotList';
import { ScrollArea } from './ScrollArea';

/** Teams shown by name before the rest is summed up as "+N more". */
const SHOWN_TEAMS = 3;

function teamsText(teams: string[]): string {
  if (teams.length <= SHOWN_TEAMS) return teams.join(', ');
  return `${teams.slice(0, SHOWN_TEAMS).join(', ')} +${teams.length - SHOWN_TEAMS} more`;
}

/** Snapshots newest first, with "Load more" for older ones; focus moves to the first row it adds. */
export function SnapshotTable({ list }: { list: ListState }) {
  const { edges, hasMore, loadingMore, moreError, loadMore } = list;
  const firstNew = useRef<number | null>(null);
  const links = useRef(new Map<string, HTMLAnchorElement>());

  useEffect(() => {
    const index = firstNew.current;
    if (index === null || index >= edges.length) return;
    firstNew.current = null;
    links.current.get(edges[index].node.id)?.focus();
  }, [edges]);

  return (
    <>
      <ScrollArea label="Snapshots">
        <table className="table snap-list" data-testid="snapshot-list">
          <caption className="sr-only">Snapshots, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Range</th>
              <th scope="col">Teams</th>
              <th scope="col">Author</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {edges.map(({ node }) => (
              <tr key={node.id} data-testid={`snapshot-row-${node.id}`}>
                <th scope="row">
                  <Link
                    ref={(el) => {
                      if (el) links.current.set(node.id, el);
                      else links.current.delete(node.id);
                    }}
                    to={`/snapshots/${node.id}`}
                    className="snap-list__label"
                  >
                    {node.label}
                  </Link>
                </th>
                <td className="nowrap">{describeRange(node.range)}</td>
                <td title={node.teams.join(', ')}>
                  {teamsText(node.teams)}
                  {node.teams.length > SHOWN_TEAMS && <span className="sr-only"> ({node.teams.join(', ')})</span>}
                </td>
                <td>{node.author}</td>
                <td className="nowrap">
                  <time dateTime={node.createdAt}>{formatDateTime(node.createdAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      <div className="snap-list__more">
        <p className="muted" role="status">
          {edges.length} snapshot{edges.length === 1 ? '' : 's'} shown{hasMore ? '; older ones remain' : ''}.
        </p>
        {hasMore && (
          <button
            type="button"
            className="button snap-button--secondary"
            onClick={() => {
              firstNew.current = edges.length;
              loadMore();
            }}
            disabled={loadingMore}
          >
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
      {moreError && (
        <p className="snap-form__error" role="alert">
          <span aria-hidden="true">⚠ </span>Couldn’t load more snapshots: {moreError.message}
          {moreError instanceof GraphQLRequestError && moreError.code ? ` (${moreError.code})` : ''}
        </p>
      )}
    </>
  );
}
