import { useMemo } from 'react';
import { SNAPSHOTS, type SnapshotEdge } from '../../graphql/snapshotOperations';
import { usePagedQuery, type QueryState } from '../../lib/useQuery';

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
  const list = usePagedQuery(SNAPSHOTS, useMemo(() => ({ first: pageSize }), [pageSize]), (page) => page.snapshots.pageInfo);
  const edges = useMemo(() => list.pages.flatMap((p) => p.snapshots.edges), [list.pages]);
  return { first: list.first, edges, hasMore: list.hasMore, loadingMore: list.loadingMore, moreError: list.moreError, loadMore: list.loadMore };
}
