/** Nearest-rank percentile of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Latency {
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  /** Runs that failed (not in the percentiles), and the first error. */
  errors?: number;
  firstError?: string;
}

export function summarize(ms: number[]): Latency {
  const r = (x: number) => Math.round(x * 10) / 10;
  return { runs: ms.length, p50: r(percentile(ms, 50)), p95: r(percentile(ms, 95)), min: r(Math.min(...ms)), max: r(Math.max(...ms)) };
}

/**
 * Runs fn `warmup` times untimed, then `runs` times sequentially, in milliseconds. A failing run is
 * counted and reported, not timed: a figure that fails is a result too (e.g. the pool timing out).
 */
export async function timeRuns(runs: number, fn: () => Promise<unknown>, warmup = 3): Promise<Latency> {
  return (await timeInTurns(runs, { fn }, warmup)).fn;
}

/**
 * Like timeRuns for several operations at once, taking turns (a, b, a, b, …): a machine that
 * speeds up or slows down while they run (other work, a neighbour's, the CPU's clock) moves each
 * of them alike, so figures meant to be compared as a ratio are measured side by side.
 */
export async function timeInTurns<K extends string>(runs: number, fns: Record<K, () => Promise<unknown>>, warmup = 3): Promise<Record<K, Latency>> {
  const keys = Object.keys(fns) as K[];
  const state = Object.fromEntries(keys.map((k) => [k, { ms: [] as number[], errors: 0, firstError: undefined as string | undefined }])) as Record<K, { ms: number[]; errors: number; firstError?: string }>;
  const attempt = async (k: K): Promise<number | null> => {
    const t = performance.now();
    try {
      await fns[k]();
      return performance.now() - t;
    } catch (e) {
      state[k].errors++;
      state[k].firstError ??= e instanceof Error ? e.message.slice(0, 300) : String(e);
      return null;
    }
  };
  for (let i = 0; i < warmup; i++) for (const k of keys) await attempt(k);
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      const ms = await attempt(k);
      if (ms !== null) state[k].ms.push(ms);
    }
  }
  return Object.fromEntries(keys.map((k) => {
    const { ms, errors, firstError } = state[k];
    return [k, { ...summarize(ms), ...(errors ? { errors, firstError } : {}) }];
  })) as Record<K, Latency>;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}
