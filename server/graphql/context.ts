import DataLoader from 'dataloader';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { signalSumsByTeam, type SignalSums } from '../kpi/queries';
import type { DateRange } from '../kpi/dateRange';
import type { LoadModel } from '../kpi/loadModel';
import { effectivePolicies, type PolicyVersion } from '../planning/guardrailQueries';
import { effectiveLoadModels } from '../planning/loadModelQueries';
import { reservedSharesFor } from '../planning/sprintQueries';
import { SYSTEM, type Viewer } from '../auth/viewer';
import { medianLeadTime, medianTimeToAcknowledge, medianTimeToResolve, type Median } from '../kpi/eventQueries';

export interface TeamMedians {
  acknowledge: Median;
  resolve: Median;
  leadTime: Median;
}

export interface Context {
  db: Knex;
  log: Logger;
  /** The caller: token name, scopes, team restriction. */
  viewer: Viewer;
  /** Who acts, recorded with guardrail versions and snapshots: the viewer's token name. */
  actor: string;
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

/** Server-side callers (exports, CLI, seeding) act as SYSTEM unless given the request's viewer. */
export function createContext(db: Knex, log: Logger, viewer: Viewer = SYSTEM): Context {
  return {
    db,
    log,
    viewer,
    actor: viewer.name,
    signalSums: perRange((range) => mapLoader((ids) => signalSumsByTeam(db, ids, range), (id) => new Error(`team ${id} vanished`))),
    reservedShares: perRange((range) => mapLoader((ids) => reservedSharesFor(db, ids, range.from, range.to), () => null)),
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
