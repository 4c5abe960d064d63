import { useId, useState, type FormEvent } from 'react';
import { GraphQLRequestError, written } from '../../graphql/request';
import { mutate } from '../../lib/queryClient';
import { formatLongDate, formatShare } from '../../lib/format';
import { ACCEPT_PLAN, type SprintPlan, type WhatIfVars } from './operations';
import { defaultSprintName, sprintFromPlan } from './whatIf';

export interface Accepted {
  name: string;
  startDate: string;
  endDate: string;
  reservedOpsShare: number | null;
  capacityHours: number;
}

/**
 * Accepting the plan writes the sprint with its reserved share (and the planned capacity when it
 * was changed); the page then plans the sprint after it.
 */
export function AcceptPlan({
  team,
  plan,
  vars,
  disabled,
  canPlan,
  onAccepted,
}: {
  team: string;
  plan: SprintPlan;
  vars: WhatIfVars;
  /** True while the shown plan does not match the inputs yet. */
  disabled: boolean;
  canPlan: boolean;
  onAccepted(sprint: Accepted): void;
}) {
  const id = useId();
  // The default name follows the plan's start; once edited, the manager's name stays.
  const [edited, setEdited] = useState<string | null>(null);
  const name = edited ?? defaultSprintName(plan.startDate);
  const [busy, setBusy] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNameError(null);
    setFormError(null);
    if (!name.trim()) {
      setNameError('Give the sprint a name.');
      return;
    }
    setBusy(true);
    try {
      const res = await mutate(ACCEPT_PLAN, { input: [sprintFromPlan(team, name, plan, vars)] });
      setEdited(null);
      onAccepted(written(res.upsertSprints)[0]);
    } catch (err) {
      const records = err instanceof GraphQLRequestError ? err.records : [];
      const forName = records.find((r) => r.field === 'name');
      if (forName) setNameError(`The name ${forName.message}.`);
      const others = records.filter((r) => r.field !== 'name');
      if (others.some((r) => r.field === 'capacityHours')) {
        setFormError('The team has no head count, so this sprint needs a capacity: set members or a capacity override under “What if…”.');
      } else if (others.length) setFormError(others.map((r) => `${r.field} ${r.message}`).join('; '));
      else if (!forName) setFormError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="accept" onSubmit={submit} noValidate>
      <div className="field field--grow">
        <label htmlFor={`${id}-name`}>Sprint name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setEdited(e.target.value)}
          maxLength={200}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : `${id}-what`}
          data-testid="accept-name"
          disabled={!canPlan}
        />
        {nameError && (
          <p id={`${id}-name-error`} className="field-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {nameError}
          </p>
        )}
      </div>
      <button type="submit" className="button button--large" disabled={busy || disabled || !canPlan} data-testid="accept-submit">
        {busy ? 'Saving…' : 'Accept plan'}
      </button>
      <p id={`${id}-what`} className="field-hint accept__what">
        Records the sprint {formatLongDate(plan.startDate)} – {formatLongDate(plan.endDate)} with {formatShare(plan.reservedOpsShare)} reserved for
        ops.
        {!canPlan && ' Your token cannot plan: accepting needs the plan scope.'}
      </p>
      {formError && (
        <p className="field-error" role="alert" data-testid="accept-error">
          <span aria-hidden="true">⚠ </span>
          {formError}
        </p>
      )}
    </form>
  );
}
