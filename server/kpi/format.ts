// The one place that says how precise a published figure is, and how the KPI layer writes numbers
// in sentences. Every figure the API, the exports and new snapshots publish is rounded here, and
// every guardrail judges the rounded figure, so a verdict never depends on float noise
// (0.8 × 12 = 9.600000000000001, 0.3 + 8.3 + 3.4 = 12.000000000000002).

/**
 * Decimals of each kind of published figure. Counts are exact (they are sums of whole numbers).
 * - hours (page, toil, ops, capacity, feature hours) and per-week figures: 2 decimals (36 s);
 * - shares of capacity, rates and ratios (ops share, change failure rate, deploys per day): 4
 *   decimals, i.e. 0.01 percentage points;
 * - durations in seconds (DORA medians): 2 decimals.
 */
export const PRECISION = { hours: 2, perWeek: 2, share: 4, perDay: 4, seconds: 2 } as const;

export type FigureKind = keyof typeof PRECISION;

/**
 * x rounded half away from zero to `decimals`, as its decimal text rounds: 1.005 → 1.01 (the double
 * below 1.005 is 1.00499999999999989…) and 0.39999999999999997 → 0.4; -0 becomes 0. Non-finite
 * values are returned unchanged.
 *
 * Every published figure goes through here (an overview of 200 teams rounds ~12,000 times), so the
 * common case is arithmetic: |x|·10^d is within a few units in the last place of the decimal
 * text's scaled value, so when its fraction is not within a hair of .5 both round to the same
 * integer n, and n / 10^d (both exact, one correctly rounded division) is the same double as the
 * text "ne-d"; so is an exact tie's, rounded up. Only other near-ties and huge values take the
 * decimal-text path.
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  if (Number.isInteger(decimals) && decimals >= 0 && decimals <= 15) {
    const scale = 10 ** decimals;
    const scaled = Math.abs(x) * scale;
    if (scaled < 2 ** 52) {
      const whole = Math.floor(scaled);
      // Far enough from .5 that the scaling's rounding error (≈ 1e-16 of scaled) cannot cross it.
      if (Math.abs(scaled - whole - 0.5) > 1e-9 * Math.max(1, scaled)) {
        const r = Math.sign(x) * ((scaled - whole < 0.5 ? whole : whole + 1) / scale);
        return r === 0 ? 0 : r;
      }
      // Exactly the double of a tie (whole + ½) / 10^d, as quarter hours are at 2 decimals: its
      // decimal text is that tie (no other text of as few digits is this double while scaled is far
      // below 2^52), which rounds away from zero.
      if (scaled < 2 ** 50 && (whole + 0.5) / scale === Math.abs(x)) return Math.sign(x) * ((whole + 1) / scale);
    }
  }
  return roundDecimalText(x, decimals);
}

/** roundTo on the decimal text itself: exact for ties, slow (string conversions). */
function roundDecimalText(x: number, decimals: number): number {
  const [mantissa, exponent] = Math.abs(x).toExponential().split('e');
  const scaled = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
  const r = Math.sign(x) * (scaled < 1e21 ? Number(`${scaled}e-${decimals}`) : scaled / 10 ** decimals);
  return r === 0 ? 0 : r;
}

/** A figure of the given kind as it is published. */
export const published = (kind: FigureKind, x: number): number => roundTo(x, PRECISION[kind]);

/** The same, passing null (an undefined figure) through. */
export const publishedOrNull = (kind: FigureKind, x: number | null): number | null => (x === null ? null : published(kind, x));

/**
 * A published figure or a policy limit as a whole number of millionths: exact for every figure
 * (at most 4 decimals) and every limit with up to 6 decimals, so boundary comparisons are
 * comparisons of integers ("80% of the limit" is 5 × value ≥ 4 × limit), never of floats.
 */
export const millionths = (x: number): number => Math.round(x * 1e6);

/**
 * Decimals to print a figure with next to the limit it is judged against: one, or two when one
 * would print a figure that differs from its limit as equal to it ("50.01% of capacity, above the
 * 50% ceiling", not "50%, above the 50% ceiling"). `scale` is 100 for shares printed as percentages.
 */
export function decimalsAgainst(x: number, limit: number, scale = 1): 1 | 2 {
  return roundTo(x * scale, 1) === roundTo(limit * scale, 1) && millionths(x) !== millionths(limit) ? 2 : 1;
}

/**
 * Share (0..1) as a percentage: 0.42 → "42%", 0.125 → "12.5%".
 * One decimal (or two, see decimalsAgainst) so that 0.504 does not print as "50%" next to a 50%
 * limit it breaches. Non-finite input prints "n/a" instead of "NaN%" / "Infinity%".
 */
export function pct(x: number, decimals: 1 | 2 = 1): string {
  if (!Number.isFinite(x)) return 'n/a';
  return `${roundTo(roundTo(x, PRECISION.share) * 100, decimals)}%`;
}

/** Hours rounded to one decimal (or two): 12.46 → "12.5 h", 12 → "12 h". Non-finite → "n/a". */
export function hours(x: number, decimals: 1 | 2 = 1): string {
  if (!Number.isFinite(x)) return 'n/a';
  return `${roundTo(x, decimals)} h`;
}
