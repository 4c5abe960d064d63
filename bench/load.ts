import autocannon from 'autocannon';

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
  /** Requests still in flight when the time was up (one per client at most): not errors, not counted in latency. */
  inFlightAtEnd: number;
}

/** N concurrent clients sending the same GraphQL POST for `seconds` (autocannon). */
export async function loadTest(url: string, token: string, body: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration: seconds,
    // A request slower than this counts as a timeout error.
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body,
        // A GraphQL error comes back with status 200: count those too.
        onResponse: (_status: number, resBody: string) => {
          if (resBody.startsWith('{"errors"') || resBody.includes('"errors":[')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    inFlightAtEnd: Math.max(0, ((result.requests as { sent?: number }).sent ?? result.requests.total) - result.requests.total - result.errors - result.timeouts),
  };
}
