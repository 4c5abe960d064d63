import { useState } from 'react';
import { mutate } from '../../lib/queryClient';
import { DELETE_SPRINT } from './sprintOperations';

/** Asks before deleting a sprint, saying what goes and what stays; deletes it on confirmation. */
export function DeleteSprint({ team, name, onDone }: { team: string; name: string; onDone(deleted: string | null): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await mutate(DELETE_SPRINT, { team, name });
      onDone(name);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div role="alertdialog" aria-label={`Delete ${name}?`} className="sprint-delete" data-testid="sprint-delete">
      <p>
        Delete {name}? Its dates, capacity and reservation are removed; the team’s figures stay, and the plan no longer learns from
        this sprint.
      </p>
      <button type="button" className="button" disabled={busy} onClick={remove} data-testid="sprint-delete-confirm">
        {busy ? 'Deleting…' : `Delete ${name}`}
      </button>{' '}
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => onDone(null)}>
        Cancel
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
