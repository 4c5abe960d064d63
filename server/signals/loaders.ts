import type DataLoader from 'dataloader';
import type { Knex } from 'knex';
import type { DateRange } from '../core/dateRange';
import type { LoadModel } from '../kpi/loadModel';
import type { SignalSums } from '../kpi/signals';
import { signalSumsByTeamForRanges } from './queries';
import { medianLeadTime, medianTimeToAcknowledge, medianTimeToResolve, type Median } from './eventQueries';
import { effectiveLoadModels } from './loadModelQueries';
import { mapLoader, perRange } from './loaderKit';

export interface TeamMedians {
  acknowledge: Median;
  resolve: Median;
  leadTime: Median;
}

/** The signals' loaders of one request: every team's figures in a few statements (no N+1 on lists). */
export interface SignalLoaders {
  /** Per-team signal sums for one range, batched into one SQL aggregate. */
  signalSums: (range: DateRange) => DataLoader<number, SignalSums>;
  /** Per-team medians (acknowledge, resolve, lead time) for one range, three queries for any number of teams. */
  medians: (range: DateRange) => DataLoader<number, TeamMedians>;
  loadModels: DataLoader<number, LoadModel>;
}

export function signalLoaders(db: Knex): SignalLoaders {
  return {
    signalSums: perRange((range) => mapLoader(async (ids) => (await signalSumsByTeamForRanges(db, ids, [range]))[0], (id) => new Error(`team ${id} vanished`))),
    medians: perRange((range) => mapLoader(async (ids) => {
      const [acknowledge, resolve, lead] = await Promise.all([
        medianTimeToAcknowledge(db, ids, range), medianTimeToResolve(db, ids, range), medianLeadTime(db, ids, range),
      ]);
      const none = { seconds: null, count: 0 };
      return new Map(ids.map((id) => [id, { acknowledge: acknowledge.get(id) ?? none, resolve: resolve.get(id) ?? none, leadTime: lead.get(id) ?? none }]));
    }, () => new Error('unreachable'))),
    loadModels: mapLoader((ids) => effectiveLoadModels(db, ids), (id) => new Error(`no load model for team ${id}`)),
  };
}

