import DataLoader from 'dataloader';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { signalSumsByTeam, type SignalSums } from '../kpi/queries';
import type { DateRange } from '../kpi/dateRange';

export interface Context {
  db: Knex;
  log: Logger;
  /** Batches per-team signal sums for one range into one SQL aggregate (no N+1 on lists). */
  signalSums: (range: DateRange) => DataLoader<number, SignalSums>;
}

export function createContext(db: Knex, log: Logger): Context {
  const loaders = new Map<string, DataLoader<number, SignalSums>>();
  return {
    db,
    log,
    signalSums(range) {
      const key = `${range.from}|${range.to}`;
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const sums = await signalSumsByTeam(db, ids, range);
          return ids.map((id) => sums.get(id) ?? new Error(`team ${id} vanished`));
        });
        loaders.set(key, loader);
      }
      return loader;
    },
  };
}
