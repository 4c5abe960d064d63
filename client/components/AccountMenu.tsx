import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { SIGN_IN_PATH, signInPath } from '../lib/session';
import { useViewer } from '../lib/viewer';

/** The header's right end: who is signed in and a way out, or a way in. */
export function AccountMenu() {
  const { viewer, signOut } = useViewer();
  const location = useLocation();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (viewer === undefined || location.pathname === SIGN_IN_PATH) return <div className="account" />;
  // With HEADROOM_PUBLIC_READ, a visitor without a token reads as "public": offer to sign in.
  const publicReader = viewer?.name === 'public' && viewer.scopes.join() === 'read' && viewer.teams === null;
  if (viewer === null || publicReader) {
    return (
      <div className="account">
        {publicReader && <span className="account__who">Read-only</span>}
        <Link className="account__signin" to={signInPath(location.pathname, location.search)}>
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <div className="account">
      <span className="account__who" data-testid="viewer-name" title={`Scopes: ${viewer.scopes.join(', ')}`}>
        <span className="sr-only">Signed in as </span>
        {viewer.name}
      </span>
      <button
        type="button"
        className="account__signout"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setProblem(null);
          try {
            await signOut();
          } catch (e) {
            setProblem((e as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        Sign out
      </button>
      {problem && (
        <span className="account__problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
