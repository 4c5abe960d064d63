import { useId, useState, type FormEvent } from 'react';
import { GraphQLRequestError, written } from '../../graphql/request';
import { mutate } from '../../lib/queryClient';
import { SET_GUARDRAIL, type GuardrailField, type GuardrailVersion, type ReserveAt } from './operations';
import { formFromPolicy, GUARDRAIL_SPECS, parseGuardrailForm, RESERVE_AT_OPTIONS, type GuardrailErrors, type GuardrailForm } from './guardrailForm';
import { policyValue, reserveAtText, whenText } from './policyText';
import { FieldError } from '../../components/FieldError';

/**
 * A new guardrail version for the team (team null: the org default): every field prefilled with the policy in force, a required
 * reason, and the server's objections shown beside the field they concern.
 */
export function GuardrailEditor({
  team,
  current,
  canPlan,
  onSaved,
}: {
  team: string | null;
  current: GuardrailVersion;
  canPlan: boolean;
  onSaved(saved: GuardrailVersion): void;
}) {
  const id = useId();
  const [form, setForm] = useState<GuardrailForm>(() => formFromPolicy(current));
  const [errors, setErrors] = useState<GuardrailErrors>({});
  const [busy, setBusy] = useState(false);

  const set = (field: keyof GuardrailForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseGuardrailForm(form, current);
    setErrors(parsed.errors);
    if (Object.keys(parsed.errors).length) {
      const first = Object.keys(parsed.errors)[0];
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const res = await mutate(SET_GUARDRAIL, { team, input: parsed.input, reason: form.reason.trim() });
      onSaved(written(res.setGuardrail));
    } catch (err) {
      const next: GuardrailErrors = {};
      const known = new Set<string>([...GUARDRAIL_SPECS.map((s) => s.field), 'reserveAt', 'reason']);
      const records = err instanceof GraphQLRequestError ? err.records : [];
      for (const r of records) {
        const field = r.field.replace(/^input\./, '');
        if (known.has(field)) next[field as GuardrailField | 'reserveAt' | 'reason'] = r.message;
        else next.form = [next.form, `${r.field}: ${r.message}`].filter(Boolean).join(' ');
      }
      if (records.length === 0) next.form = (err as Error).message;
      setErrors(next);
      setBusy(false);
    }
  }

  const describedBy = (field: string, hint: boolean) =>
    [hint && `${id}-${field}-hint`, errors[field as keyof GuardrailErrors] && `${id}-${field}-error`].filter(Boolean).join(' ') || undefined;

  return (
    <form className="guardrail-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Change the guardrails</h3>
      <div className="guardrail-form__grid">
        {GUARDRAIL_SPECS.map((s) => (
          <div className="field" key={s.field}>
            <label htmlFor={`${id}-${s.field}`}>{s.label}</label>
            <div className="input-unit">
              <input
                id={`${id}-${s.field}`}
                type="number"
                inputMode="decimal"
                step={s.step}
                min={0}
                value={form[s.field]}
                onChange={(e) => set(s.field)(e.target.value)}
                aria-invalid={errors[s.field] ? true : undefined}
                aria-describedby={describedBy(s.field, true)}
                disabled={!canPlan}
                data-testid={`guardrail-${s.field}`}
              />
              {s.unit && (
                <span className="input-unit__unit" aria-hidden="true">
                  {s.unit}
                </span>
              )}
            </div>
            <p id={`${id}-${s.field}-hint`} className="field-hint">
              Now {policyValue(s.field, current[s.field])}. {s.hint}
            </p>
            <FieldError id={`${id}-${s.field}-error`} testId={`guardrail-error-${s.field}`} text={errors[s.field]} />
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-reserveAt`}>Reserve at</label>
          <select
            id={`${id}-reserveAt`}
            value={form.reserveAt}
            onChange={(e) => setForm((f) => ({ ...f, reserveAt: e.target.value as ReserveAt }))}
            aria-invalid={errors.reserveAt ? true : undefined}
            aria-describedby={describedBy('reserveAt', true)}
            disabled={!canPlan}
            data-testid="guardrail-reserveAt"
          >
            {RESERVE_AT_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <p id={`${id}-reserveAt-hint`} className="field-hint">
            Now the {reserveAtText(current.reserveAt)}. What the recommendation starts from before the floor and ceiling; the 80th percentile needs 4 past sprints, else the projection.
          </p>
          <FieldError id={`${id}-reserveAt-error`} testId="guardrail-error-reserveAt" text={errors.reserveAt} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          Reason <span className="required">(required)</span>
        </label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={1000}
          value={form.reason}
          onChange={(e) => set('reason')(e.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={describedBy('reason', true)}
          aria-required="true"
          disabled={!canPlan}
          placeholder="e.g. Two incident-heavy sprints: raise the floor until the migration lands."
          data-testid="guardrail-reason"
        />
        <p id={`${id}-reason-hint`} className="field-hint">
          Kept with the new version, so the next planning meeting knows why.
        </p>
        <FieldError id={`${id}-reason-error`} testId="guardrail-error-reason" text={errors.reason} />
      </div>
      <FieldError testId="guardrail-error-form" text={errors.form} />
      <div className="guardrail-form__footer">
        <button type="submit" className="button" disabled={busy || !canPlan} data-testid="guardrail-save">
          {busy ? 'Saving…' : 'Save as a new version'}
        </button>
        <span className="field-hint">
          {canPlan
            ? `Version ${current.version} stays in the history${current.createdAt ? ` (set ${whenText(current.createdAt)})` : ''}.`
            : team === null
              ? 'Your token cannot change the org defaults: that needs the plan scope on a token not limited to teams.'
              : 'Your token cannot change guardrails: that needs the plan scope.'}
        </span>
      </div>
    </form>
  );
}
