import { LRUCache } from 'lru-cache';
import type { DateRange } from '../core/dateRange';
import type { TeamKpisParent } from './kpiParent';

/**
 * A team's figures over a range, kept while the data they come from is unchanged (issue 19): when a
 * page arrives for one team, the overview's next computation recomputes that team and takes the
 * other teams' figures from here, instead of recomputing every team the viewer can see.
 *
 * The key holds the team's data version as the request read it before it ran (the org-wide counter
 * — team settings, org defaults, privacy — and the team's own: its signals, sprints, policies and
 * load model; migrations/20261204090000_data_versions), so figures are never older than the answer's
 * own key. What the database cannot version — open pages' hours growing with the clock — is bounded
 * by `maxAgeMs`, the response cache's own bound.
 *
 * Figures being computed are kept as their promise, so concurrent requests share one computation;
 * a failed one is forgotten. Computed figures are returned as they are, not in a promise: GraphQL
 * then completes a row's fields (its previous period too) at once instead of a promise per field.
 */
export interface KpiMemo {
  /** The figures of `teamId` over `range`: kept ones of the same data version, else `compute()`'s. */
  figures(teamId: number, range: DateRange, compute: () => Promise<TeamKpisParent>): TeamKpisParent | Promise<TeamKpisParent>;
}

interface Kept {
  computing: Promise<TeamKpisParent>;
  /** Set once computed. */
  figures?: TeamKpisParent;
}

/** One per process: the kept figures, bound per request to the data versions it read (`at`). */
export interface KpiStore {
  at(versionOf: (teamId: number) => string): KpiMemo;
}

export function createKpiStore(opts: { maxAgeMs: number; maxEntries?: number }): KpiStore {
  // ~2 KB an entry: 5,000 hold the current and previous ranges of 200 teams under a dozen ranges.
  const kept = new LRUCache<string, Kept>({ max: opts.maxEntries ?? 5_000, ttl: opts.maxAgeMs });
  return {
    at: (versionOf) => ({
      figures(teamId, range, compute) {
        const key = `${teamId}|${versionOf(teamId)}|${range.from}|${range.to}`;
        const found = kept.get(key);
        if (found) return found.figures ?? found.computing;
        const entry: Kept = { computing: compute() };
        kept.set(key, entry);
        entry.computing.then(
          (figures) => void (entry.figures = figures),
          () => {
            if (kept.peek(key) === entry) kept.delete(key);
          },
        );
        return entry.computing;
      },
    }),
  };
}
