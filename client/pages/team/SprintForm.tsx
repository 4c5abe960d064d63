import { useId, useState, type FormEvent } from 'react';
import { GraphQLRequestError } from '../../graphql/request';
import { mutate } from '../../lib/queryClient';
import type { SprintRow } from '../../graphql/operations';
import type { SprintInput } from '../../graphql/generated/graphql';
import { SAVE_SPRINT } from './sprintOperations';
import { FieldError } from '../../components/FieldError';

type Field = 'name' | 'startDate' | 'endDate' | 'members' | 'daysOff' | 'capacityHours' | 'reservedOpsShare' | 'featurePointsPlanned' | 'featurePointsCompleted';
type Errors = Partial<Record<Field | 'form', string>>;

const FIELDS: Field[] = ['name', 'startDate', 'endDate', 'members', 'daysOff', 'capacityHours', 'reservedOpsShare', 'featurePointsPlanned', 'featurePointsCompleted'];
const NUMBERS: Exclude<Field, 'name' | 'startDate' | 'endDate'>[] = ['members', 'daysOff', 'capacityHours', 'reservedOpsShare', 'featurePointsPlanned', 'featurePointsCompleted'];

const LABELS: Record<Field, string> = {
  name: 'Name',
  startDate: 'First day',
  endDate: 'Last day',
  members: 'People in the sprint',
  daysOff: 'Days off',
  capacityHours: 'Capacity (hours)',
  reservedOpsShare: 'Reserved for ops (%)',
  featurePointsPlanned: 'Feature points planned',
  featurePointsCompleted: 'Feature points completed',
};

/** Sprint fields as the form holds them: text, as typed. */
export type SprintFormValues = Record<Field, string>;

const text = (n: number | null | undefined) => (n == null ? '' : String(n));

/** What the form starts from: a stored sprint's recorded values, or a new one's blanks. */
export function formValuesOf(sprint?: SprintRow): SprintFormValues {
  return {
    name: sprint?.name ?? '',
    startDate: sprint?.startDate ?? '',
    endDate: sprint?.endDate ?? '',
    members: text(sprint?.recordedMembers),
    daysOff: sprint && sprint.daysOff ? String(sprint.daysOff) : '',
    capacityHours: text(sprint?.recordedCapacityHours),
    // A share is shown as a percentage; 0.125 reads 12.5.
    reservedOpsShare: sprint?.reservedOpsShare == null ? '' : String(Number((sprint.reservedOpsShare * 100).toFixed(2))),
    featurePointsPlanned: text(sprint?.featurePointsPlanned),
    featurePointsCompleted: text(sprint?.featurePointsCompleted),
  };
}

/**
 * The SprintInput of the form's values, or the fields that are not numbers. An empty field is left
 * out: the team's head count, a computed capacity, no reservation — as upsertSprints reads it.
 */
export function sprintInputOf(team: string, v: SprintFormValues): { input?: SprintInput; errors: Errors } {
  const errors: Errors = {};
  const input: SprintInput = { team, name: v.name.trim(), startDate: v.startDate.trim(), endDate: v.endDate.trim() };
  for (const f of NUMBERS) {
    const raw = v[f].trim();
    if (raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n)) errors[f] = 'must be a number';
    else if (f === 'reservedOpsShare' && (n < 0 || n > 100)) errors[f] = 'must be a percentage from 0 to 100';
    else input[f] = f === 'reservedOpsShare' ? Number((n / 100).toFixed(6)) : n;
  }
  return Object.keys(errors).length ? { errors } : { input, errors };
}

/**
 * Records a new sprint (no `sprint`) or changes one (its name stays: the name is the sprint's key).
 * The server checks every field; each problem it finds is shown beside its field.
 */
export function SprintForm({ team, teamMembers, sprint, onDone }: { team: string; teamMembers: number | null; sprint?: SprintRow; onDone(saved: string | null): void }) {
  const id = useId();
  const creating = !sprint;
  const [values, setValues] = useState<SprintFormValues>(() => formValuesOf(sprint));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const hints: Partial<Record<Field, string>> = {
    members: `Who was in it; empty: the team’s ${teamMembers ?? 'unknown'} members.`,
    daysOff: 'Person-days off, taken from a computed capacity.',
    capacityHours: 'Empty: computed from people, working days and focus hours.',
    reservedOpsShare: 'The share of capacity set aside for ops at planning.',
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { input, errors: local } = sprintInputOf(team, values);
    setErrors(local);
    if (!input) return;
    setBusy(true);
    try {
      await mutate(SAVE_SPRINT, { input: [input] });
      onDone(values.name.trim());
    } catch (err) {
      const records = err instanceof GraphQLRequestError ? err.records : [];
      const shown: Errors = {};
      for (const r of records) {
        if ((FIELDS as string[]).includes(r.field)) shown[r.field as Field] = r.message;
        else shown.form = [shown.form, `${r.field}: ${r.message}`].filter(Boolean).join(' ');
      }
      if (records.length === 0) shown.form = (err as Error).message;
      setErrors(shown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sprint-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="sprint-form">
      <h3 id={`${id}-title`}>{creating ? 'New sprint' : `Edit ${sprint.name}`}</h3>
      <div className="sprint-form__fields">
        {FIELDS.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`${id}-${f}`}>{LABELS[f]}</label>
            <input
              id={`${id}-${f}`}
              type={f === 'startDate' || f === 'endDate' ? 'date' : 'text'}
              inputMode={(NUMBERS as Field[]).includes(f) ? 'decimal' : undefined}
              value={values[f]}
              onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
              readOnly={f === 'name' && !creating}
              placeholder={f === 'capacityHours' ? 'computed' : undefined}
              aria-invalid={errors[f] ? true : undefined}
              aria-describedby={[hints[f] ? `${id}-${f}-hint` : '', errors[f] ? `${id}-${f}-error` : ''].filter(Boolean).join(' ') || undefined}
              data-testid={`sprint-form-${f}`}
            />
            {hints[f] && <p id={`${id}-${f}-hint`} className="field-hint">{hints[f]}</p>}
            <FieldError id={`${id}-${f}-error`} testId={`sprint-form-error-${f}`} text={errors[f]} />
          </div>
        ))}
      </div>
      <FieldError testId="sprint-form-error" text={errors.form} />
      <div className="guardrail-form__footer">
        <button type="submit" className="button" disabled={busy} data-testid="sprint-form-save">
          {busy ? 'Saving…' : creating ? 'Record sprint' : 'Save sprint'}
        </button>{' '}
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
