import { useId, type InputHTMLAttributes } from 'react';
import { formatShare } from '../../lib/format';
import { SHARE_STEP, type WhatIfField, type WhatIfForm } from './whatIf';
import { FieldError } from '../../components/FieldError';

export interface WhatIfPanelProps {
  form: WhatIfForm;
  errors: Partial<Record<WhatIfField, string>>;
  onChange(next: WhatIfForm): void;
  onReset(): void;
  /** The recommendation, shown on the share controls while the manager has not chosen. */
  recommendedShare: number | undefined;
  teamMembers: number | null;
  focusHoursPerDay: number;
  /** True while the plan for the current inputs is on its way. */
  updating: boolean;
}

type NumberFieldProps = {
  id: string;
  field: WhatIfField;
  label: string;
  value: string;
  onValue(value: string): void;
  error?: string;
  hint?: string;
  unit?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

function NumberField({ id, field, label, value, onValue, error, hint, unit, ...input }: NumberFieldProps) {
  const hintId = `${id}-hint`;
  const errId = `${id}-error`;
  return (
    <div className="field field--whatif">
      <label htmlFor={id}>{label}</label>
      <div className="input-unit">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          value={value}
          onChange={(e) => onValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint && hintId, error && errId].filter(Boolean).join(' ') || undefined}
          data-testid={`whatif-${field}`}
          {...input}
        />
        {unit && (
          <span className="input-unit__unit" aria-hidden="true">
            {unit}
          </span>
        )}
      </div>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={errId} text={error} />
    </div>
  );
}

/**
 * "What if we are one person short?": head count, days off, a capacity override and the reserved
 * share. Every change re-asks the server for the plan (nothing is written until the plan is accepted).
 */
export function WhatIfPanel({ form, errors, onChange, onReset, recommendedShare, teamMembers, focusHoursPerDay, updating }: WhatIfPanelProps) {
  const id = useId();
  const set = (field: WhatIfField) => (value: string) => onChange({ ...form, [field]: value });
  const overridden = form.capacity.trim() !== '';
  const sharePct = form.share.trim() !== '' && !errors.share ? Number(form.share) : recommendedShare !== undefined ? Math.round(recommendedShare * 100) : 20;

  return (
    <form className="whatif" onSubmit={(e) => e.preventDefault()} aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="muted small">
        Try a different sprint. The plan updates as you type; nothing is saved until you accept it.
      </p>
      <div className="whatif__fields">
        <NumberField
          id={`${id}-members`}
          field="members"
          label="Members"
          value={form.members}
          onValue={set('members')}
          error={errors.members}
          min={0}
          step={1}
          disabled={overridden}
          hint={
            overridden
              ? 'Ignored while a capacity is set.'
              : `The team has ${teamMembers ?? 'no'} member${teamMembers === 1 ? '' : 's'}, ${focusHoursPerDay} focus hours each per working day.`
          }
        />
        <NumberField
          id={`${id}-daysOff`}
          field="daysOff"
          label="Days off"
          unit="person-days"
          value={form.daysOff}
          onValue={set('daysOff')}
          error={errors.daysOff}
          min={0}
          step={0.5}
          disabled={overridden}
          hint={overridden ? 'Ignored while a capacity is set.' : 'Leave and holidays inside the sprint.'}
        />
        <NumberField
          id={`${id}-capacity`}
          field="capacity"
          label="Capacity override"
          unit="h"
          value={form.capacity}
          onValue={set('capacity')}
          error={errors.capacity}
          min={0}
          step={1}
          placeholder="computed"
          hint="Leave empty to compute from members and days off."
        />
      </div>

      <fieldset className="share-control">
        <legend>Reserved for ops</legend>
        <div className="share-control__row">
          <input
            type="range"
            min={0}
            max={100}
            step={SHARE_STEP}
            value={sharePct}
            onChange={(e) => set('share')(e.target.value)}
            aria-label="Reserved share, slider"
            aria-valuetext={`${sharePct}%`}
            data-testid="whatif-share-slider"
          />
          <div className="input-unit input-unit--share">
            <input
              id={`${id}-share`}
              type="number"
              min={0}
              max={100}
              step={SHARE_STEP}
              value={form.share.trim() === '' ? sharePct : form.share}
              onChange={(e) => set('share')(e.target.value)}
              aria-label="Reserved share in percent"
              aria-invalid={errors.share ? true : undefined}
              aria-describedby={errors.share ? `${id}-share-error` : `${id}-share-hint`}
              data-testid="whatif-share"
            />
            <span className="input-unit__unit" aria-hidden="true">%</span>
          </div>
        </div>
        {errors.share ? (
          <FieldError id={`${id}-share-error`} text={errors.share} />
        ) : (
          <p id={`${id}-share-hint`} className="field-hint">
            {form.share.trim() === ''
              ? `Following the recommendation${recommendedShare !== undefined ? ` (${formatShare(recommendedShare)})` : ''}.`
              : `Your choice; the recommendation is ${recommendedShare !== undefined ? formatShare(recommendedShare) : '…'}.`}
          </p>
        )}
      </fieldset>

      <div className="whatif__footer">
        <button type="button" className="button button--secondary" onClick={onReset} data-testid="whatif-reset">
          Reset to the team as it is
        </button>
        <span className="updating" role="status" aria-live="polite">
          {updating && (
            <>
              <span className="spinner spinner--small" aria-hidden="true" /> Updating plan…
            </>
          )}
        </span>
      </div>
    </form>
  );
}
