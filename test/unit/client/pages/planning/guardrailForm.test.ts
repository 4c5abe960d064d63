import { describe, expect, it } from 'vitest';
import { formFromPolicy, parseGuardrailForm } from '../../../../../client/pages/planning/guardrailForm';

const policy = {
  reserveFloor: 0.2, opsCeiling: 0.5, maxPageHoursPerWeek: 12, maxSleepInterruptionsPerWeek: 2, maxSleepInterruptionsPerPersonWeek: 2, maxChangeFailureRate: 0.15, lookbackSprints: 3,
  reserveAt: 'PROJECTION' as const,
};

describe('guardrail form', () => {
  it('shows shares in percent, without float noise', () => {
    expect(formFromPolicy(policy)).toEqual({
      reserveFloor: '20', opsCeiling: '50', maxPageHoursPerWeek: '12', maxSleepInterruptionsPerWeek: '2', maxSleepInterruptionsPerPersonWeek: '2', maxChangeFailureRate: '15', lookbackSprints: '3',
      reserveAt: 'PROJECTION', reason: '',
    });
    expect(formFromPolicy({ ...policy, reserveFloor: 0.125, opsCeiling: 0.07 }).reserveFloor).toBe('12.5');
    expect(formFromPolicy({ ...policy, opsCeiling: 0.07 }).opsCeiling).toBe('7');
  });

  it('sends only the fields that changed, shares as 0..1', () => {
    const form = { ...formFromPolicy(policy), reserveFloor: '25', maxPageHoursPerWeek: '10', reason: 'Incident-heavy quarter' };
    expect(parseGuardrailForm(form, policy)).toEqual({ input: { reserveFloor: 0.25, maxPageHoursPerWeek: 10 }, errors: {} });
    expect(parseGuardrailForm({ ...form, reserveFloor: '12.5' }, policy).input.reserveFloor).toBe(0.125);
  });

  it('sends the basis and the per-person limit only when they change', () => {
    const form = { ...formFromPolicy(policy), reason: 'Plan for 4 sprints in 5' };
    expect(parseGuardrailForm({ ...form, reserveAt: 'P80' }, policy)).toEqual({ input: { reserveAt: 'P80' }, errors: {} });
    expect(parseGuardrailForm({ ...form, maxSleepInterruptionsPerPersonWeek: '1' }, policy)).toEqual({ input: { maxSleepInterruptionsPerPersonWeek: 1 }, errors: {} });
    expect(parseGuardrailForm({ ...formFromPolicy({ ...policy, reserveAt: 'P80' }), reason: 'why' }, { ...policy, reserveAt: 'P80' }).errors).toEqual({ form: 'Nothing changed: edit at least one value.' });
  });

  it('requires a reason', () => {
    const { errors } = parseGuardrailForm({ ...formFromPolicy(policy), reserveFloor: '30', reason: '   ' }, policy);
    expect(Object.keys(errors)).toEqual(['reason']);
  });

  it('refuses what cannot be sent, and a save that changes nothing', () => {
    const form = { ...formFromPolicy(policy), reason: 'why' };
    expect(parseGuardrailForm({ ...form, opsCeiling: '' }, policy).errors).toEqual({ opsCeiling: 'Enter a number.' });
    expect(parseGuardrailForm({ ...form, lookbackSprints: '2.5' }, policy).errors).toEqual({ lookbackSprints: 'Enter a whole number.' });
    expect(parseGuardrailForm(form, policy).errors).toEqual({ form: 'Nothing changed: edit at least one value.' });
  });

  it('leaves the policy’s own rules to the server (a floor above the ceiling is sent)', () => {
    const form = { ...formFromPolicy(policy), reserveFloor: '60', reason: 'why' };
    expect(parseGuardrailForm(form, policy)).toEqual({ input: { reserveFloor: 0.6 }, errors: {} });
  });
});
