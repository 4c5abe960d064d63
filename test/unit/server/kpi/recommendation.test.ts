import { describe, it, expect } from 'vitest';
import { DEFAULT_GUARDRAILS, type GuardrailPolicy, type Status } from '../../../../server/kpi/guardrails.js';
import {
  ewmaProjection,
  ewmaWeights,
  recommend,
  roundUpToStep,
  type PlanInputs,
  type SprintShare,
} from '../../../../server/kpi/recommendation.js';

describe('ewmaWeights', () => {
  it.each<[number, number, number[]]>([
    [0, 0.5, []],
    [1, 0.5, [1]],
    [2, 0.5, [2 / 3, 1 / 3]],
    [3, 0.5, [4 / 7, 2 / 7, 1 / 7]],
    [3, 1, [1, 0, 0]], // α = 1: only the newest sprint counts
  ])('ewmaWeights(%s, %s)', (n, alpha, expected) => {
    const w = ewmaWeights(n, alpha);
    expect(w).toHaveLength(expected.length);
    w.forEach((x, i) => expect(x).toBeCloseTo(expected[i] ?? Number.NaN, 12));
  });

  it.each([0, -0.5, 1.5, Number.NaN])('rejects alpha %s (Σw would be 0 or weights negative)', (alpha) => {
    expect(() => ewmaWeights(3, alpha)).toThrow(RangeError);
  });
});

describe('ewmaProjection', () => {
  it.each<[number[], number, number | null]>([
    [[], 0.5, null],
    [[0.3], 0.5, 0.3],
    [[0.3, 0.3, 0.3], 0.5, 0.3],
    [[0.7, 0, 0], 0.5, 0.4], // 4/7 × 0.7
    [[0, 0, 0.7], 0.5, 0.1], // 1/7 × 0.7
    [[0.31, 0.24, 0.18], 0.5, (4 * 0.31 + 2 * 0.24 + 0.18) / 7],
    [[0.6, 0.2], 1, 0.6],
  ])('ewmaProjection(%j, %s) → %s', (xs, alpha, expected) => {
    const p = ewmaProjection(xs, alpha);
    if (expected === null) expect(p).toBeNull();
    else expect(p).toBeCloseTo(expected, 12);
  });
});

describe('roundUpToStep', () => {
  it.each<[number, number, number]>([
    [0, 0.05, 0],
    [0.25, 0.05, 0.25],
    [0.2500000001, 0.05, 0.25],
    [0.251, 0.05, 0.3],
    [0.2499999999, 0.05, 0.25],
    [0.01, 0.05, 0.05],
    [0.3, 0.05, 0.3], // 0.3 / 0.05 is 5.999… in floating point
    [0.7, 0.05, 0.7],
    [0.33, 0.1, 0.4],
    [1, 0.05, 1],
    [-0.0001, 0.05, 0], // never -0
  ])('roundUpToStep(%s, %s) → %s', (x, step, expected) => {
    expect(Object.is(roundUpToStep(x, step), expected)).toBe(true);
  });

  it.each([0, -0.05])('rejects step %s', (step) => {
    expect(() => roundUpToStep(0.3, step)).toThrow(RangeError);
  });
});

const sprints = (...shares: number[]): SprintShare[] => shares.map((opsShare, i) => ({ name: `Sprint ${41 - i}`, opsShare }));
const input = (history: SprintShare[], over: Partial<PlanInputs> = {}, policy: Partial<GuardrailPolicy> = {}): PlanInputs => ({
  history,
  policy: { ...DEFAULT_GUARDRAILS, ...policy },
  capacityHours: 300,
  window: { startDate: '2024-05-20', endDate: '2024-06-02' },
  capacityExplanation: '5 people × 10 working days × 6 focus hours = 300 h.',
  ...over,
});

describe('recommend', () => {
  it.each<[string, PlanInputs, number, number, number, number, Status]>([
    // name, inputs, projected, recommended, reserved h, feature h, status
    ['no history → the floor, and no data to judge', input([]), 0.2, 0.2, 60, 240, 'NO_DATA'],
    ['low load → clamped up to the floor', input(sprints(0.07, 0.07, 0.07)), 0.07, 0.2, 60, 240, 'OK'],
    ['mid load → rounded up to 5%', input(sprints(0.31, 0.24, 0.18)), (4 * 0.31 + 2 * 0.24 + 0.18) / 7, 0.3, 90, 210, 'OK'],
    ['on a step stays', input(sprints(0.25)), 0.25, 0.25, 75, 225, 'OK'],
    ['near the ceiling → WARN', input(sprints(0.42, 0.42)), 0.42, 0.45, 135, 165, 'WARN'],
    ['exactly 80% of ceiling → WARN', input(sprints(0.4)), 0.4, 0.4, 120, 180, 'WARN'],
    ['overload → capped at the ceiling, BREACH', input(sprints(0.7, 0.6, 0.5)), (4 * 0.7 + 2 * 0.6 + 0.5) / 7, 0.5, 150, 150, 'BREACH'],
    ['only lookbackSprints newest count', input(sprints(0.3, 0.3, 0.3, 0.9, 0.9)), 0.3, 0.3, 90, 210, 'OK'],
    ['lookback 1', input(sprints(0.3, 0.9), {}, { lookbackSprints: 1 }), 0.3, 0.3, 90, 210, 'OK'],
    ['zero capacity → zero hours', input(sprints(0.3), { capacityHours: 0 }), 0.3, 0.3, 0, 0, 'OK'],
  ])('%s', (_name, i, projected, recommended, reserved, feature, status) => {
    const plan = recommend(i);
    expect(plan.projectedOpsShare).toBe(Math.round(projected * 1e4) / 1e4); // published to 4 decimals
    expect(plan.recommendedOpsShare).toBeCloseTo(recommended, 12);
    expect(plan.reservedOpsHours).toBeCloseTo(reserved, 9);
    expect(plan.featureHours).toBeCloseTo(feature, 9);
    expect(plan.reservedOpsHours + plan.featureHours).toBeCloseTo(Math.max(0, i.capacityHours), 9);
    expect(plan.status).toBe(status);
    expect(plan.explanation.join(' ')).not.toMatch(/NaN|Infinity|undefined/);
  });

  it.each<[string, PlanInputs, string[]]>([
    ['three sprints', input(sprints(0.31, 0.24, 0.18)), [
      'Sprint 41 used 31% of capacity for ops (weight 4/7).',
      'Sprint 40 used 24% of capacity for ops (weight 2/7).',
      'Sprint 39 used 18% of capacity for ops (weight 1/7).',
      'Weighting recent sprints more, ops is projected to take 27.1% of the next sprint.',
      'Reservations are planned in 5% steps, so 27.1% is rounded up to 30%.',
      'That is within the 20%–50% policy range, so no bound applies.',
      '5 people × 10 working days × 6 focus hours = 300 h.',
      'For 2024-05-20 to 2024-06-02, reserve 90 h of the 300 h capacity for ops (30%), leaving 210 h for feature work.',
    ]],
    ['no history', input([]), [
      'There are no finished sprints yet, so the projection starts at the 20% reserve floor.',
      'Reservations are planned in 5% steps and 20% is already on a step.',
      'That is within the 20%–50% policy range, so no bound applies.',
      '5 people × 10 working days × 6 focus hours = 300 h.',
      'For 2024-05-20 to 2024-06-02, reserve 60 h of the 300 h capacity for ops (20%), leaving 240 h for feature work.',
      'There is no finished sprint to project from, so the 20% projection is the floor, not a measurement.',
    ]],
  ])('explains itself: %s', (_name, i, expected) => {
    expect(recommend(i).explanation).toEqual(expected);
  });

  it.each<[string, PlanInputs, RegExp]>([
    ['single sprint has full weight', input(sprints(0.3)), /Sprint 41 used 30% of capacity for ops \(full weight\)\./],
    ['floor clamp says why', input(sprints(0.07)), /below the 20% reserve floor, so the floor applies/],
    ['ceiling clamp says why', input(sprints(0.8)), /above the 50% ops ceiling, so the reservation is capped at the ceiling/],
    ['overload names the action', input(sprints(0.8)), /ops overload — reserve the ceiling, escalate, pause feature commitments/],
    ['warning names the threshold', input(sprints(0.42)), /close to the 50% ceiling \(warning from 40%\)/],
    ['dropped history is mentioned', input(sprints(0.3, 0.3, 0.3, 0.9)), /1 older sprint\(s\) were left out: the policy looks back 3 sprint\(s\)\./],
    ['non-nice weights fall back to percentages', input(sprints(0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3), {}, { lookbackSprints: 7 }), /weight 50.4%/],
  ])('%s', (_name, i, pattern) => {
    expect(recommend(i).explanation.join('\n')).toMatch(pattern);
  });
});

const rule = (plan: ReturnType<typeof recommend>, name: string) => plan.rules.find((r) => r.rule === name)!;

describe('recommend: boundaries of the projection', () => {
  it('an EWMA of exactly 40% is 40%: recommended 40%, WARN at 80% of the 50% ceiling', () => {
    // 4/7 × 50% + 2/7 × 30% + 1/7 × 20% = 2.8 / 7 = 40%, which floats make 0.39999999999999997
    expect(ewmaProjection([0.5, 0.3, 0.2])).not.toBe(0.4);
    const plan = recommend(input(sprints(0.5, 0.3, 0.2)));
    expect(plan.projectedOpsShare).toBe(0.4);
    expect(plan.recommendedOpsShare).toBe(0.4);
    expect(plan.status).toBe('WARN');
  });

  it.each<[number[], number, number]>([
    [[0.25, 0.25, 0.25], 0.25, 0.25],
    [[0.45, 0.45, 0.45], 0.45, 0.45],
    [[0.35000001], 0.35, 0.35], // below the published precision: on the step
    [[0.3501], 0.3501, 0.4],
  ])('projection of %j is %s, recommended %s', (shares, projected, recommended) => {
    const plan = recommend(input(sprints(...shares)));
    expect(plan.projectedOpsShare).toBe(projected);
    expect(plan.recommendedOpsShare).toBe(recommended);
  });
});

describe('recommend: what-ifs get verdicts of their own', () => {
  it.each<[string, number[], number, Status, RegExp]>([
    ['5 points under the floor is a BREACH', [0.1], 0.15, 'BREACH', /15% \(your choice\) is below the 20% floor/],
    ['above the floor and the projection is OK', [0.1], 0.25, 'OK', /25% \(your choice\) is within the 20%–50% policy range/],
    ['above the ceiling is a WARN', [0.3], 0.6, 'WARN', /60% \(your choice\) is above the 50% ops ceiling/],
    ['below the projection is a WARN', [0.38], 0.3, 'WARN', /below the projected 38%: the sprint is likely to be under-reserved/],
  ])('%s', (_name, shares, chosen, status, message) => {
    const plan = recommend(input(sprints(...shares), { chosenShare: chosen }));
    const r = rule(plan, 'reservedOpsShare');
    expect(r.status).toBe(status);
    expect(r.value).toBe(chosen);
    expect(r.message).toMatch(message);
    expect(plan.reservedOpsShare).toBe(chosen);
    if (status !== 'OK') expect(plan.explanation.join(' ')).toMatch(message);
    // Only a projection above the ceiling calls for the overload action.
    expect(plan.explanation.join(' ')).not.toMatch(/reserve the ceiling, escalate, pause feature commitments/);
  });

  it('a what-if under the floor with an overloaded projection still names the overload once', () => {
    const plan = recommend(input(sprints(0.7), { chosenShare: 0.15 }));
    expect(plan.status).toBe('BREACH');
    expect(rule(plan, 'projectedOpsShare').status).toBe('BREACH');
    expect(rule(plan, 'reservedOpsShare').message).toMatch(/below the 20% floor/);
    expect(plan.explanation.filter((l) => l.includes('pause feature commitments'))).toHaveLength(1);
  });
});

describe('recommend: the plan hears every guardrail', () => {
  const sleepBreach = { rule: 'sleepInterruptionsPerWeek' as const, status: 'BREACH' as const, value: 4.3, limit: 2, message: 'Sleep was interrupted 4.3 times per week, above the limit of 2 per week.' };
  const pagesWarn = { rule: 'pageHoursPerWeek' as const, status: 'WARN' as const, value: 10, limit: 12, message: 'Pages took 10 h per week, close to the 12 h weekly limit.' };
  const ok = { rule: 'changeFailureRate' as const, status: 'OK' as const, value: 0.05, limit: 0.15, message: '5% of deploys failed (1 of 20), within the 15% limit.' };

  it.each<[string, PlanInputs['windowRules'], Status]>([
    ['a sleep breach makes the plan BREACH', [sleepBreach, ok], 'BREACH'],
    ['a page-hours warning makes it WARN', [pagesWarn, ok], 'WARN'],
    ['all OK stays OK', [ok], 'OK'],
  ])('%s', (_name, windowRules, status) => {
    const plan = recommend(input(sprints(0.25, 0.25, 0.25), { windowRules }));
    expect(plan.status).toBe(status);
    expect(plan.rules.map((r) => r.rule)).toEqual(['projectedOpsShare', 'reservedOpsShare', ...windowRules!.map((r) => r.rule)]);
    expect(plan.recommendedOpsShare).toBe(0.25); // the reservation rule itself is unchanged
    const text = plan.explanation.join('\n');
    for (const r of windowRules!) {
      if (r.status === 'OK') expect(text).not.toContain(r.message);
      else expect(text).toMatch(new RegExp(`${r.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} For this sprint: `));
    }
    if (status === 'OK') expect(text).not.toMatch(/For this sprint/);
  });

  it('windows without any signal: NO_DATA, and the explanation says so', () => {
    const plan = recommend(input(sprints(0, 0, 0), { signal: false }));
    expect(plan.status).toBe('NO_DATA');
    expect(rule(plan, 'projectedOpsShare').status).toBe('NO_DATA');
    expect(plan.explanation.join(' ')).toMatch(/hold no alerts, pages, deploys or toil/);
    expect(plan.recommendedOpsShare).toBe(0.2);
  });
});

describe('recommend: compared with last sprint', () => {
  it.each<[string, number[], number | null, string]>([
    ['lower, the floor applies', [0.1, 0.1], 0.25, "The recommended 20% is lower than last sprint's 25% (Sprint 41) because ops is projected to take only 10%, below the 20% floor, so the floor applies."],
    ['higher', [0.3, 0.3], 0.25, "The recommended 30% is higher than last sprint's 25% (Sprint 41) because ops is projected to take 30%."],
    ['higher, rounded up', [0.27, 0.27], 0.2, "The recommended 30% is higher than last sprint's 20% (Sprint 41) because ops is projected to take 27%, rounded up to 30%."],
    ['capped', [0.8], 0.45, "The recommended 50% is higher than last sprint's 45% (Sprint 41) because ops is projected to take 80%, above the 50% ceiling the reservation is capped at."],
    ['the same', [0.25], 0.25, "The recommended 25% is the same as last sprint's 25% (Sprint 41): ops is projected to take 25%."],
    ['nothing recorded', [0.25], null, 'Sprint 41 recorded no reservation, so there is none to compare the recommendation with.'],
  ])('%s', (_name, shares, last, sentence) => {
    const plan = recommend(input(sprints(...shares), { lastSprint: { name: 'Sprint 41', reservedOpsShare: last } }));
    expect(plan.explanation).toContain(sentence);
  });
});

describe('recommend: reserving at the 80th percentile (reserveAt)', () => {
  // Projection of 31%, 24%, 18% is 27.1%; the range beside it is given as the plan computes it (kpi/odds.ts).
  const history = sprints(0.31, 0.24, 0.18);
  const range = (p80Share: number | null, basedOnSprints = 6) => ({ range: { p80Share, basedOnSprints } });
  it.each<[string, PlanInputs, number, 'PROJECTION' | 'P80', RegExp[]]>([
    ['the default ignores the range', input(history, range(0.32)), 0.3, 'PROJECTION', [/27.1% is rounded up to 30%/]],
    ['P80: starts from the 80th percentile, rounded up to a step', input(history, range(0.32), { reserveAt: 'P80' }), 0.35, 'P80', [
      /^The policy reserves at the 80th percentile of the range: 4 sprints in 5 like the last ones needed at most 32%, so the reservation starts from 32% instead of the 27.1% projection\.$/m,
      /^Reservations are planned in 5% steps, so 32% is rounded up to 35%\.$/m,
    ]],
    ['P80 on a step stays', input(history, range(0.4), { reserveAt: 'P80' }), 0.4, 'P80', [/40% is already on a step/]],
    ['P80 may sit below the projection: the floor still applies', input(history, range(0.12), { reserveAt: 'P80' }), 0.2, 'P80', [/below the 20% reserve floor, so the floor applies/]],
    ['P80 above the ceiling: capped at it', input(history, range(0.62), { reserveAt: 'P80' }), 0.5, 'P80', [/capped at the ceiling/]],
    ['P80 without a range: falls back to the projection and says so', input(history, range(null, 2), { reserveAt: 'P80' }), 0.3, 'PROJECTION', [
      /^The policy reserves at the 80th percentile of the range, but there are too few past sprints for a range \(2 with a projection before them\), so the reservation starts from the 27.1% projection\.$/m,
      /27.1% is rounded up to 30%/,
    ]],
    ['P80 with no range given at all (a team without sprints)', input([], {}, { reserveAt: 'P80' }), 0.2, 'PROJECTION', [/too few past sprints for a range \(0 with/]],
  ])('%s', (_name, i, recommended, basis, patterns) => {
    const plan = recommend(i);
    expect(plan.recommendedOpsShare).toBe(recommended);
    expect(plan.recommendationBasis).toBe(basis);
    expect(plan.projectedOpsShare).toBe(i.history.length ? 0.2714 : 0.2); // the projection is still the EWMA
    for (const p of patterns) expect(plan.explanation.join('\n')).toMatch(p);
  });

  it('the default explains itself exactly as before, range or not', () => {
    expect(recommend(input(history, range(0.32))).explanation).toEqual(recommend(input(history)).explanation);
  });

  it('compares with the last sprint on the basis it used', () => {
    const plan = recommend(input(history, { ...range(0.32), lastSprint: { name: 'Sprint 41', reservedOpsShare: 0.25 } }, { reserveAt: 'P80' }));
    expect(plan.explanation).toContain('The recommended 35% is higher than last sprint\'s 25% (Sprint 41) because 4 sprints in 5 like the last ones needed at most 32%, rounded up to 35%.');
  });
});
