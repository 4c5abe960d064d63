/**
 * The dashboard's one TanStack Query cache: queries are keyed by operation and variables, so two
 * views asking the same thing share one request and one answer.
 */
import { QueryClient } from '@tanstack/react-query';
import { request, type Operation } from '../graphql/request';

/** Figures that move with new data (the overview, a team page) are read again this often while shown. */
export const LIVE_REFRESH_MS = 60_000;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A failure is shown at once with its "Try again" (DataPanel), not hidden behind retries.
      retry: false,
      // An answer is fresh for 30 s: moving between pages within that does not ask again; after
      // it, showing the page (or coming back to the window) reads it again.
      staleTime: 30_000,
      refetchOnWindowFocus: true,
    },
  },
});

/** The cache key of an operation with its variables. */
export function queryKey<TData, TVars>(op: Operation<TData, TVars>, variables: unknown): readonly unknown[] {
  return [op.toString(), variables];
}

/**
 * Sends a mutation, then marks every cached answer stale: any write may move any figure (as the
 * server's own response cache assumes), and only the queries on screen are read again.
 */
export async function mutate<TData, TVars>(op: Operation<TData, TVars>, variables: TVars): Promise<TData> {
  const data = await request(op, variables);
  void queryClient.invalidateQueries();
  return data;
}

/** After a write that is not a GraphQL mutation (a CSV import): everything cached is stale. */
export function dataChanged(): void {
  void queryClient.invalidateQueries();
}
