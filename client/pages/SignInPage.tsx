import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { createSession, safeNext, tokenFromHash } from '../lib/session';
import { useViewer } from '../lib/viewer';

/**
 * Sign in with an access token: from a sign-in link's fragment (`/signin#token=hr_…`, which never
 * reaches a server log) or pasted. The token becomes an HttpOnly cookie; then back to `?next=`.
 */
export default function SignInPage() {
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { signedIn } = useViewer();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fromLink = useRef(false);
  const next = safeNext(params.get('next'));

  async function signIn(secret: string) {
    setBusy(true);
    setProblem(null);
    try {
      signedIn(await createSession(secret));
      navigate(next, { replace: true });
    } catch (e) {
      setProblem((e as Error).message);
      setBusy(false);
    }
  }

  // A sign-in link: take the token out of the address bar at once, then sign in with it.
  useEffect(() => {
    if (fromLink.current) return;
    const linked = tokenFromHash(window.location.hash);
    if (!linked) return;
    fromLink.current = true;
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    void signIn(linked);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!token.trim()) {
      setProblem('Paste a token to sign in.');
      return;
    }
    void signIn(token);
  }

  const errorId = `${id}-error`;
  return (
    <div className="signin">
      <title>Sign in · Headroom</title>
      <div className="card signin__card">
        <h1>Sign in to Headroom</h1>
        <p className="muted">
          Open the sign-in link the server printed on its first start, or paste an access token. The
          token is kept in a secure cookie for this browser, never shown again.
        </p>
        <form onSubmit={submit} noValidate className="signin__form">
          <div className="field">
            <label htmlFor={`${id}-token`}>Access token</label>
            <input
              id={`${id}-token`}
              name="token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder="hr_…"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
            />
          </div>
          {problem && (
            <p id={errorId} className="field-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {problem}
            </p>
          )}
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        {next !== '/' && <p className="signin__next muted">You will return to <code>{next}</code>.</p>}
      </div>
    </div>
  );
}
