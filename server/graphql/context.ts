import DataLoader from 'dataloader';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { signalSumsByTeam, type SignalSums } from '../kpi/queries';
import type { DateRange } from '../kpi/dateRange';
import type { LoadModel } from '../kpi/loadModel';
import { effectivePolicies, type PolicyVersion } from '../planning/guardrailQueries';
import { effectiveLoadModels } from '../planning/loadModelQueries';
import { reservedSharesFor } from '../planning/sprintQueries';

export interface Context {
  db: Knex;
  log: Logger;
  /** Who acts, recorded with guardrail versions and snapshots. */
  actor: string;
  /** Per-team signal sums for one range, batched into one SQL aggregate (no N+1 on lists). */
  signalSums: (range: DateRange) => DataLoader<number, SignalSums>;
  /** Per-team newest reserved share of a sprint overlapping the range (or null). */
  reservedShares: (range: DateRange) => DataLoader<number, number | null>;
  policies: DataLoader<number, PolicyVersion>;
  loadModels: DataLoader<number, LoadModel>;
}

/** A DataLoader whose batch function returns a Map keyed like the input. */
function mapLoader<V>(fetch: (ids: readonly number[]) => Promise<Map<number, V>>, missing: (id: number) => V | Error) {
  return new DataLoader<number, V>(async (ids) => {
    const found = await fetch(ids);
    return ids.map((id) => (found.has(id) ? found.get(id)! : missing(id)));
  });
}

function perRange<V>(make: (range: DateRange) => DataLoader<number, V>) {
  const loaders = new Map<string, DataLoader<number, V>>();
  return (range: DateRange) => {
    const key = `${range.from}|${range.to}`;
    if (!loaders.has(key)) loaders.set(key, make(range));
    return loaders.get(key)!;
  };
}

export function createContext(db: Knex, log: Logger, actor = 'anonymous'): Context {
  return {
    db,
    log,
    actor,
    signalSums: perRange((range) => mapLoader((ids) => signalSumsByTeam(db, ids, range), (id) => new Error(`team ${id} vanished`))),
    reservedShares: perRange((range) => mapLoader((ids) => reservedSharesFor(db, ids, range.from, range.to), () => null)),
    policies: mapLoader((ids) => effectivePolicies(db, ids), (id) => new Error(`no policy for team ${id}`)),
    loadModels: mapLoader((ids) => effectiveLoadModels(db, ids), (id) => new Error(`no load model for team ${id}`)),
  };
}
