/** POSTs a GraphQL operation; throws when the answer carries errors. */
export async function gql<T = any>(url: string, token: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<T> {
  return gqlRaw<T>(url, token, JSON.stringify({ query, variables }), headers);
}

/** Headers that make the server compute a query instead of answering from its cache (server/graphql/responseCache.ts). */
export const COMPUTE: Record<string, string> = { 'cache-control': 'no-cache' };

/** Like gql, with the request body already serialized (so timing covers HTTP and server, not JSON.stringify). */
export async function gqlRaw<T = any>(url: string, token: string, body: string, headers: Record<string, string> = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body,
      });
    } catch (e) {
      // A server answering 503 before it has read a large body closes the socket under it (EPIPE).
      if (attempt >= 5) throw e;
      busyRetries++;
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    const json = (await res.json()) as { data: T; errors?: { message: string; extensions?: { code?: string; retryAfter?: number } }[] };
    if (attempt < 5 && json.errors?.some((e) => e.extensions?.code === 'SERVER_BUSY')) {
      // The pool was busy past its wait (an overloaded machine): retry as a producer would.
      busyRetries++;
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    const limited = json.errors?.find((e) => e.extensions?.code === 'RATE_LIMITED');
    if (limited) {
      // The per-token ingestion limit (server/auth/rateLimit.ts): wait as told, as a producer would.
      rateLimitedWaits++;
      await new Promise((r) => setTimeout(r, (limited.extensions?.retryAfter ?? 1) * 1000));
      continue;
    }
    if (json.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(json.errors).slice(0, 2000)}`);
    return json.data;
  }
}

/** How often the bench had to wait for the ingestion rate limit (reported: it would slow ingestion). */
export let rateLimitedWaits = 0;

/** How often the bench retried a call the server refused as busy or cut short (reported: it slows the figure). */
export let busyRetries = 0;
