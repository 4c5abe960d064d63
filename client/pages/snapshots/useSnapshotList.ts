import { useCallback, useEffect, useMemo, useState } from 'react';
import { request } from '../../graphql/request';
import { SNAPSHOTS, type SnapshotEdge } from '../../graphql/snapshotOperations';
import { useQuery, type QueryState } from '../../lib/useQuery';

export interface SnapshotList {
  /** The first page, for DataPanel's loading / error / empty states. */
  first: QueryState<unknown>;
  /** Every snapshot loaded so far, newest first. */
  edges: SnapshotEdge[];
  hasMore: boolean;
  loadingMore: boolean;
  moreError: Error | undefined;
  loadMore(): void;
}

/** The snapshots list, one page at a time (cursor pagination: snapshots(first, after)). */
export function useSnapshotList(pageSize: number): SnapshotList {
  const first = useQuery(SNAPSHOTS, useMemo(() => ({ first: pageSize }), [pageSize]));
  const [more, setMore] = useState<{ edges: SnapshotEdge[]; hasNextPage: boolean; endCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error>();

  // A reloaded first page starts the list over.
  useEffect(() => setMore(null), [first.data]);

  const firstPage = first.data?.snapshots;
  const edges = useMemo(() => [...(firstPage?.edges ?? []), ...(more?.edges ?? [])], [firstPage, more]);
  const hasMore = more ? more.hasNextPage : Boolean(firstPage?.pageInfo.hasNextPage);
  const cursor = more ? more.endCursor : (firstPage?.pageInfo.endCursor ?? null);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(undefined);
    request(SNAPSHOTS, { first: pageSize, after: cursor }).then(
      ({ snapshots }) => {
        setMore((m) => ({ edges: [...(m?.edges ?? []), ...snapshots.edges], ...snapshots.pageInfo }));
        setLoadingMore(false);
      },
      (e: Error) => {
        setMoreError(e);
        setLoadingMore(false);
      },
    );
  }, [cursor, loadingMore, pageSize]);

  return { first, edges, hasMore, loadingMore, moreError, loadMore };
}
