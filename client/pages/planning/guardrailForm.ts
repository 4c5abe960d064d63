/** The guardrail editor's form: text per field ↔ policy values, and what a save sends. Pure. */
import type { GuardrailField, GuardrailSettings, ReserveAt } from './operations';

export interface FieldSpec {
  field: GuardrailField;
  label: string;
  /** Shares are edited in percent. */
  percent?: boolean;
  unit: string;
  step: number;
  integer?: boolean;
  hint: string;
}

export const GUARDRAIL_SPECS: FieldSpec[] = [
  { field: 'reserveFloor', label: 'Reserve floor', percent: true, unit: '%', step: 5, hint: 'Always reserve at least this share for ops.' },
  { field: 'opsCeiling', label: 'Ops ceiling', percent: true, unit: '%', step: 5, hint: 'Ops above this share is an overload.' },
  { field: 'maxPageHoursPerWeek', label: 'Page hours per week', unit: 'h', step: 1, hint: 'More is a breach.' },
  { field: 'maxSleepInterruptionsPerWeek', label: 'Sleep interruptions per week', unit: '', step: 1, hint: 'More is a breach.' },
  {
    field: 'maxSleepInterruptionsPerPersonWeek', label: 'Sleep interruptions per person per week', unit: '', step: 1,
    hint: 'The busiest responder; more is a breach. Pages that name no responder are not counted.',
  },
  { field: 'maxChangeFailureRate', label: 'Change failure rate', percent: true, unit: '%', step: 1, hint: 'More is a breach.' },
  { field: 'lookbackSprints', label: 'Sprints to look back on', unit: 'sprints', step: 1, integer: true, hint: 'Finished sprints the projection uses (1–12).' },
];

/** What the recommendation can reserve at, in the editor's words. */
export const RESERVE_AT_OPTIONS: { value: ReserveAt; label: string }[] = [
  { value: 'PROJECTION', label: 'The projection (default)' },
  { value: 'P80', label: 'The 80th percentile of the range' },
];

export type GuardrailForm = Record<GuardrailField, string> & { reserveAt: ReserveAt; reason: string };
export type GuardrailErrors = Partial<Record<GuardrailField | 'reserveAt' | 'reason' | 'form', string>>;

/** Percent to the nearest 0.1 without float noise: 0.15 → "15", 0.125 → "12.5". */
const asPercent = (share: number) => String(Math.round(share * 1000) / 10);

export function formFromPolicy(p: GuardrailSettings): GuardrailForm {
  const form = { reserveAt: p.reserveAt, reason: '' } as GuardrailForm;
  for (const s of GUARDRAIL_SPECS) form[s.field] = s.percent ? asPercent(p[s.field]) : String(p[s.field]);
  return form;
}

/**
 * The fields that changed, as the API takes them (shares 0..1), or the problems. The server checks
 * the policy's own rules (shares within 0–100%, floor not above ceiling, 1–12 sprints) and names
 * the field; here only what cannot be sent at all, and the reason, which is required.
 */
export function parseGuardrailForm(form: GuardrailForm, current: GuardrailSettings): { input: Partial<GuardrailSettings>; errors: GuardrailErrors } {
  const input: Partial<GuardrailSettings> = {};
  const errors: GuardrailErrors = {};
  for (const s of GUARDRAIL_SPECS) {
    const text = form[s.field].trim();
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) {
      errors[s.field] = 'Enter a number.';
      continue;
    }
    if (s.integer && !Number.isInteger(n)) {
      errors[s.field] = 'Enter a whole number.';
      continue;
    }
    const value = s.percent ? Math.round(n * 10) / 1000 : n;
    if (Math.abs(value - current[s.field]) > 1e-9) input[s.field] = value;
  }
  if (form.reserveAt !== current.reserveAt) input.reserveAt = form.reserveAt;
  if (!form.reason.trim()) errors.reason = 'Say why the guardrails change: the reason is kept with the new version.';
  if (Object.keys(errors).length === 0 && Object.keys(input).length === 0) errors.form = 'Nothing changed: edit at least one value.';
  return { input, errors };
}
