import { useCallback, useEffect, useState } from 'react';
import { request, type Operation } from '../graphql/request';

export interface QueryState<TData> {
  /** The latest data; kept while a new request for other variables is under way. */
  data: TData | undefined;
  error: Error | undefined;
  loading: boolean;
  /** Sends the request again (the error state's "Try again"). */
  retry(): void;
}

/**
 * Runs a query when mounted and again whenever its variables change; the answer of a request
 * that was overtaken by a newer one is dropped (its fetch aborted).
 */
export function useQuery<TData, TVars>(op: Operation<TData, TVars>, variables: TVars): QueryState<TData> {
  const key = JSON.stringify(variables);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ data?: TData; error?: Error; loading: boolean }>({ loading: true });

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    request(op, JSON.parse(key) as TVars, { signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: Error) => {
        if (!controller.signal.aborted) setState((s) => ({ data: s.data, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [op, key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, retry };
}
