import { useId, useState, type FormEvent } from 'react';
import { GraphQLRequestError, written } from '../../graphql/request';
import { mutate } from '../../lib/queryClient';
import { SET_LOAD_MODEL, type LoadModelField, type LoadModelValues } from './operations';
import { formFromModel, LOAD_MODEL_SPECS, loadModelValue, parseLoadModelForm, type LoadModelErrors, type LoadModelForm } from './loadModelForm';
import { FieldError } from '../../components/FieldError';

/**
 * A change of a team's load model (team null: the org default): every value prefilled with the
 * model in force and said in words, a required reason, the server's objections beside their field.
 * Saving marks every cached figure stale (mutate): ops hours move with the model.
 */
export function LoadModelEditor({
  team,
  current,
  canEdit,
  deniedText,
  onSaved,
}: {
  team: string | null;
  current: LoadModelValues;
  canEdit: boolean;
  /** Why the form is read-only, when it is. */
  deniedText: string;
  onSaved(saved: LoadModelValues, reason: string): void;
}) {
  const id = useId();
  const [form, setForm] = useState<LoadModelForm>(() => formFromModel(current));
  const [errors, setErrors] = useState<LoadModelErrors>({});
  const [busy, setBusy] = useState(false);

  const set = (field: keyof LoadModelForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseLoadModelForm(form, current);
    setErrors(parsed.errors);
    if (Object.keys(parsed.errors).length) {
      document.getElementById(`${id}-${Object.keys(parsed.errors)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    const reason = form.reason.trim();
    try {
      const res = await mutate(SET_LOAD_MODEL, { team, input: parsed.input, reason });
      setBusy(false);
      onSaved(written(res.setLoadModel), reason);
    } catch (err) {
      const next: LoadModelErrors = {};
      const known = new Set<string>([...LOAD_MODEL_SPECS.map((s) => s.field), 'reason']);
      const records = err instanceof GraphQLRequestError ? err.records : [];
      for (const r of records) {
        const field = r.field.replace(/^input\./, '');
        if (known.has(field)) next[field as LoadModelField | 'reason'] = r.message;
        else next.form = [next.form, `${r.field}: ${r.message}`].filter(Boolean).join(' ');
      }
      if (records.length === 0) next.form = (err as Error).message;
      setErrors(next);
      setBusy(false);
    }
  }

  const describedBy = (field: string) => [`${id}-${field}-hint`, errors[field as keyof LoadModelErrors] && `${id}-${field}-error`].filter(Boolean).join(' ');

  const error = (field: keyof LoadModelErrors) =>
    errors[field] && (
      <FieldError id={`${id}-${field}-error`} testId={`load-model-error-${field}`} text={errors[field]} />
    );

  return (
    <form className="guardrail-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="load-model-editor">
      <h3 id={`${id}-title`}>Change the load model</h3>
      <div className="guardrail-form__grid">
        {LOAD_MODEL_SPECS.map((s) => (
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
                aria-describedby={describedBy(s.field)}
                disabled={!canEdit}
                data-testid={`load-model-${s.field}`}
              />
              <span className="input-unit__unit" aria-hidden="true">
                {s.unit}
              </span>
            </div>
            <p id={`${id}-${s.field}-hint`} className="field-hint">
              Now {loadModelValue(s.field, current[s.field])}. {s.hint}
            </p>
            {error(s.field)}
          </div>
        ))}
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
          aria-describedby={describedBy('reason')}
          aria-required="true"
          disabled={!canEdit}
          placeholder="e.g. Night pages cost the next morning too: count sleep hours 1.5×."
          data-testid="load-model-reason"
        />
        <p id={`${id}-reason-hint`} className="field-hint">
          Kept in the history with who changed it and when.
        </p>
        {error('reason')}
      </div>
      {error('form')}
      <div className="guardrail-form__footer">
        <button type="submit" className="button" disabled={busy || !canEdit} data-testid="load-model-save">
          {busy ? 'Saving…' : 'Save the load model'}
        </button>
        <span className="field-hint">{canEdit ? 'Every figure is computed again with the new model; a new page cap re-splits stored pages.' : deniedText}</span>
      </div>
    </form>
  );
}
