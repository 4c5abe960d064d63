/** The load model editor's form: what each value means, text per field ↔ values, what a save sends. Pure. */
import type { LoadModelField, LoadModelValues } from './operations';

export interface LoadModelSpec {
  field: LoadModelField;
  label: string;
  unit: string;
  step: number;
  /** What the value means for the figures, shown under its field. */
  hint: string;
}

export const LOAD_MODEL_SPECS: LoadModelSpec[] = [
  { field: 'businessWeight', label: 'Business-hours page weight', unit: '×', step: 0.1, hint: 'Each page hour in business hours counts this many hours of ops work.' },
  { field: 'offHoursWeight', label: 'Off-hours page weight', unit: '×', step: 0.1, hint: 'Each page hour in the evening or at a weekend counts this many hours.' },
  { field: 'sleepWeight', label: 'Sleep-hours page weight', unit: '×', step: 0.1, hint: 'Each page hour at night counts this many hours: above 1 counts the tired morning after.' },
  { field: 'minutesPerAlert', label: 'Minutes per alert', unit: 'min', step: 1, hint: 'Triage time each alert costs, whether or not it paged someone.' },
  { field: 'hoursPerFailedDeploy', label: 'Hours per failed deploy', unit: 'h', step: 0.5, hint: 'Work a failed production deploy costs: roll back, fix, deploy again.' },
  { field: 'maxHoursPerPage', label: 'Most hours per page', unit: 'h', step: 1, hint: 'A page counts at most this long, so one left open does not swamp the figures.' },
];

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A value with its unit: "1.5×", "5 min", "2 h". */
export function loadModelValue(field: LoadModelField, value: number): string {
  const unit = LOAD_MODEL_SPECS.find((s) => s.field === field)!.unit;
  return unit === '×' ? `${plain.format(value)}×` : `${plain.format(value)} ${unit}`;
}

export type LoadModelForm = Record<LoadModelField, string> & { reason: string };
export type LoadModelErrors = Partial<Record<LoadModelField | 'reason' | 'form', string>>;

export function formFromModel(m: LoadModelValues): LoadModelForm {
  const form = { reason: '' } as LoadModelForm;
  for (const s of LOAD_MODEL_SPECS) form[s.field] = String(m[s.field]);
  return form;
}

/**
 * The fields that changed, or the problems. The server checks the limits (not negative, at most
 * 100× or 168 h, more than 0 h per page) and names the field; here only what cannot be sent at
 * all, and the reason, which the dashboard requires.
 */
export function parseLoadModelForm(form: LoadModelForm, current: LoadModelValues): { input: Partial<LoadModelValues>; errors: LoadModelErrors } {
  const input: Partial<LoadModelValues> = {};
  const errors: LoadModelErrors = {};
  for (const s of LOAD_MODEL_SPECS) {
    const text = form[s.field].trim();
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) {
      errors[s.field] = 'Enter a number.';
      continue;
    }
    if (Math.abs(n - current[s.field]) > 1e-9) input[s.field] = n;
  }
  if (!form.reason.trim()) errors.reason = 'Say why the load model changes: the reason is kept in its history.';
  if (Object.keys(errors).length === 0 && Object.keys(input).length === 0) errors.form = 'Nothing changed: edit at least one value.';
  return { input, errors };
}
