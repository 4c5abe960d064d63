// The odds beside the recommendation: how far a team's sprints have landed from the projection
// made before each, turned into a range for the next sprint, and a backtest of the recommendation
// rule over the team's own history. Advice beside the rule; it never changes the recommended share.
//
// Definitions (no look-ahead anywhere: a sprint is only ever compared with what was known before it):
// - The projection before sprint t is exactly the plan's: the published EWMA of the `lookbackSprints`
//   finished sprints before t (fewer when fewer exist). Sprint t has a miss when at least one sprint
//   precedes it: missₜ = shareₜ − projectionₜ (both published shares, so the miss is exact).
// - The range of the next sprint's ops share is the next projection plus the 50th and 80th
//   percentiles of the misses of the last RANGE_WINDOW sprints that have one, by nearest rank: the
//   q-th percentile of n sorted misses is the ⌈q·n⌉-th smallest, so at least q of those sprints
//   missed by no more (the sentence "4 sprints in 5 need at most …" is then literally true of them).
//   A share cannot be negative, so the range is clamped at 0. Fewer than MIN_RANGE_SPRINTS misses:
//   no range (a percentile of three numbers is an anecdote).
// - The backtest replays, for each of the last RANGE_WINDOW sprints with at least one before it, the
//   recommendation rule (`recommend`, unchanged) and the range as they would have been computed
//   before it, under the guardrail version that sprint is judged by — on that version's basis: a
//   version that reserves at the 80th percentile is replayed with the range published before the
//   sprint (the projection when there was none yet). The recommendation held when the
//   actual share was at most the share it reserved; the 80th percentile was exceeded when the actual
//   share was above it (compared as published figures, in millionths, like every rule).

import { millionths, pct, published } from './format.js';
import type { GuardrailPolicy, ReserveAt } from './guardrails.js';
import { projectedShare, recommend, type SprintShare } from './recommendation.js';

/** Misses needed for a range. */
export const MIN_RANGE_SPRINTS = 4;
/** How many recent sprints the range and the backtest look at: "sprints like the last ones". */
export const RANGE_WINDOW = 12;

export interface Miss {
  name: string;
  opsShare: number;
  /** The projection made before the sprint. */
  projection: number;
  /** opsShare − projection. */
  miss: number;
}

/** The misses of every sprint (newest first) that has at least one sprint before it, newest first. */
export function misses(history: SprintShare[], policy: GuardrailPolicy): Miss[] {
  return history.slice(0, -1).map((s, t) => {
    const projection = projectedShare(history.slice(t + 1), policy);
    return { name: s.name, opsShare: s.opsShare, projection, miss: published('share', s.opsShare - projection) };
  });
}

/** The nearest-rank q-th percentile: the ⌈q·n⌉-th smallest value. Empty → RangeError (no percentile of nothing). */
export function nearestRank(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('no percentile of an empty list');
  if (!(q > 0 && q <= 1)) throw new RangeError(`q must be in (0, 1], got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(q * sorted.length - 1e-9) - 1]!; // 1e-9: 0.8 × 5 is 4, not 4.000000000000001
}

export interface ShareRange {
  /** Null when there are too few misses; the sentence says why. */
  p50Share: number | null;
  p80Share: number | null;
  /** How many sprints' misses the range comes from. */
  basedOnSprints: number;
  sentence: string;
}

/** The range of the next sprint's ops share around `projection`, from the sprints in `history` (newest first). */
export function shareRange(history: SprintShare[], policy: GuardrailPolicy, projection: number): ShareRange {
  const recent = misses(history, policy).slice(0, RANGE_WINDOW).map((m) => m.miss);
  if (recent.length < MIN_RANGE_SPRINTS) {
    return {
      p50Share: null, p80Share: null, basedOnSprints: recent.length,
      sentence: `There is no range yet: it needs at least ${MIN_RANGE_SPRINTS} finished sprints with one before them to compare with the projection made then, and the team has ${recent.length}.`,
    };
  }
  const at = (q: number) => published('share', Math.max(0, projection + nearestRank(recent, q)));
  const [p50, p80] = [at(0.5), at(0.8)];
  return {
    p50Share: p50, p80Share: p80, basedOnSprints: recent.length,
    sentence: `4 sprints in 5 like the last ones need at most ${pct(p80)} for ops, half of them at most ${pct(p50)}: the ${pct(projection)} projection plus how far each of the last ${recent.length} sprints landed from the projection made before it.`,
  };
}

/** A finished sprint with the guardrail version it is judged by. */
export interface JudgedSprint extends SprintShare {
  policy: GuardrailPolicy;
}

export interface BacktestRow {
  name: string;
  opsShare: number;
  /** What the recommendation rule would have reserved before the sprint. */
  recommendedOpsShare: number;
  /** What that reservation started from: the version's reserveAt, or PROJECTION when P80 had no range yet. */
  basis: ReserveAt;
  held: boolean;
  /** The 80th percentile published before the sprint; null when there was no range yet. */
  p80Share: number | null;
  p80Exceeded: boolean | null;
}

export interface TrackRecord {
  /** Sprints backtested: the last RANGE_WINDOW with at least one sprint before them. */
  sprints: number;
  held: number;
  /** Of those, how many had a range before them, and in how many the actual share exceeded its 80th percentile. */
  p80Sprints: number;
  p80Exceeded: number;
  sentence: string;
  /** Newest first. */
  backtest: BacktestRow[];
}

/** The backtest over `history` (newest first), each sprint replayed under its own guardrail version. */
export function trackRecord(history: JudgedSprint[]): TrackRecord {
  const backtest: BacktestRow[] = history.slice(0, -1).slice(0, RANGE_WINDOW).map((s, t) => {
    const prior = history.slice(t + 1);
    const range = shareRange(prior, s.policy, projectedShare(prior, s.policy));
    const { recommendedOpsShare: recommended, recommendationBasis: basis } = recommend({
      history: prior, policy: s.policy, range, capacityHours: 0, window: { startDate: '', endDate: '' }, capacityExplanation: '',
    });
    const { p80Share } = range;
    const actual = millionths(s.opsShare);
    return {
      name: s.name, opsShare: s.opsShare, recommendedOpsShare: recommended, basis, held: actual <= millionths(recommended),
      p80Share, p80Exceeded: p80Share === null ? null : actual > millionths(p80Share),
    };
  });
  const held = backtest.filter((r) => r.held).length;
  const ranged = backtest.filter((r) => r.p80Exceeded !== null);
  const exceeded = ranged.filter((r) => r.p80Exceeded).length;
  const sentence = backtest.length === 0
    ? 'There is no track record yet: no finished sprint has one before it to replay the recommendation on.'
    : `The recommendation held in ${held} of the last ${backtest.length} sprint${backtest.length === 1 ? '' : 's'}` +
      (ranged.length === 0
        ? `; none of them had ${MIN_RANGE_SPRINTS} sprints with a projection before it, so the 80th percentile has no record yet.`
        : `; the 80th percentile was exceeded in ${exceeded} of the last ${ranged.length} (about 1 in 5 when the range is calibrated).`);
  return { sprints: backtest.length, held, p80Sprints: ranged.length, p80Exceeded: exceeded, sentence, backtest };
}
