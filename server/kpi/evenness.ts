import { published } from './format';

/**
 * How evenly a team's page hours fall on the people who carried them (README, "Who carries the
 * pager"). Anonymous: counts and shares, no names, so it may be shown where per-person figures are
 * hidden.
 */
export interface Evenness {
  /** People named among the range's pages' responders (those with 0 published hours included). */
  people: number;
  /** Σ of the people's page hours: each page counts in full for each responder, so this is the denominator of shares. */
  personPageHours: number;
  /** The busiest person's page hours / personPageHours; null when no one carried any hour. */
  busiestShare: number | null;
  /** The Gini coefficient of page hours per person; null with fewer than 2 people or no hours. */
  gini: number | null;
}

/**
 * The busiest person's share of the page hours: max(x) / Σx.
 * Divide-by-zero rule: Σx = 0 (no one, or only pages whose hours round to nothing) → null, not 0
 * or 100% — nobody carried anything, so no one carried "most" of it. One person with hours → 1.
 */
export function busiestShare(hours: readonly number[]): number | null {
  const total = hours.reduce((s, x) => s + x, 0);
  if (total <= 0) return null;
  return Math.max(...hours) / total;
}

/**
 * The Gini coefficient of page hours per person: the mean absolute difference between any two
 * people (every ordered pair, a person with themself included) over twice the mean,
 *   G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 · n² · x̄) = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 · n · Σx),
 * computed from the values sorted ascending as G = 2 · Σᵢ i·x₍ᵢ₎ / (n · Σx) − (n + 1) / n (i from 1).
 * 0 when everyone carried the same; (n − 1) / n when one person carried everything (the population
 * form, so with n people it cannot reach 1: 0.75 for 4 people).
 * Explicit rules: n < 2 → null (a coefficient compares people; with one person there is nothing
 * to compare, and 0 would read as "perfectly even" when one person carried it all — the busiest
 * share of 100% says that); Σx = 0 → null (nothing carried, nothing to spread). Negative hours
 * cannot occur (hours are durations) and are refused.
 */
export function gini(hours: readonly number[]): number | null {
  if (hours.some((x) => !Number.isFinite(x) || x < 0)) throw new RangeError('page hours must be finite and non-negative');
  const n = hours.length;
  const total = hours.reduce((s, x) => s + x, 0);
  if (n < 2 || total <= 0) return null;
  const sorted = [...hours].sort((a, b) => a - b);
  const weighted = sorted.reduce((s, x, i) => s + (i + 1) * x, 0);
  // Float noise can leave a tiny negative for equal values; evenness cannot be below 0.
  return Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n);
}

/** The published evenness of the people's page hours (as published per person): shares and Gini to 4 decimals. */
export function evenness(hours: readonly number[]): Evenness {
  const share = busiestShare(hours);
  const g = gini(hours);
  return {
    people: hours.length,
    personPageHours: published('hours', hours.reduce((s, x) => s + x, 0)),
    busiestShare: share === null ? null : published('share', share),
    gini: g === null ? null : published('share', g),
  };
}
