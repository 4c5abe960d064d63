import { useState } from 'react';
import { mutate } from '../../lib/queryClient';
import { ARCHIVE_TEAM, SAVE_TEAM } from './operations';

/**
 * Archive (after a confirmation that says what it does) or restore a team. Archiving keeps the
 * team's history and snapshots; it only leaves the overview, plans and exports.
 */
export function ArchiveTeam({ team, archived, canEdit }: { team: { slug: string; name: string }; archived: boolean; canEdit: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await work();
      setConfirming(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!canEdit) return null;
  if (archived) {
    return (
      <div className="card team-archive" data-testid="team-archive">
        <p>{team.name} is archived: it is left out of the overview, plans and exports. Its history stays.</p>
        <button type="button" className="button" disabled={busy} onClick={() => run(() => mutate(SAVE_TEAM, { input: [{ slug: team.slug, name: team.name, archived: false }] }))} data-testid="team-restore">
          Restore team
        </button>
        {error && <p className="field-error" role="alert">{error}</p>}
      </div>
    );
  }
  return (
    <div className="card team-archive" data-testid="team-archive">
      {!confirming ? (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)} data-testid="team-archive-start">
          Archive team…
        </button>
      ) : (
        <div role="alertdialog" aria-label={`Archive ${team.name}?`}>
          <p>
            Archive {team.name}? It leaves the overview, plans and exports. Its figures, sprints and snapshots are kept, and it can be
            restored here.
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => run(() => mutate(ARCHIVE_TEAM, { slug: team.slug }))} data-testid="team-archive-confirm">
            {busy ? 'Archiving…' : `Archive ${team.name}`}
          </button>{' '}
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
