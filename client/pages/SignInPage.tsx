import { useEffect, useEffectEvent, useId, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { codeFromHash, createSession, safeNext, type Credentials } from '../lib/session';
import { useViewer } from '../lib/viewer';
import { FieldError } from '../components/FieldError';

/**
 * Sign in with a sign-in link's one-time code (`/signin#code=…`: the fragment never reaches the
 * server or its logs) or a pasted access token; either becomes a session cookie, then back to `?next=`.
 */
export default function SignInPage() {
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { signedIn } = useViewer();
  const [token, setToken] = useState('');
  // What went wrong, and whether it is about the token field (a link's code is not typed there).
  const [problem, setProblem] = useState<{ text: string; ofField: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  async function signIn(credentials: Credentials) {
    setBusy(true);
    setProblem(null);
    try {
      signedIn(await createSession(credentials));
      navigate(next, { replace: true });
    } catch (e) {
      setProblem({ text: (e as Error).message, ofField: 'token' in credentials });
      setBusy(false);
    }
  }

  // A sign-in link: take the code out of the address bar at once, then sign in with it. Also when
  // the link is pasted into a tab already on this page: only the fragment changes (hashchange).
  // Stripping the code first makes a second run of the effect (React's StrictMode) find nothing.
  // An effect event: subscribed once, it still signs in with the latest render's next and viewer.
  const takeLink = useEffectEvent(() => {
    const code = codeFromHash(window.location.hash);
    if (!code) return;
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    void signIn({ code });
  });
  useEffect(() => {
    const onHashChange = () => takeLink();
    // The address bar is the outside system this effect syncs with: a link's code signs in (and shows busy) at once.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see the line above
    takeLink();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!token.trim()) {
      setProblem({ text: 'Paste a token to sign in.', ofField: true });
      return;
    }
    void signIn({ token });
  }

  const errorId = `${id}-error`;
  return (
    <div className="signin">
      <title>Sign in · Headroom</title>
      <div className="card signin__card">
        <h1>Sign in to Headroom</h1>
        <p className="muted">
          Open your sign-in link, or paste an access token. You stay signed in on this browser for 12
          hours, or until you sign out.
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
              aria-invalid={problem?.ofField ? true : undefined}
              aria-describedby={problem?.ofField ? errorId : undefined}
            />
          </div>
          {problem && (
            <FieldError id={errorId} text={problem.text} />
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
