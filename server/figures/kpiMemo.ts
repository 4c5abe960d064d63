import { LRUCache } from 'lru-cache';
import type { DateRange } from '../core/dateRange';
import type { TeamKpisParent } from './kpiParent';
import type { TeamRow } from '../teams/queries';

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
  /** The org's teams as `load()` lists them, kept per org-wide version (team rows are org-wide data). */
  teams(load: () => Promise<TeamRow[]>): Promise<TeamRow[]>;
}

/** The data versions a request read: the org-wide counter's, and a team's figures' (org and team). */
export interface FigureVersions {
  org: string;
  ofTeam(teamId: number): string;
}

interface Kept {
  computing: Promise<TeamKpisParent>;
  /** Set once computed. */
  figures?: TeamKpisParent;
}

/** One per process: the kept figures, bound per request to the data versions it read (`at`). */
export interface KpiStore {
  at(versions: FigureVersions): KpiMemo;
}

export function createKpiStore(opts: { maxAgeMs: number; maxEntries?: number }): KpiStore {
  // ~2 KB an entry: 5,000 hold the current and previous ranges of 200 teams under a dozen ranges.
  const kept = new LRUCache<string, Kept>({ max: opts.maxEntries ?? 5_000, ttl: opts.maxAgeMs });
  const teamLists = new LRUCache<string, Promise<TeamRow[]>>({ max: 4, ttl: opts.maxAgeMs });
  return {
    at: (versions) => ({
      figures(teamId, range, compute) {
        const key = `${teamId}|${versions.ofTeam(teamId)}|${range.from}|${range.to}`;
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
      teams(load) {
        const found = teamLists.get(versions.org);
        if (found) return found;
        const listing = load();
        teamLists.set(versions.org, listing);
        listing.catch(() => {
          if (teamLists.peek(versions.org) === listing) teamLists.delete(versions.org);
        });
        return listing;
      },
    }),
  };
}
