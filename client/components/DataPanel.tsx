import type { ReactNode } from 'react';
import { GraphQLRequestError } from '../graphql/request';
import type { QueryState } from '../lib/useQuery';

export interface DataPanelProps<T> {
  query: QueryState<T>;
  /** What is loaded, in words: "teams", "the weekly trend". */
  what: string;
  /** True when the answer holds nothing to show; then `empty` is shown. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** Height kept while loading, so the page does not jump when data arrives. */
  minHeight?: number;
  children: (data: T) => ReactNode;
}

/**
 * Every data view's four states in one place: loading, error (with the server's message and code,
 * and a way to try again), empty, and success. Each state is said in words and marked with an
 * icon, never by colour alone.
 */
export function DataPanel<T>({ query, what, isEmpty, empty, minHeight, children }: DataPanelProps<T>) {
  const { data, error, loading, retry } = query;
  const style = minHeight ? { minHeight } : undefined;

  if (error) {
    const code = error instanceof GraphQLRequestError ? error.code : undefined;
    return (
      <div className="state state--error" role="alert" style={style}>
        <span className="state__icon" aria-hidden="true">!</span>
        <div className="state__body">
          <p className="state__title">Couldn’t load {what}</p>
          <p className="state__text">
            {error.message}
            {code && (
              <>
                {' '}
                <code className="state__code">{code}</code>
              </>
            )}
          </p>
          <button type="button" className="button" onClick={retry} disabled={loading}>
            {loading ? 'Trying again…' : 'Try again'}
          </button>
        </div>
      </div>
    );
  }

  if (data === undefined) {
    return (
      <div className="state state--loading" role="status" style={style}>
        <span className="spinner" aria-hidden="true" />
        <span>Loading {what}…</span>
      </div>
    );
  }

  if (isEmpty?.(data)) {
    return (
      <div className="state state--empty" style={style}>
        <span className="state__icon" aria-hidden="true">∅</span>
        <div className="state__body">{empty ?? <p className="state__title">No {what} for this range.</p>}</div>
      </div>
    );
  }

  return (
    <div className="data-panel" aria-busy={loading || undefined}>
      {loading && (
        <p className="updating" role="status">
          <span className="spinner spinner--small" aria-hidden="true" /> Updating {what}…
        </p>
      )}
      {children(data)}
    </div>
  );
}
