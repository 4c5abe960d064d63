import { useId, useState, type FormEvent } from 'react';
import { GraphQLRequestError, written } from '../../graphql/request';
import { mutate } from '../../lib/queryClient';
import { formatLongDate, formatShare } from '../../lib/format';
import { ACCEPT_PLAN, DELETE_SPRINT, type SprintPlan, type WhatIfVars } from './operations';
import { defaultSprintName, sprintFromPlan } from './whatIf';
import { FieldError } from '../../components/FieldError';

export interface Accepted {
  name: string;
  startDate: string;
  endDate: string;
  reservedOpsShare: number | null;
  capacityHours: number;
}

/**
 * Accepting the plan writes the sprint with its reserved share (and the planned capacity when it
 * was changed). The server keeps one sprint per window, so accepting again never adds a second.
 * Once accepted, the button reads "Accepted" and offers "Undo" (deletes that sprint); "Plan the
 * next sprint" moves on to the window after it. A window further ahead than the next sprint (one is
 * already planned before it) is accepted only after asking.
 */
export function AcceptPlan({
  team,
  plan,
  vars,
  disabled,
  canPlan,
  lastSprintName,
  plannedBefore,
  accepted,
  onAccepted,
  onUndone,
  onNext,
}: {
  team: string;
  plan: SprintPlan;
  vars: WhatIfVars;
  /** True while the shown plan does not match the inputs yet. */
  disabled: boolean;
  canPlan: boolean;
  /** The team's newest recorded sprint, whose naming the default name follows; null if none. */
  lastSprintName: string | null;
  /** Names of sprints already planned ahead of this window (empty: it is the next sprint). */
  plannedBefore: readonly string[];
  /** The sprint just accepted here, until undone or moved on from. */
  accepted: Accepted | null;
  onAccepted(sprint: Accepted): void;
  onUndone(sprint: Accepted): void;
  onNext(): void;
}) {
  const id = useId();
  // The default name follows the team's naming; once edited, the manager's name stays.
  const [edited, setEdited] = useState<string | null>(null);
  const name = edited ?? defaultSprintName(plan.startDate, lastSprintName);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  async function undo() {
    if (!accepted) return;
    setFormError(null);
    setBusy(true);
    try {
      await mutate(DELETE_SPRINT, { team, name: accepted.name });
      onUndone(accepted);
    } catch (err) {
      setFormError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (accepted) {
    return (
      <div className="accept" data-testid="accept-done">
        <button type="button" className="button button--large" disabled data-testid="accept-submit">
          <span aria-hidden="true">✓ </span>Accepted
        </button>
        <button type="button" className="button button--secondary" onClick={undo} disabled={busy} data-testid="accept-undo">
          {busy ? 'Undoing…' : 'Undo'}
        </button>
        <button type="button" className="button button--secondary" onClick={onNext} disabled={busy} data-testid="accept-next">
          Plan the next sprint
        </button>
        <p className="field-hint accept__what">
          Recorded <strong>{accepted.name}</strong>, {formatLongDate(accepted.startDate)} – {formatLongDate(accepted.endDate)}, with{' '}
          {formatShare(accepted.reservedOpsShare)} reserved for ops. Undo deletes it.
        </p>
        <FieldError testId="accept-error" text={formError} />
      </div>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNameError(null);
    setFormError(null);
    if (!name.trim()) {
      setNameError('Give the sprint a name.');
      return;
    }
    if (plannedBefore.length > 0 && !asking) {
      setAsking(true);
      return;
    }
    setAsking(false);
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
        <FieldError id={`${id}-name-error`} text={nameError} />
      </div>
      <button type="submit" className="button button--large" disabled={busy || disabled || !canPlan} data-testid="accept-submit">
        {busy ? 'Saving…' : asking ? 'Yes, accept it' : 'Accept plan'}
      </button>
      {asking && (
        <button type="button" className="button button--secondary" onClick={() => setAsking(false)} data-testid="accept-cancel">
          Cancel
        </button>
      )}
      <p id={`${id}-what`} className="field-hint accept__what">
        Records the sprint {formatLongDate(plan.startDate)} – {formatLongDate(plan.endDate)} with {formatShare(plan.reservedOpsShare)} reserved for
        ops.
        {!canPlan && ' Your token cannot plan: accepting needs the plan scope.'}
      </p>
      {asking && (
        <p className="field-hint accept__what" role="alert" data-testid="accept-ahead">
          This window is further ahead than the next sprint: {plannedBefore.join(', ')} {plannedBefore.length === 1 ? 'is' : 'are'} already planned
          before it. Accept it anyway?
        </p>
      )}
      <FieldError testId="accept-error" text={formError} />
    </form>
  );
}
