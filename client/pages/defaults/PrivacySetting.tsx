import { useState } from 'react';
import { mutate } from '../../lib/queryClient';
import { formatLongDate } from '../../lib/format';
import { SET_ORG_PRIVACY } from './operations';

interface Privacy {
  hidePeople: boolean;
  changedBy?: string | null;
  changedAt?: string | null;
}

/**
 * The org's "hide per-person figures" setting: what it is, who changed it last, and (for an admin
 * token not limited to teams, the server checks anyway) a button that turns it over.
 */
export function PrivacySetting({ privacy, canEdit }: { privacy: Privacy; canEdit: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function turn() {
    setBusy(true);
    setError(null);
    try {
      await mutate(SET_ORG_PRIVACY, { hidePeople: !privacy.hidePeople });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" data-testid="privacy-setting">
      <p data-testid="privacy-state">
        {privacy.hidePeople
          ? 'Per-person figures are hidden: team pages, the API and exports show how evenly the pager load falls, but not who carried it.'
          : 'Per-person figures are shown: whoever may see a team sees who carried its pages. Exports include them only when asked for (kind=people).'}
      </p>
      {privacy.changedBy && privacy.changedAt && (
        <p className="muted small">
          Changed by {privacy.changedBy} on {formatLongDate(privacy.changedAt.slice(0, 10))}.
        </p>
      )}
      {canEdit ? (
        <button type="button" className="button" disabled={busy} onClick={turn} data-testid="privacy-toggle">
          {busy ? 'Saving…' : privacy.hidePeople ? 'Show per-person figures' : 'Hide per-person figures'}
        </button>
      ) : (
        <p className="muted small">Changing it needs the admin scope on a token not limited to teams.</p>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
