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
  let errors = 0;
  let firstError: string | undefined;
  const attempt = async () => {
    try {
      await fn();
      return true;
    } catch (e) {
      errors++;
      firstError ??= e instanceof Error ? e.message.slice(0, 300) : String(e);
      return false;
    }
  };
  for (let i = 0; i < warmup; i++) await attempt();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    if (await attempt()) ms.push(performance.now() - t);
  }
  return { ...summarize(ms), ...(errors ? { errors, firstError } : {}) };
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}
