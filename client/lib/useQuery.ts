import { keepPreviousData, useInfiniteQuery, useQuery as useTanstackQuery } from '@tanstack/react-query';
import { request, type Operation } from '../graphql/request';
import { queryKey } from './queryClient';

export interface QueryState<TData> {
  /** The latest data; kept while a new request for other variables is under way. */
  data: TData | undefined;
  error: Error | undefined;
  /** A request the viewer is waiting for: the first, one for new variables, or "Try again". */
  loading: boolean;
  /** Sends the request again (the error state's "Try again"). */
  retry(): void;
}

export interface QueryOptions {
  /** Read again this often while shown (ms), for figures that move. */
  refetchInterval?: number;
}

/**
 * Runs a query through TanStack Query (cache, deduplication, refetch on focus), in the shape every
 * data view's DataPanel reads. A background refresh is silent: it neither shows "Updating…" nor
 * replaces shown figures by an error when it fails (the next one tries again).
 */
export function useQuery<TData, TVars>(op: Operation<TData, TVars>, variables: TVars, options: QueryOptions = {}): QueryState<TData> {
  const q = useTanstackQuery({
    queryKey: queryKey(op, variables),
    queryFn: ({ signal }) => request(op, variables, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchInterval,
  });
  const background = q.isRefetchError || (q.isFetching && q.isSuccess && !q.isPlaceholderData);
  return {
    data: q.data,
    error: q.isRefetchError ? undefined : (q.error ?? undefined),
    loading: q.isFetching && !background,
    retry: () => void q.refetch(),
  };
}

/** A cursor-paginated list (`edges`, `pageInfo { hasNextPage endCursor }`), one page after another. */
export interface PagedQueryState<TData> {
  /** The first page, for DataPanel's loading / error / empty states. */
  first: QueryState<TData>;
  pages: TData[];
  hasMore: boolean;
  loadingMore: boolean;
  moreError: Error | undefined;
  loadMore(): void;
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

export function usePagedQuery<TData, TVars extends { after?: string | null }>(
  op: Operation<TData, TVars>,
  variables: Omit<TVars, 'after'>,
  pageInfoOf: (page: TData) => PageInfo,
): PagedQueryState<TData> {
  const q = useInfiniteQuery({
    queryKey: queryKey(op, variables),
    queryFn: ({ signal, pageParam }) => request(op, { ...variables, after: pageParam } as TVars, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => {
      const info = pageInfoOf(last);
      return info.hasNextPage && info.endCursor ? info.endCursor : undefined;
    },
  });
  const moreFailed = q.isFetchNextPageError;
  return {
    first: {
      data: q.data?.pages[0],
      error: moreFailed || q.isRefetchError ? undefined : (q.error ?? undefined),
      loading: q.isFetching && !q.isFetchingNextPage && !q.isSuccess,
      retry: () => void q.refetch(),
    },
    pages: q.data?.pages ?? [],
    hasMore: q.hasNextPage,
    loadingMore: q.isFetchingNextPage,
    moreError: moreFailed ? (q.error ?? undefined) : undefined,
    loadMore: () => {
      if (q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
    },
  };
}
