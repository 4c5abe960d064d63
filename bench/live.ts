import type { Dataset, PageInput } from './dataset';
import { loadTest, type LoadResult } from './load';

const RECORD_PAGES = 'mutation Live($input: [PageInput!]!) { recordPages(input: $input) { received inserted updated unchanged } }';

export interface LiveResult {
  load: LoadResult;
  writes: {
    /** Writes sent at `perSecond`, each its own recordPages call with one page, as webhooks arrive. */
    perSecondTarget: number;
    sent: number;
    succeeded: number;
    failed: number;
    firstError?: string;
    /** Successful writes per second of the load's duration. */
    perSecond: number;
    latencyMs: { p50: number; max: number };
  };
}

/**
 * A page for one team, inside the overview's range so each write changes a figure it shows: pages
 * of successive writes go to successive teams, triggered on the range's last days, resolved after
 * 20 minutes.
 */
function livePage(data: Dataset, i: number): PageInput {
  const team = data.teams[i % data.teams.length].slug;
  const t = new Date(`${data.endDate}T00:00:00Z`).getTime() - (1 + (i % 5)) * 86_400_000 + (i % 86_400) * 1_000;
  return {
    source: 'bench-live',
    externalId: `live-${Date.now().toString(36)}-${i}`,
    team,
    service: 'live',
    urgency: 'HIGH',
    triggeredAt: new Date(t).toISOString(),
    acknowledgedAt: new Date(t + 5 * 60_000).toISOString(),
    resolvedAt: new Date(t + 20 * 60_000).toISOString(),
  };
}

/**
 * The live scenario of issue 19: `connections` clients read the overview (as users get it, from
 * the cache when it is current) while page events stream in at `perSecond`, each its own
 * recordPages call sent on time whether or not the previous one has answered. A write that fails or
 * is refused (rate limit included) counts as failed: a webhook would have to be retried.
 */
export async function liveTest(url: string, token: string, body: string, data: Dataset, connections: number, seconds: number, perSecond = 10): Promise<LiveResult> {
  let sent = 0;
  let succeeded = 0;
  let failed = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const write = async (i: number) => {
    const t = performance.now();
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: RECORD_PAGES, variables: { input: [livePage(data, i)] } }),
      });
      const json = (await res.json()) as { data?: { recordPages?: { inserted: number } }; errors?: unknown[] };
      if (!res.ok || json.errors?.length || json.data?.recordPages?.inserted !== 1) throw new Error(`${res.status} ${JSON.stringify(json).slice(0, 300)}`);
      succeeded++;
      latencies.push(performance.now() - t);
    } catch (e) {
      failed++;
      firstError ??= e instanceof Error ? e.message : String(e);
    }
  };
  const started = performance.now();
  const timer = setInterval(() => {
    const p = write(sent++);
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }, 1000 / perSecond);
  let load: LoadResult;
  try {
    load = await loadTest(url, token, body, connections, seconds);
  } finally {
    clearInterval(timer);
  }
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return {
    load,
    writes: {
      perSecondTarget: perSecond,
      sent,
      succeeded,
      failed,
      ...(firstError ? { firstError } : {}),
      perSecond: Math.round((succeeded / elapsed) * 10) / 10,
      latencyMs: { p50: Math.round(latencies[Math.floor(latencies.length / 2)] ?? NaN), max: Math.round(latencies.at(-1) ?? NaN) },
    },
  };
}
