import DataLoader from 'dataloader';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { signalSumsByTeamForRanges, type SignalSums } from '../kpi/queries';
import { previousRange, type DateRange } from '../core/dateRange';
import type { LoadModel } from '../kpi/loadModel';
import { effectivePolicies, type PolicyVersion } from '../planning/guardrailQueries';
import { effectiveLoadModels } from '../planning/loadModelQueries';
import { reservedSharesForRanges } from '../planning/sprintQueries';
import { SYSTEM, type Viewer } from '../core/viewer';
import { scopeFor, type Scope } from '../core/scope';
import { medianLeadTime, medianTimeToAcknowledge, medianTimeToResolve, type Median } from '../kpi/eventQueries';

export interface TeamMedians {
  acknowledge: Median;
  resolve: Median;
  leadTime: Median;
}

/** A GraphQL request's context: its scope, and DataLoaders that batch the figures of many teams. */
export interface Context extends Scope {
  /** Per-team signal sums for one range, batched into one SQL aggregate (no N+1 on lists). */
  signalSums: (range: DateRange) => DataLoader<number, SignalSums>;
  /** Per-team newest reserved share of a sprint overlapping the range (or null). */
  reservedShares: (range: DateRange) => DataLoader<number, number | null>;
  /** Per-team medians (acknowledge, resolve, lead time) for one range, three queries for any number of teams. */
  medians: (range: DateRange) => DataLoader<number, TeamMedians>;
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

/**
 * Like perRange, for figures the KPIs also show for the previous period of the same length (the
 * deltas): a batch for a range fetches the previous period too, in the same statement, and primes
 * its loader — so an overview asks once for both periods instead of in two rounds. A range that
 * was itself primed as a previous period does not reach further back.
 */
function withPreviousPeriod<V>(fetch: (ids: readonly number[], ranges: DateRange[]) => Promise<Map<number, V>[]>, missing: (id: number) => V | Error) {
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

/** Server-side callers (exports, CLI, seeding) act as SYSTEM unless given the request's viewer. */
export function createContext(db: Knex, log: Logger, viewer: Viewer = SYSTEM): Context {
  return {
    ...scopeFor(db, viewer, log),
    signalSums: withPreviousPeriod((ids, ranges) => signalSumsByTeamForRanges(db, ids, ranges), (id) => new Error(`team ${id} vanished`)),
    reservedShares: withPreviousPeriod<number | null>((ids, ranges) => reservedSharesForRanges(db, ids, ranges), () => null),
    medians: perRange((range) => mapLoader(async (ids) => {
      const [acknowledge, resolve, lead] = await Promise.all([
        medianTimeToAcknowledge(db, ids, range), medianTimeToResolve(db, ids, range), medianLeadTime(db, ids, range),
      ]);
      const none = { seconds: null, count: 0 };
      return new Map(ids.map((id) => [id, { acknowledge: acknowledge.get(id) ?? none, resolve: resolve.get(id) ?? none, leadTime: lead.get(id) ?? none }]));
    }, () => new Error('unreachable'))),
    policies: mapLoader((ids) => effectivePolicies(db, ids), (id) => new Error(`no policy for team ${id}`)),
    loadModels: mapLoader((ids) => effectiveLoadModels(db, ids), (id) => new Error(`no load model for team ${id}`)),
  };
}
