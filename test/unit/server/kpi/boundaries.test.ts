import { describe, it, expect } from 'vitest';
import { DEFAULT_GUARDRAILS, evaluateRules, ruleStatus, type RuleInputs, type Status } from '../../../../server/kpi/guardrails';
import { teamKpiFigures } from '../../../../server/kpi/teamKpis';
import { DEFAULT_LOAD_MODEL } from '../../../../server/kpi/loadModel';
import { signalKpis } from '../../../../server/kpi/signals';
import { PRECISION, published, roundTo } from '../../../../server/kpi/format';
import { changeFailureRate, deploymentFrequency } from '../../../../server/kpi/dora';
import type { SignalSums } from '../../../../server/kpi/signals';
import { diffTeams } from '../../../../server/snapshots/diff';
import type { TeamDocument } from '../../../../server/snapshots/document';

// Issue 15, "Boundaries and published figures": rules judge the published (rounded) figure, WARN
// at 80% of a limit or more, BREACH only over it, and float noise never moves a verdict.

const zero: SignalSums = { alerts: 0, pages: 0, pageHours: 0, offHoursPageHours: 0, sleepPageHours: 0, sleepInterruptions: 0, deploys: 0, failedDeploys: 0, toilHours: 0 };
const kpis = (sums: Partial<SignalSums>, over: { days?: number; capacityHours?: number; policy?: Partial<typeof DEFAULT_GUARDRAILS> } = {}) =>
  teamKpiFigures({
    sums: { ...zero, ...sums }, days: over.days ?? 7, capacityHours: over.capacityHours ?? 300, reservedOpsShare: null, busiestResponderSleepInterruptions: null,
    model: DEFAULT_LOAD_MODEL, policy: { ...DEFAULT_GUARDRAILS, ...over.policy },
  });
const rule = (k: ReturnType<typeof kpis>, name: string) => k.rules.find((r) => r.rule === name)!;

describe('the issue’s boundary cases', () => {
  it.each<[string, number, () => ReturnType<typeof kpis>, string, Status, number]>([
    // name, the float the old code compared (value or 80% of the limit: the noise is real), KPIs, rule, status, published value
    ['9.6 page h a week against 12 is 80% → WARN', 3.2 + 3.2 + 3.2, () => kpis({ pages: 3, pageHours: 3.2 + 3.2 + 3.2 }), 'pageHoursPerWeek', 'WARN', 9.6],
    ['0.3 + 8.3 + 3.4 = 12 page h a week is the limit, not over it → WARN', 0.3 + 8.3 + 3.4, () => kpis({ pages: 3, pageHours: 0.3 + 8.3 + 3.4 }), 'pageHoursPerWeek', 'WARN', 12],
    ['75 h of 150 h is 0.5 against a 0.5 ceiling → WARN, not BREACH', (0.1 + 0.2) * 250, () => kpis({ toilHours: (0.1 + 0.2) * 250 }, { capacityHours: 150 }), 'opsCeiling', 'WARN', 0.5],
    ['36% of a 45% ceiling is 80% of it → WARN', 0.8 * 0.45, () => kpis({ toilHours: 108 }, { policy: { opsCeiling: 0.45 } }), 'opsCeiling', 'WARN', 0.36],
    ['7 of 25 deploys failed is 80% of a 35% limit → WARN', 0.8 * 0.35, () => kpis({ deploys: 25, failedDeploys: 7 }, { policy: { maxChangeFailureRate: 0.35 } }), 'changeFailureRate', 'WARN', 0.28],
  ])('%s', (_name, raw, figures, name, status, value) => {
    expect(raw).not.toBe(value); // the noise is real
    const r = rule(figures(), name);
    expect(r.value).toBe(value);
    expect(r.status).toBe(status);
  });

  it.each<[number, number, Status]>([
    [0.36, 0.45, 'WARN'], // 0.8 × 0.45 is 0.36000000000000004 in floats
    [9.6, 12, 'WARN'], // 0.8 × 12 is 9.600000000000001
    [9.59, 12, 'OK'],
    [12, 12, 'WARN'],
    [12.01, 12, 'BREACH'],
    [0.5, 0.5, 'WARN'],
    [0.5001, 0.5, 'BREACH'],
    [0.12, 0.15, 'WARN'],
    [0.1199, 0.15, 'OK'],
    [1.6, 2, 'WARN'],
  ])('ruleStatus(%s, %s) → %s, compared as integers', (value, limit, status) => {
    expect(ruleStatus(value, limit)).toBe(status);
  });
});

describe('per-week rules over d days judge value × 7 / max(d, 7)', () => {
  const base: RuleInputs = { opsShare: 0.1, reservedOpsShare: null, pageHours: 0, sleepInterruptions: 0, busiestResponderSleepInterruptions: null, deploys: 0, failedDeploys: 0, days: 7, hasSignal: true };
  it.each<[string, Partial<RuleInputs>, string, number, Status]>([
    ['one bad day is not a week of them: 2 sleep interruptions in 1 day', { sleepInterruptions: 2, days: 1 }, 'sleepInterruptionsPerWeek', 2, 'WARN'],
    ['3 in 3 days', { sleepInterruptions: 3, days: 3 }, 'sleepInterruptionsPerWeek', 3, 'BREACH'],
    ['5 page h in 2 days', { pageHours: 5, days: 2 }, 'pageHoursPerWeek', 5, 'OK'],
    ['a week is a week', { pageHours: 10, days: 7 }, 'pageHoursPerWeek', 10, 'WARN'],
    ['longer ranges are averaged: 4 in 14 days', { sleepInterruptions: 4, days: 14 }, 'sleepInterruptionsPerWeek', 2, 'WARN'],
    ['30 page h in 30 days is 7 a week', { pageHours: 30, days: 30 }, 'pageHoursPerWeek', 7, 'OK'],
    ['10 sleep interruptions in 30 days is 2.33 a week', { sleepInterruptions: 10, days: 30 }, 'sleepInterruptionsPerWeek', 2.33, 'BREACH'],
  ])('%s', (_name, over, name, value, status) => {
    const r = evaluateRules({ ...base, ...over }, DEFAULT_GUARDRAILS).find((x) => x.rule === name)!;
    expect(r.value).toBe(value);
    expect(r.status).toBe(status);
  });
});

describe('NO_DATA: a window without any signal', () => {
  it.each<[string, Partial<SignalSums>, number | null, Status]>([
    ['nothing recorded', {}, null, 'NO_DATA'],
    ['nothing recorded, but a reservation below the floor still breaches', {}, 0.1, 'BREACH'],
    ['nothing recorded, reservation on the floor', {}, 0.2, 'NO_DATA'],
    ['one alert is a signal', { alerts: 1 }, null, 'OK'],
    ['toil alone is a signal', { toilHours: 0.5 }, null, 'OK'],
    ['a deploy alone is a signal', { deploys: 1 }, null, 'OK'],
  ])('%s', (_name, sums, reserved, status) => {
    const k = teamKpiFigures({ sums: { ...zero, ...sums }, days: 14, capacityHours: 300, reservedOpsShare: reserved, busiestResponderSleepInterruptions: null, model: DEFAULT_LOAD_MODEL, policy: DEFAULT_GUARDRAILS });
    expect(k.status).toBe(status);
    if (Object.keys(sums).length === 0) {
      expect(k.rules.filter((r) => r.rule !== 'reserveFloor').map((r) => r.status)).toEqual(['NO_DATA', 'NO_DATA', 'NO_DATA', 'NO_DATA', 'NO_DATA']);
      expect(k.rules[0].message).toContain('No alerts, pages, deploys or toil were recorded');
    }
  });
});

describe('published figures carry no float noise', () => {
  it('states one precision per kind of figure', () => {
    expect(PRECISION).toEqual({ hours: 2, perWeek: 2, share: 4, perDay: 4, seconds: 2 });
  });

  it.each<[number, number, number]>([
    [7.450000000000001, 2, 7.45],
    [0.39999999999999997, 4, 0.4],
    [12.000000000000002, 2, 12],
    [1.005, 2, 1.01], // half away from zero on the decimal, not on the binary value
    [2 / 3, 4, 0.6667],
    [-0.0000001, 2, 0],
  ])('roundTo(%s, %s) → %s', (x, d, expected) => {
    expect(Object.is(roundTo(x, d), expected)).toBe(true);
  });

  // roundTo's arithmetic fast path must agree with rounding the decimal text, everywhere: random
  // magnitudes, and values on and around every kind of tie (k + 0.5) / 10^d, one ulp either side.
  it('agrees with rounding the decimal text for random values and near-ties', () => {
    const byText = (x: number, d: number) => {
      const [mantissa, exponent] = Math.abs(x).toExponential().split('e');
      const n = Math.round(Number(`${mantissa}e${Number(exponent) + d}`));
      const r = Math.sign(x) * Number(`${n}e-${d}`);
      return r === 0 ? 0 : r;
    };
    let seed = 19;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 16 - 6);
      values.push((random() - 0.5) * magnitude);
      const d = Math.floor(random() * 5);
      const tie = (Math.floor(random() * 1e6) + 0.5) / 10 ** d;
      values.push(tie, tie * (1 + Number.EPSILON), tie * (1 - Number.EPSILON), -tie, Math.round(random() * 1e5) / 10 ** d);
    }
    const disagreements = [];
    for (const x of values) for (let d = 0; d <= 6; d++) if (!Object.is(roundTo(x, d), byText(x, d))) disagreements.push([x, d]);
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  it('rounds every figure of a window', () => {
    const k = kpis({ alerts: 7, pages: 3, pageHours: 2.3 + 2.3 + 2.85, offHoursPageHours: 0.1 + 0.2, sleepPageHours: 0.7 + 0.1, toilHours: 0.1 + 0.2, deploys: 3, failedDeploys: 1 }, { capacityHours: 70 });
    expect(k.pageHours).toBe(7.45);
    expect(k.offHoursPageHours).toBe(0.3);
    expect(k.sleepPageHours).toBe(0.8);
    expect(k.businessPageHours).toBe(6.35);
    expect(k.toilHours).toBe(0.3);
    expect(k.changeFailureRate).toBe(0.3333);
    expect(k.opsBreakdown).toEqual({ pages: 7.45, alerts: 0.58, failedDeploys: 2, toil: 0.3 });
    expect(k.opsHours).toBe(10.33);
    expect(k.opsShare).toBe(0.1476);
    for (const r of k.rules) if (r.value !== null) expect(String(r.value)).toMatch(/^\d+(\.\d{1,4})?$/);
  });

  it('rounds series and service figures the same way', () => {
    expect(signalKpis({ ...zero, pageHours: 7.450000000000001, toilHours: 0.30000000000000004 })).toMatchObject({ pageHours: 7.45, toilHours: 0.3 });
  });

  it('rounds DORA rates', () => {
    expect(deploymentFrequency(10, 3).value).toBe(3.3333);
    expect(changeFailureRate(3, 1).value).toBe(0.3333);
    expect(published('seconds', 5400.000000001)).toBe(5400);
  });
});

describe('snapshot comparisons publish deltas without float noise', () => {
  it('7.45 → 7.3 page hours moved by −0.15, not −0.15000000000000036', () => {
    const doc = (pageHours: number, opsShare: number) => ({ slug: 'a', name: 'A', kpis: { pageHours, opsShare, status: 'OK' } }) as unknown as TeamDocument;
    const [team] = diffTeams([doc(7.45, 0.1)], [doc(7.3, 0.3)]);
    expect(team.changes).toEqual([
      { kpi: 'pageHours', before: 7.45, after: 7.3, delta: -0.15 },
      { kpi: 'opsShare', before: 0.1, after: 0.3, delta: 0.2 },
    ]);
  });
});

describe('sentences never print a figure over its limit as equal to it', () => {
  const base: RuleInputs = { opsShare: 0.3, reservedOpsShare: 0.25, pageHours: 0, sleepInterruptions: 0, busiestResponderSleepInterruptions: null, deploys: 0, failedDeploys: 0, days: 7, hasSignal: true };
  it.each<[string, Partial<RuleInputs>, string, string]>([
    ['ops share 50.01% of a 50% ceiling', { opsShare: 0.5001 }, 'opsCeiling', 'Ops took 50.01% of capacity, above the 50% ceiling.'],
    ['ops share exactly at the ceiling', { opsShare: 0.5 }, 'opsCeiling', 'Ops took 50% of capacity, close to the 50% ceiling.'],
    ['page hours 12.01 of 12', { pageHours: 12.01 }, 'pageHoursPerWeek', 'Pages took 12.01 h per week, above the 12 h weekly limit.'],
    ['page hours 12.04 of 12 at one decimal would read 12 h', { pageHours: 12.04 }, 'pageHoursPerWeek', 'Pages took 12.04 h per week, above the 12 h weekly limit.'],
    ['page hours 12.46 reads 12.5 h', { pageHours: 12.46 }, 'pageHoursPerWeek', 'Pages took 12.5 h per week, above the 12 h weekly limit.'],
    ['sleep 2.01 of 2', { sleepInterruptions: 2.01 }, 'sleepInterruptionsPerWeek', 'Sleep was interrupted 2.01 times per week, above the limit of 2 per week.'],
    ['reserved 19.99% of a 20% floor', { reservedOpsShare: 0.1999 }, 'reserveFloor', 'Only 19.99% of capacity was reserved for ops, below the 20% floor.'],
  ])('%s', (_name, over, name, message) => {
    expect(evaluateRules({ ...base, ...over }, DEFAULT_GUARDRAILS).find((r) => r.rule === name)!.message).toBe(message);
  });
});
