import { useId, useState, type FormEvent } from 'react';
import type { Scope } from '../../graphql/generated/graphql';
import { written } from '../../graphql/request';
import { mutate } from '../../lib/queryClient';
import { ScrollArea } from '../snapshots/ScrollArea';
import { formatWhen } from './dataFormat';
import { CREATE_TOKEN, REVOKE_TOKEN, type TokenGroup, type TokenRow } from './tokenOperations';
import { mutationMessage } from './UnroutedSignals';
import { FieldError } from '../../components/FieldError';

const SCOPES: { value: Scope; label: string }[] = [
  { value: 'read', label: 'read: see figures' },
  { value: 'ingest', label: 'ingest: send signals' },
  { value: 'plan', label: 'plan: guardrails, sprints, snapshots' },
  { value: 'admin', label: 'admin: everything' },
];

function tokenState(t: TokenRow, now: Date): string {
  if (t.revokedAt) return `revoked ${formatWhen(t.revokedAt)}`;
  if (t.expiresAt && new Date(t.expiresAt) <= now) return `expired ${formatWhen(t.expiresAt)}`;
  return 'active';
}

/** Every token with its last use; a live one can be revoked after a confirmation. */
export function TokenTable({ tokens }: { tokens: TokenRow[] }) {
  const [error, setError] = useState<string | null>(null);
  const now = new Date();
  async function revoke(t: TokenRow) {
    if (!window.confirm(`Revoke the token “${t.name}”? Whatever uses it stops working at once.`)) return;
    setError(null);
    try {
      await mutate(REVOKE_TOKEN, { id: t.id });
    } catch (err) {
      setError(mutationMessage(err));
    }
  }
  return (
    <>
      <FieldError text={error} />
      <ScrollArea label="Tokens">
        <table className="table table--compact" data-testid="tokens">
          <caption className="sr-only">Tokens, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scopes</th>
              <th scope="col">Teams</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => {
              const state = tokenState(t, now);
              return (
                <tr key={t.id} data-testid={`token-${t.id}`}>
                  <th scope="row">{t.name}</th>
                  <td>{t.scopes.join(', ')}</td>
                  <td data-testid={`token-${t.id}-teams`}>
                    {t.group ? (
                      <>
                        group {t.group.path}
                        <span className="muted">{t.teams && t.teams.length ? ` (${t.teams.join(', ')})` : ' (no team yet)'}</span>
                      </>
                    ) : t.teams ? (
                      t.teams.join(', ')
                    ) : (
                      'every team'
                    )}
                  </td>
                  <td className="nowrap">{formatWhen(t.createdAt)}</td>
                  <td className="nowrap" data-testid={`token-${t.id}-used`}>
                    {t.lastUsedAt ? formatWhen(t.lastUsedAt) : <span className="muted">never</span>}
                  </td>
                  <td data-testid={`token-${t.id}-state`}>{state}</td>
                  <td>
                    {state === 'active' && (
                      <button type="button" className="button" onClick={() => void revoke(t)} aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollArea>
    </>
  );
}

/**
 * Creates a token; its secret is shown this once, with a copy button, since only its hash is kept.
 * It may be limited to a group: it then sees the group's teams, nested groups' too, as they change.
 */
export function CreateTokenForm({ groups = [] }: { groups?: TokenGroup[] }) {
  const id = useId();
  const [name, setName] = useState('');
  const [group, setGroup] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim() || scopes.length === 0) {
      setError(!name.trim() ? 'Enter a name saying who or what uses the token.' : 'Choose at least one scope.');
      return;
    }
    if (group && scopes.includes('admin')) {
      setError('An admin token acts for the whole org: choose “Every team”, or other scopes for a group token.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const t = written((await mutate(CREATE_TOKEN, { input: { name: name.trim(), scopes, ...(group ? { group } : {}) } })).createToken);
      setCreated({ name: t.name, token: t.token });
      setCopied(false);
      setName('');
    } catch (err) {
      setError(mutationMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function copy(token: string) {
    await navigator.clipboard.writeText(token);
    setCopied(true);
  }

  return (
    <>
      {created && (
        <div className="notice" role="status" data-testid="token-created">
          <p>
            Token “{created.name}” created. Copy it now: it is not shown again.
          </p>
          <p>
            <code data-testid="token-secret">{created.token}</code>{' '}
            <button type="button" className="button" onClick={() => void copy(created.token)}>
              {copied ? 'Copied' : 'Copy token'}
            </button>
          </p>
        </div>
      )}
      <form className="toolbar data-add token-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <p id={`${id}-title`} className="data-add__title">
          Create a token
        </p>
        <div className="field data-add__key">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="off" />
        </div>
        <fieldset className="field token-scopes">
          <legend>Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s.value} className="token-scope">
              <input
                type="checkbox"
                checked={scopes.includes(s.value)}
                onChange={(e) => setScopes((cur) => (e.target.checked ? [...cur, s.value] : cur.filter((x) => x !== s.value)))}
              />{' '}
              {s.label}
            </label>
          ))}
        </fieldset>
        {groups.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-group`}>Teams</label>
            <select id={`${id}-group`} value={group} onChange={(e) => setGroup(e.target.value)} data-testid="token-group">
              <option value="">Every team</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  Group {g.path}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating…' : 'Create token'}
        </button>
        <FieldError text={error} />
      </form>
    </>
  );
}
