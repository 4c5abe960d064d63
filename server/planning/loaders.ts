import type DataLoader from 'dataloader';
import type { Knex } from 'knex';
import { mapLoader } from '../signals/loaderKit';
import { effectivePolicies, type PolicyVersion } from './guardrailQueries';

/** Planning's loaders of one request: the policies of many teams in one statement. */
export interface PlanningLoaders {
  policies: DataLoader<number, PolicyVersion>;
}

export function planningLoaders(db: Knex): PlanningLoaders {
  return {
    policies: mapLoader((ids) => effectivePolicies(db, ids), (id) => new Error(`no policy for team ${id}`)),
  };
}
