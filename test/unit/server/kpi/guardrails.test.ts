import { describe, it, expect } from 'vitest';
import {
  DEFAULT_GUARDRAILS,
  evaluateRules,
  ruleStatus,
  validatePolicy,
  worstStatus,
  type GuardrailPolicy,
  type RuleInputs,
  type RuleResult,
  type Status,
} from '../../../../server/kpi/guardrails.js';

describe('DEFAULT_GUARDRAILS', () => {
  it('matches the documented defaults and is valid', () => {
    expect(DEFAULT_GUARDRAILS).toEqual({
      reserveFloor: 0.2, opsCeiling: 0.5, maxPageHoursPerWeek: 12, maxSleepInterruptionsPerWeek: 2, maxChangeFailureRate: 0.15, lookbackSprints: 3,
      reserveAt: 'PROJECTION', maxSleepInterruptionsPerPersonWeek: 2,
    });
    expect(validatePolicy(DEFAULT_GUARDRAILS)).toEqual([]);
  });
});

describe('ruleStatus', () => {
  it.each<[number | null, number, Status]>([
    [null, 0.5, 'OK'], // unknown never alarms
    [0, 0.5, 'OK'],
    [0.39, 0.5, 'OK'],
    [0.4, 0.5, 'WARN'], // exactly 80% of the limit
    [0.5, 0.5, 'WARN'], // at the limit is not above it
    [0.51, 0.5, 'BREACH'],
    [0, 0, 'OK'], // zero limit: nothing is fine
    [0.01, 0, 'BREACH'], // zero limit: anything above breaches
    [null, 0, 'OK'],
  ])('ruleStatus(%s, %s) → %s', (value, limit, expected) => {
    expect(ruleStatus(value, limit)).toBe(expected);
  });
});

describe('worstStatus', () => {
  it.each<[Status[], Status]>([
    [[], 'OK'],
    [['OK'], 'OK'],
    [['OK', 'WARN', 'OK'], 'WARN'],
    [['WARN', 'BREACH', 'OK'], 'BREACH'],
    [['BREACH', 'WARN'], 'BREACH'],
    [['NO_DATA', 'OK'], 'NO_DATA'], // nothing to judge and nothing wrong: no data, never a green OK
    [['NO_DATA', 'WARN'], 'WARN'],
    [['BREACH', 'NO_DATA'], 'BREACH'],
  ])('worstStatus(%j) → %s', (statuses, expected) => {
    expect(worstStatus(statuses)).toBe(expected);
  });
});

const base: RuleInputs = {
  opsShare: 0.3, reservedOpsShare: 0.25, pageHours: 10, sleepInterruptions: 1, busiestResponderSleepInterruptions: 1, deploys: 20, failedDeploys: 1, days: 14, hasSignal: true,
};
const byRule = (results: RuleResult[], rule: RuleResult['rule']) => results.find((r) => r.rule === rule)!;

describe('evaluateRules', () => {
  it('returns one result per rule, in a stable order', () => {
    expect(evaluateRules(base, DEFAULT_GUARDRAILS).map((r) => r.rule)).toEqual([
      'opsCeiling', 'reserveFloor', 'pageHoursPerWeek', 'sleepInterruptionsPerWeek', 'sleepInterruptionsPerPersonWeek', 'changeFailureRate',
    ]);
  });

  it.each<[string, Partial<RuleInputs>, RuleResult['rule'], Status, number | null, string]>([
    // opsCeiling
    ['ops within ceiling', { opsShare: 0.3 }, 'opsCeiling', 'OK', 0.3, 'Ops took 30% of capacity, within the 50% ceiling.'],
    ['ops near ceiling', { opsShare: 0.42 }, 'opsCeiling', 'WARN', 0.42, 'Ops took 42% of capacity, close to the 50% ceiling.'],
    ['ops above ceiling', { opsShare: 0.62 }, 'opsCeiling', 'BREACH', 0.62, 'Ops took 62% of capacity, above the 50% ceiling.'],
    ['ops unknown (zero capacity)', { opsShare: null }, 'opsCeiling', 'OK', null, 'Ops share is unknown because the capacity is zero.'],
    // reserveFloor
    ['reserve above floor', { reservedOpsShare: 0.25 }, 'reserveFloor', 'OK', 0.25, '25% of capacity was reserved for ops, meeting the 20% floor.'],
    ['reserve exactly at floor', { reservedOpsShare: 0.1 + 0.1 }, 'reserveFloor', 'OK', 0.2, '20% of capacity was reserved for ops, meeting the 20% floor.'],
    ['reserve below floor', { reservedOpsShare: 0.1 }, 'reserveFloor', 'BREACH', 0.1, 'Only 10% of capacity was reserved for ops, below the 20% floor.'],
    ['no reservation recorded', { reservedOpsShare: null }, 'reserveFloor', 'OK', null, 'No ops reservation was recorded, so the 20% floor could not be checked.'],
    // pageHoursPerWeek: 14 days = 2 weeks
    ['page hours OK', { pageHours: 10 }, 'pageHoursPerWeek', 'OK', 5, 'Pages took 5 h per week, within the 12 h weekly limit.'],
    ['page hours WARN', { pageHours: 20 }, 'pageHoursPerWeek', 'WARN', 10, 'Pages took 10 h per week, close to the 12 h weekly limit.'],
    ['page hours BREACH', { pageHours: 25 }, 'pageHoursPerWeek', 'BREACH', 12.5, 'Pages took 12.5 h per week, above the 12 h weekly limit.'],
    ['page hours over 0 days', { pageHours: 25, days: 0 }, 'pageHoursPerWeek', 'OK', null, 'Page hours per week are unknown because the range has no days.'],
    // sleepInterruptionsPerWeek
    ['sleep OK', { sleepInterruptions: 2 }, 'sleepInterruptionsPerWeek', 'OK', 1, 'Sleep was interrupted 1 time per week, within the limit of 2 per week.'],
    ['sleep BREACH', { sleepInterruptions: 5 }, 'sleepInterruptionsPerWeek', 'BREACH', 2.5, 'Sleep was interrupted 2.5 times per week, above the limit of 2 per week.'],
    ['sleep over 0 days', { sleepInterruptions: 5, days: 0 }, 'sleepInterruptionsPerWeek', 'OK', null, 'Sleep interruptions per week are unknown because the range has no days.'],
    // sleepInterruptionsPerPersonWeek: the busiest responder's count, per week like the team's (14 days = 2 weeks)
    ['busiest responder OK', { busiestResponderSleepInterruptions: 2 }, 'sleepInterruptionsPerPersonWeek', 'OK', 1, 'The busiest responder had 1 sleep interruption a week, within the limit of 2 per person.'],
    ['busiest responder at 80% of the limit: WARN', { busiestResponderSleepInterruptions: 3.2 }, 'sleepInterruptionsPerPersonWeek', 'WARN', 1.6, 'The busiest responder had 1.6 sleep interruptions a week, close to the limit of 2 per person.'],
    ['busiest responder at the limit: WARN, not BREACH', { busiestResponderSleepInterruptions: 4 }, 'sleepInterruptionsPerPersonWeek', 'WARN', 2, 'The busiest responder had 2 sleep interruptions a week, close to the limit of 2 per person.'],
    ['busiest responder over the limit', { busiestResponderSleepInterruptions: 7 }, 'sleepInterruptionsPerPersonWeek', 'BREACH', 3.5, 'The busiest responder had 3.5 sleep interruptions a week, above the limit of 2 per person.'],
    ['responders named but nobody woken', { busiestResponderSleepInterruptions: 0 }, 'sleepInterruptionsPerPersonWeek', 'OK', 0, 'The busiest responder had 0 sleep interruptions a week, within the limit of 2 per person.'],
    ['one bad night is not a week of them: 2 in 1 day', { busiestResponderSleepInterruptions: 2, days: 1 }, 'sleepInterruptionsPerPersonWeek', 'WARN', 2, 'The busiest responder had 2 sleep interruptions a week, close to the limit of 2 per person.'],
    ['no page names a responder: cannot judge, OK', { busiestResponderSleepInterruptions: null, sleepInterruptions: 9 }, 'sleepInterruptionsPerPersonWeek', 'OK', null, 'No page in this window names its responders, so sleep interruptions per person cannot be judged against the limit of 2 per person per week.'],
    ['person over 0 days', { busiestResponderSleepInterruptions: 3, days: 0 }, 'sleepInterruptionsPerPersonWeek', 'OK', null, 'Sleep interruptions per person per week are unknown because the range has no days.'],
    ['no signal at all: NO_DATA', { busiestResponderSleepInterruptions: null, hasSignal: false }, 'sleepInterruptionsPerPersonWeek', 'NO_DATA', null, 'No alerts, pages, deploys or toil were recorded in this window, so no responder\'s sleep interruptions are judged against the limit of 2 per person per week.'],
    // changeFailureRate
    ['CFR OK', { deploys: 20, failedDeploys: 1 }, 'changeFailureRate', 'OK', 0.05, '5% of deploys failed (1 of 20), within the 15% limit.'],
    ['CFR WARN', { deploys: 8, failedDeploys: 1 }, 'changeFailureRate', 'WARN', 0.125, '12.5% of deploys failed (1 of 8), close to the 15% limit.'],
    ['CFR BREACH', { deploys: 10, failedDeploys: 2 }, 'changeFailureRate', 'BREACH', 0.2, '20% of deploys failed (2 of 10), above the 15% limit.'],
    ['no deploys', { deploys: 0, failedDeploys: 0 }, 'changeFailureRate', 'OK', null, 'There were no deploys, so there is no change failure rate.'],
  ])('%s', (_name, overrides, rule, status, value, message) => {
    const r = byRule(evaluateRules({ ...base, ...overrides }, DEFAULT_GUARDRAILS), rule);
    expect(r.status).toBe(status);
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value).toBeCloseTo(value, 10);
    expect(r.message).toBe(message);
  });

  it('compares the busiest responder on whole millionths against a limit of its own', () => {
    const person = (busiest: number, limit: number) =>
      byRule(evaluateRules({ ...base, days: 7, busiestResponderSleepInterruptions: busiest }, { ...DEFAULT_GUARDRAILS, maxSleepInterruptionsPerPersonWeek: limit }), 'sleepInterruptionsPerPersonWeek');
    expect(person(4, 5)).toMatchObject({ status: 'WARN', value: 4, limit: 5 }); // 5 × 4 = 4 × 5
    expect(person(3, 5)).toMatchObject({ status: 'OK', value: 3 });
    expect(person(1, 0)).toMatchObject({ status: 'BREACH', message: 'The busiest responder had 1 sleep interruption a week, above the limit of 0 per person.' });
    expect(person(0, 0).status).toBe('OK');
    // the team's limit does not apply to a person, nor the person's to the team
    expect(byRule(evaluateRules({ ...base, days: 7, sleepInterruptions: 6, busiestResponderSleepInterruptions: 1 }, DEFAULT_GUARDRAILS), 'sleepInterruptionsPerPersonWeek').status).toBe('OK');
  });

  it('never produces NaN or Infinity with all-zero inputs, and judges no signal as NO_DATA', () => {
    const zero: RuleInputs = { opsShare: null, reservedOpsShare: null, pageHours: 0, sleepInterruptions: 0, busiestResponderSleepInterruptions: null, deploys: 0, failedDeploys: 0, days: 0, hasSignal: false };
    for (const r of evaluateRules(zero, DEFAULT_GUARDRAILS)) {
      expect(r.value === null || Number.isFinite(r.value)).toBe(true);
      expect(r.message).not.toMatch(/NaN|Infinity/);
      expect(r.status).toBe(r.rule === 'reserveFloor' ? 'OK' : 'NO_DATA');
    }
  });
});

describe('validatePolicy', () => {
  it.each<[string, Partial<GuardrailPolicy>, string[]]>([
    ['defaults', {}, []],
    ['floor equal to ceiling is allowed', { reserveFloor: 0.5, opsCeiling: 0.5 }, []],
    ['zero limits are allowed', { maxPageHoursPerWeek: 0, maxSleepInterruptionsPerWeek: 0, maxChangeFailureRate: 0, reserveFloor: 0 }, []],
    ['floor above ceiling', { reserveFloor: 0.6, opsCeiling: 0.5 }, ['reserveFloor']],
    ['share above 1', { opsCeiling: 1.2 }, ['opsCeiling']],
    ['negative share', { maxChangeFailureRate: -0.1 }, ['maxChangeFailureRate']],
    ['NaN share', { reserveFloor: Number.NaN }, ['reserveFloor']],
    ['negative page limit', { maxPageHoursPerWeek: -1 }, ['maxPageHoursPerWeek']],
    ['infinite sleep limit', { maxSleepInterruptionsPerWeek: Number.POSITIVE_INFINITY }, ['maxSleepInterruptionsPerWeek']],
    ['negative per-person sleep limit', { maxSleepInterruptionsPerPersonWeek: -1 }, ['maxSleepInterruptionsPerPersonWeek']],
    ['NaN per-person sleep limit', { maxSleepInterruptionsPerPersonWeek: Number.NaN }, ['maxSleepInterruptionsPerPersonWeek']],
    ['zero per-person sleep limit is allowed', { maxSleepInterruptionsPerPersonWeek: 0 }, []],
    ['reserve at the 80th percentile', { reserveAt: 'P80' }, []],
    ['reserve at an unknown basis', { reserveAt: 'P95' as never }, ['reserveAt']],
    ['lookback 0', { lookbackSprints: 0 }, ['lookbackSprints']],
    ['lookback 13', { lookbackSprints: 13 }, ['lookbackSprints']],
    ['lookback 2.5', { lookbackSprints: 2.5 }, ['lookbackSprints']],
    ['lookback 1 and 12 are allowed', { lookbackSprints: 12 }, []],
  ])('%s', (_name, overrides, fields) => {
    const errors = validatePolicy({ ...DEFAULT_GUARDRAILS, ...overrides });
    expect(errors.map((e) => e.field)).toEqual(fields);
    for (const e of errors) expect(e.message.length).toBeGreaterThan(0);
  });
});
