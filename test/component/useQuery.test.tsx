// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { QueryClientProvider, useIsFetching } from '@tanstack/react-query';
import { TypedDocumentString } from '../../client/graphql/generated/graphql';
import { mutate, queryClient } from '../../client/lib/queryClient';
import { usePagedQuery, useQuery } from '../../client/lib/useQuery';

const Q = new TypedDocumentString<{ n: number }, { x: number }>('query Q($x: Int!) { n(x: $x) }');
const M = new TypedDocumentString<{ save: boolean }, Record<string, never>>('mutation M { save }');
const LIST = new TypedDocumentString<
  { list: { items: string[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } },
  { first: number; after?: string | null }
>('query L($first: Int!, $after: String) { list }');

/** A server answering each request with what `answer` returns for its variables; records them. */
function stubServer(answer: (query: string, vars: any) => { data?: unknown; errors?: unknown[] }) {
  const sent: { query: string; vars: any }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query, variables } = JSON.parse(String(init.body));
      sent.push({ query, vars: variables });
      return Response.json(answer(query, variables));
    }),
  );
  return sent;
}

const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;

afterEach(() => {
  cleanup();
  queryClient.clear();
  vi.unstubAllGlobals();
});

describe('useQuery (TanStack Query in DataPanel’s shape)', () => {
  it('sends one request for two views asking the same thing', async () => {
    const sent = stubServer((_q, v) => ({ data: { n: v.x * 10 } }));
    const { result } = renderHook(() => [useQuery(Q, { x: 1 }), useQuery(Q, { x: 1 })], { wrapper });
    await waitFor(() => expect(result.current[1].data).toEqual({ n: 10 }));
    expect(result.current[0].data).toEqual({ n: 10 });
    expect(sent).toHaveLength(1);
  });

  it('shows a first failure at once, and "Try again" loads it', async () => {
    let fail = true;
    stubServer(() => (fail ? { errors: [{ message: 'down', extensions: { code: 'UNAVAILABLE' } }] } : { data: { n: 1 } }));
    const { result } = renderHook(() => useQuery(Q, { x: 1 }), { wrapper });
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.error?.message).toBe('down'));
    expect(result.current.loading).toBe(false);
    fail = false;
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.data).toEqual({ n: 1 }));
    expect(result.current.error).toBeUndefined();
  });

  it('keeps the shown figures, saying it is updating, while new variables load', async () => {
    let release: () => void = () => {};
    stubServer((_q, v) => ({ data: { n: v.x } }));
    const { result, rerender } = renderHook(({ x }) => useQuery(Q, { x }), { wrapper, initialProps: { x: 1 } });
    await waitFor(() => expect(result.current.data).toEqual({ n: 1 }));
    const gate = new Promise<void>((r) => (release = r));
    const answered = vi.mocked(fetch).getMockImplementation()!;
    vi.mocked(fetch).mockImplementation(async (...args) => {
      await gate;
      return answered(...(args as [string, RequestInit]));
    });
    rerender({ x: 2 });
    await waitFor(() => expect(result.current.loading).toBe(true));
    expect(result.current.data).toEqual({ n: 1 });
    release();
    await waitFor(() => expect(result.current.data).toEqual({ n: 2 }));
    expect(result.current.loading).toBe(false);
  });

  it('refreshes in the background without "Updating…", and a failed refresh keeps the figures', async () => {
    let n = 1;
    let fail = false;
    let release: () => void = () => {};
    stubServer(() => (fail ? { errors: [{ message: 'blip' }] } : { data: { n } }));
    const { result } = renderHook(() => ({ q: useQuery(Q, { x: 1 }), fetching: useIsFetching() }), { wrapper });
    await waitFor(() => expect(result.current.q.data).toEqual({ n: 1 }));

    // Hold the refresh in flight: the hook knows it is fetching, and still shows no "Updating…".
    const gate = new Promise<void>((r) => (release = r));
    const answered = vi.mocked(fetch).getMockImplementation()!;
    vi.mocked(fetch).mockImplementation(async (...args) => {
      await gate;
      return answered(...(args as [string, RequestInit]));
    });
    n = 2;
    void queryClient.refetchQueries();
    await waitFor(() => expect(result.current.fetching).toBe(1));
    expect(result.current.q).toMatchObject({ data: { n: 1 }, loading: false });
    release();
    await waitFor(() => expect(result.current.q.data).toEqual({ n: 2 }));

    fail = true;
    void queryClient.refetchQueries();
    await waitFor(() => expect(queryClient.getQueryState(['query Q($x: Int!) { n(x: $x) }', { x: 1 }])?.status).toBe('error'));
    await waitFor(() => expect(result.current.fetching).toBe(0));
    expect(result.current.q).toMatchObject({ data: { n: 2 }, error: undefined, loading: false });
  });

  it('reads the figures on screen again after a mutation', async () => {
    let n = 1;
    const sent = stubServer((query) => (query.startsWith('mutation') ? { data: { save: true } } : { data: { n } }));
    const { result } = renderHook(() => useQuery(Q, { x: 1 }), { wrapper });
    await waitFor(() => expect(result.current.data).toEqual({ n: 1 }));
    n = 5;
    await act(() => mutate(M, {}));
    await waitFor(() => expect(result.current.data).toEqual({ n: 5 }));
    expect(sent.map((s) => s.query.split(' ')[0])).toEqual(['query', 'mutation', 'query']);
  });
});

describe('usePagedQuery', () => {
  const page = (after: string | null) =>
    after === null
      ? { list: { items: ['a', 'b'], pageInfo: { hasNextPage: true, endCursor: 'c1' } } }
      : { list: { items: ['c'], pageInfo: { hasNextPage: false, endCursor: null } } };

  it('loads the next page after the last cursor; a failed page is its own error, the list stays', async () => {
    let failMore = true;
    const sent = stubServer((_q, v) => (v.after && failMore ? { errors: [{ message: 'page failed' }] } : { data: page(v.after) }));
    const { result } = renderHook(() => usePagedQuery(LIST, { first: 2 }, (p) => p.list.pageInfo), { wrapper });
    await waitFor(() => expect(result.current.pages).toHaveLength(1));
    expect(result.current.hasMore).toBe(true);

    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.moreError?.message).toBe('page failed'));
    expect(result.current.first.error).toBeUndefined();
    expect(result.current.pages.flatMap((p) => p.list.items)).toEqual(['a', 'b']);

    failMore = false;
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.pages.flatMap((p) => p.list.items)).toEqual(['a', 'b', 'c']));
    expect(result.current.hasMore).toBe(false);
    expect(result.current.moreError).toBeUndefined();
    expect(sent.map((s) => s.vars)).toEqual([{ first: 2, after: null }, { first: 2, after: 'c1' }, { first: 2, after: 'c1' }]);
  });
});
