import DataLoader from 'dataloader';
import type { DateRange } from '../core/dateRange';

// DataLoader shapes the read models share: per team, and per team and range.

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
