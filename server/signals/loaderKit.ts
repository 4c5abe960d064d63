import DataLoader from 'dataloader';
import { previousRange, type DateRange } from '../core/dateRange';

// DataLoader shapes the read models share: per team, per team and range, and per team and range
// with its previous period fetched in the same statement.

/** A DataLoader whose batch function returns a Map keyed like the input. */
export function mapLoader<V>(fetch: (ids: readonly number[]) => Promise<Map<number, V>>, missing: (id: number) => V | Error) {
  return new DataLoader<number, V>(async (ids) => {
    const found = await fetch(ids);
    return ids.map((id) => (found.has(id) ? found.get(id)! : missing(id)));
  });
}

/** One loader per range, made on first use. */
export function perRange<V>(make: (range: DateRange) => DataLoader<number, V>) {
  const loaders = new Map<string, DataLoader<number, V>>();
  return (range: DateRange) => {
    const key = `${range.from}|${range.to}`;
    if (!loaders.has(key)) loaders.set(key, make(range));
    return loaders.get(key)!;
  };
}

/**
 * Like perRange, for figures the KPIs also show for the previous period of the same length (the
 * deltas): a batch for a range fetches the previous period too, in the same statement, and primes
 * its loader — so an overview asks once for both periods instead of in two rounds. A range that
 * was itself primed as a previous period does not reach further back.
 */
export function withPreviousPeriod<V>(fetch: (ids: readonly number[], ranges: DateRange[]) => Promise<Map<number, V>[]>, missing: (id: number) => V | Error) {
  const loaders = new Map<string, DataLoader<number, V>>();
  const primedOnly = new Set<string>();
  const keyOf = (r: DateRange) => `${r.from}|${r.to}`;
  const loaderFor = (range: DateRange): DataLoader<number, V> => {
    const key = keyOf(range);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<number, V>(async (ids) => {
        const previous = primedOnly.has(key) ? null : previousRange(range);
        const [found, before] = await fetch(ids, previous ? [range, previous] : [range]);
        if (previous && before) {
          primedOnly.add(keyOf(previous));
          const prevLoader = loaderFor(previous);
          for (const id of ids) {
            const value = before.has(id) ? before.get(id)! : missing(id);
            if (!(value instanceof Error)) prevLoader.prime(id, value);
          }
        }
        return ids.map((id) => (found.has(id) ? found.get(id)! : missing(id)));
      });
      loaders.set(key, loader);
    }
    return loader;
  };
  return loaderFor;
}
