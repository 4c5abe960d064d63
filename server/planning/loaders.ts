import type DataLoader from 'dataloader';
import type { Knex } from 'knex';
import type { DateRange } from '../core/dateRange';
import { mapLoader, withPreviousPeriod } from '../signals/loaderKit';
import { effectivePolicies, type PolicyVersion } from './guardrailQueries';
import { reservedSharesForRanges } from './sprintQueries';

/** Planning's loaders of one request: policies and reserved shares of many teams in one statement each. */
export interface PlanningLoaders {
  /** Per-team newest reserved share of a sprint overlapping the range (or null). */
  reservedShares: (range: DateRange) => DataLoader<number, number | null>;
  policies: DataLoader<number, PolicyVersion>;
}

export function planningLoaders(db: Knex): PlanningLoaders {
  return {
    reservedShares: withPreviousPeriod<number | null>((ids, ranges) => reservedSharesForRanges(db, ids, ranges), () => null),
    policies: mapLoader((ids) => effectivePolicies(db, ids), (id) => new Error(`no policy for team ${id}`)),
  };
}
