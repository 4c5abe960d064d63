/**
 * The client's one way to the API: a POST of JSON to /graphql with plain fetch.
 * No GraphQL client library: the dashboard reads a handful of queries, and the bundle stays small.
 */

/** A typed GraphQL document: the string plus phantom types for its data and variables. */
export interface Operation<TData, TVars> {
  readonly document: string;
  /** Never set; carries the types so `request(op, vars)` is checked at compile time. */
  readonly __types?: { data: TData; vars: TVars };
}

export function operation<TData, TVars = Record<string, never>>(document: string): Operation<TData, TVars> {
  return { document };
}

export type DataOf<O> = O extends Operation<infer D, unknown> ? D : never;
export type VarsOf<O> = O extends Operation<unknown, infer V> ? V : never;

/** One problem with one input record, as the server lists them for BAD_USER_INPUT. */
export interface RecordProblem {
  index: number;
  field: string;
  message: string;
}

/** A failed request: the server's message, its `extensions.code` when it gave one, and the HTTP status. */
export class GraphQLRequestError extends Error {
  readonly code: string | undefined;
  readonly status: number | undefined;
  readonly records: RecordProblem[];

  constructor(message: string, opts: { code?: string; status?: number; records?: RecordProblem[] } = {}) {
    super(message);
    this.name = 'GraphQLRequestError';
    this.code = opts.code;
    this.status = opts.status;
    this.records = opts.records ?? [];
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; records?: RecordProblem[] } }[];
}

export const GRAPHQL_ENDPOINT = '/graphql';

type UnauthenticatedListener = (error: GraphQLRequestError) => void;
let unauthenticatedListener: UnauthenticatedListener | null = null;

/**
 * The one place that reacts to a missing, expired or revoked sign-in: every request answering
 * UNAUTHENTICATED calls this listener (the app's shell sends the viewer to the sign-in page).
 * Returns a function that removes it.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListener = listener;
  return () => {
    if (unauthenticatedListener === listener) unauthenticatedListener = null;
  };
}

function failed(error: GraphQLRequestError): GraphQLRequestError {
  if (error.code === 'UNAUTHENTICATED') unauthenticatedListener?.(error);
  return error;
}

/** Runs one operation; resolves with `data`, rejects with a GraphQLRequestError. */
export async function request<TData, TVars>(
  op: Operation<TData, TVars>,
  variables: TVars,
  init: { signal?: AbortSignal } = {},
): Promise<TData> {
  let res: Response;
  try {
    res = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ query: op.document, variables }),
      signal: init.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new GraphQLRequestError('Could not reach the Headroom server; check your connection and try again.', {
      code: 'NETWORK_ERROR',
    });
  }

  let body: GraphQLResponse<TData> | undefined;
  try {
    body = (await res.json()) as GraphQLResponse<TData>;
  } catch {
    body = undefined;
  }

  const first = body?.errors?.[0];
  if (first) {
    throw failed(
      new GraphQLRequestError(first.message, {
        code: first.extensions?.code,
        status: res.status,
        records: first.extensions?.records,
      }),
    );
  }
  if (!res.ok || !body || body.data == null) {
    throw failed(
      new GraphQLRequestError(`The server answered ${res.status} ${res.statusText}`.trim(), {
        status: res.status,
        code: res.status === 401 ? 'UNAUTHENTICATED' : undefined,
      }),
    );
  }
  return body.data;
}
