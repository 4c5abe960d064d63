import { describe, it, expect } from 'vitest';
import { DEFAULT_GUARDRAILS, type GuardrailPolicy } from '../../../../server/kpi/guardrails.js';
import { misses, nearestRank, RANGE_WINDOW, shareRange, trackRecord, type JudgedSprint } from '../../../../server/kpi/odds.js';
import type { SprintShare } from '../../../../server/kpi/recommendation.js';

// Lookback 1 makes every projection the previous sprint's share, so misses are differences
// that can be checked by eye; the default policy (lookback 3) checks the EWMA is the plan's.
const ONE: GuardrailPolicy = { ...DEFAULT_GUARDRAILS, lookbackSprints: 1 };

/** Sprints named S1 (oldest) … Sn, given oldest first, returned newest first like every history. */
const sprints = (...shares: number[]): SprintShare[] => shares.map((opsShare, i) => ({ name: `S${i + 1}`, opsShare })).reverse();

describe('nearestRank', () => {
  it.each<[number[], number, number]>([
    [[7], 0.5, 7],
    [[7], 0.8, 7],
    [[1, 2, 3, 4], 0.5, 2], // ⌈2⌉ = 2nd smallest
    [[1, 2, 3, 4], 0.8, 4], // ⌈3.2⌉ = 4th
    [[5, 1, 4, 2, 3], 0.5, 3], // unsorted input; ⌈2.5⌉ = 3rd
    [[5, 1, 4, 2, 3], 0.8, 4], // ⌈4⌉ = 4th, not the 5th from 4.000000000000001
    [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.8, 8],
    [[-0.05, 0.1, -0.05, 0.05], 0.8, 0.1],
  ])('nearestRank(%j, %s) → %s', (xs, q, expected) => {
    expect(nearestRank(xs, q)).toBe(expected);
  });

  it('refuses an empty list and a q outside (0, 1]', () => {
    expect(() => nearestRank([], 0.5)).toThrow(RangeError);
    expect(() => nearestRank([1], 0)).toThrow(RangeError);
    expect(() => nearestRank([1], 1.2)).toThrow(RangeError);
  });
});

describe('misses', () => {
  it.each<[string, SprintShare[], GuardrailPolicy, [string, number, number][]]>([
    ['nothing before a single sprint', sprints(0.3), ONE, []],
    ['no history', [], ONE, []],
    ['lookback 1: the previous share', sprints(0.2, 0.25, 0.3), ONE, [['S3', 0.25, 0.05], ['S2', 0.2, 0.05]]],
    // S3: before it S2, S1 → 2/3 × 20% + 1/3 × 10% = 0.1667 (published), miss 0.1333; S2: S1 alone.
    ['lookback 3: the plan’s EWMA of what came before', sprints(0.1, 0.2, 0.3), DEFAULT_GUARDRAILS, [['S3', 0.1667, 0.1333], ['S2', 0.1, 0.1]]],
    // S6 and S5 look back on three 10% sprints only, S1's 90% is beyond the lookback; S4 sees it with
    // weight 1/7: (0.4 + 0.2 + 0.9) / 7 = 0.2143; S3 with 1/3: (0.2 + 0.9) / 3 = 0.3667; S2 alone.
    ['never further back than the lookback', sprints(0.9, 0.1, 0.1, 0.1, 0.1, 0.2), DEFAULT_GUARDRAILS,
      [['S6', 0.1, 0.1], ['S5', 0.1, 0], ['S4', 0.2143, -0.1143], ['S3', 0.3667, -0.2667], ['S2', 0.9, -0.8]]],
  ])('%s', (_, history, policy, expected) => {
    expect(misses(history, policy).map((m) => [m.name, m.projection, m.miss])).toEqual(expected);
  });
});

describe('shareRange', () => {
  // Misses, newest first: 35−25 = +10, 25−30 = −5, 30−20 = +10, 20−25 = −5, 25−20 = +5 (points).
  // Sorted: −5, −5, +5, +10, +10 → p50 the 3rd (+5), p80 the 4th (+10); projection 35%.
  const six = sprints(0.2, 0.25, 0.2, 0.3, 0.25, 0.35);

  it.each<[string, SprintShare[], number, number | null, number | null, number]>([
    ['five misses', six, 0.35, 0.4, 0.45, 5],
    ['three misses are too few', six.slice(0, 4), 0.35, null, null, 3],
    ['no history', [], 0.2, null, null, 0],
    // Misses −40, +40, −40, +40: p50 is −40 points, and 0% − 40 points is clamped to 0.
    ['never below 0', sprints(0, 0.4, 0, 0.4, 0), 0, 0, 0.4, 4],
  ])('%s', (_, history, projection, p50, p80, based) => {
    const r = shareRange(history, ONE, projection);
    expect([r.p50Share, r.p80Share, r.basedOnSprints]).toEqual([p50, p80, based]);
  });

  it('says the range in words, and why there is none', () => {
    expect(shareRange(six, ONE, 0.35).sentence).toBe(
      '4 sprints in 5 like the last ones need at most 45% for ops, half of them at most 40%: the 35% projection plus how far each of the last 5 sprints landed from the projection made before it.',
    );
    expect(shareRange(six.slice(0, 4), ONE, 0.35).sentence).toBe(
      'There is no range yet: it needs at least 4 finished sprints with one before them to compare with the projection made then, and the team has 3.',
    );
  });

  it(`uses only the last ${RANGE_WINDOW} misses`, () => {
    // 13 old sprints alternate 0/100% (misses of ±100 points), then 13 steady ones at 30%.
    const history = sprints(...Array.from({ length: 13 }, (_, i) => i % 2), ...Array(13).fill(0.3));
    const r = shareRange(history, ONE, 0.3);
    expect([r.p50Share, r.p80Share, r.basedOnSprints]).toEqual([0.3, 0.3, 12]);
  });
});

describe('trackRecord', () => {
  const judged = (policy: GuardrailPolicy, ...shares: number[]): JudgedSprint[] => sprints(...shares).map((s) => ({ ...s, policy }));

  it('replays the rule before each sprint, with no look-ahead', () => {
    // Oldest first 20, 25, 20, 30, 25, 35 with lookback 1, floor 20%, ceiling 50%:
    // S6 35% vs rule 25% ✗ (p80 before it: 25% + the 4th of −5, −5, +5, +10 = 35%, not exceeded);
    // S5 25% vs 30% ✓ (3 misses before it: no range); S4 30% vs 20% ✗; S3 20% vs 25% ✓;
    // S2 25% vs 20% (the floor) ✗.
    const r = trackRecord(judged(ONE, 0.2, 0.25, 0.2, 0.3, 0.25, 0.35));
    expect(r.backtest.map((b) => [b.name, b.opsShare, b.recommendedOpsShare, b.held, b.p80Share, b.p80Exceeded])).toEqual([
      ['S6', 0.35, 0.25, false, 0.35, false],
      ['S5', 0.25, 0.3, true, null, null],
      ['S4', 0.3, 0.2, false, null, null],
      ['S3', 0.2, 0.25, true, null, null],
      ['S2', 0.25, 0.2, false, null, null],
    ]);
    expect(r).toMatchObject({ sprints: 5, held: 2, p80Sprints: 1, p80Exceeded: 0 });
    expect(r.sentence).toBe('The recommendation held in 2 of the last 5 sprints; the 80th percentile was exceeded in 0 of the last 1 (about 1 in 5 when the range is calibrated).');
  });

  it('judges each sprint by its own guardrail version: floor, ceiling and lookback', () => {
    const history = judged(ONE, 0.2, 0.25, 0.2, 0.3, 0.25, 0.35);
    history[2] = { ...history[2]!, policy: { ...ONE, reserveFloor: 0.3 } }; // S4 30% vs a 30% floor: held
    history[0] = { ...history[0]!, policy: { ...DEFAULT_GUARDRAILS, opsCeiling: 0.2 } }; // S6: capped at 20%
    const r = trackRecord(history);
    expect(r.backtest.map((b) => [b.name, b.recommendedOpsShare, b.held])).toEqual([
      ['S6', 0.2, false], ['S5', 0.3, true], ['S4', 0.3, true], ['S3', 0.25, true], ['S2', 0.2, false],
    ]);
  });

  it('replays each version on its own basis: the 80th percentile where it asked for one and had a range', () => {
    // The worked history; S6 and S4 judged by versions that reserve at the 80th percentile. Before S6
    // the range's 80th percentile was 35%, so it would have reserved 35% and held; S4 had no range
    // before it, so its rule fell back to the projection (20%) and still missed.
    const history = judged(ONE, 0.2, 0.25, 0.2, 0.3, 0.25, 0.35);
    history[0] = { ...history[0]!, policy: { ...ONE, reserveAt: 'P80' } };
    history[2] = { ...history[2]!, policy: { ...ONE, reserveAt: 'P80' } };
    const r = trackRecord(history);
    expect(r.backtest.map((b) => [b.name, b.recommendedOpsShare, b.basis, b.held])).toEqual([
      ['S6', 0.35, 'P80', true], ['S5', 0.3, 'PROJECTION', true], ['S4', 0.2, 'PROJECTION', false], ['S3', 0.25, 'PROJECTION', true], ['S2', 0.2, 'PROJECTION', false],
    ]);
    expect(r).toMatchObject({ sprints: 5, held: 3, p80Sprints: 1, p80Exceeded: 0 });
  });

  it('uses the plan’s EWMA under a longer lookback', () => {
    // S4 after 20%, 10%, 10% (newest first): (4 × 0.2 + 2 × 0.1 + 0.1) / 7 = 0.1571 → 20% step, the floor.
    const r = trackRecord(judged(DEFAULT_GUARDRAILS, 0.1, 0.1, 0.2, 0.3));
    expect(r.backtest[0]).toMatchObject({ name: 'S4', recommendedOpsShare: 0.2, held: false });
  });

  it(`counts the 80th percentile exceeded, over at most the last ${RANGE_WINDOW} sprints`, () => {
    // Steady 30% for 19 sprints then a 60% spike: every rule and range before the spike says 30%.
    const r = trackRecord(judged(ONE, ...Array(19).fill(0.3), 0.6));
    expect(r).toMatchObject({ sprints: 12, held: 11, p80Sprints: 12, p80Exceeded: 1 });
    expect(r.backtest[0]).toMatchObject({ name: 'S20', recommendedOpsShare: 0.3, p80Share: 0.3, p80Exceeded: true });
  });

  it('says when there is nothing to replay, or no range to judge', () => {
    expect(trackRecord(judged(ONE, 0.3))).toMatchObject({ sprints: 0, held: 0, p80Sprints: 0, backtest: [] });
    expect(trackRecord([]).sentence).toBe('There is no track record yet: no finished sprint has one before it to replay the recommendation on.');
    expect(trackRecord(judged(ONE, 0.2, 0.3)).sentence).toBe(
      'The recommendation held in 0 of the last 1 sprint; none of them had 4 sprints with a projection before it, so the 80th percentile has no record yet.',
    );
  });
});
