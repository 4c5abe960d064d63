import type { GuardrailVersion } from './operations';
import { GUARDRAIL_SPECS } from './guardrailForm';
import { policyValue, reserveAtText, whenText } from './policyText';

/** The policy in force: every limit, and who set it, when and why (of a team's, or of the org default: scope 'org'). */
export function CurrentPolicy({ policy, scope = 'team' }: { policy: GuardrailVersion; scope?: 'team' | 'org' }) {
  const kind = policy.team === null ? (policy.version === 0 ? 'Built-in defaults' : 'Org default') : 'Team policy';
  return (
    <div className="policy" data-testid="guardrail-current">
      <p className="policy__head">
        <strong>
          {kind}, version <span data-testid="guardrail-version">{policy.version}</span>
        </strong>
        <span className="muted">
          {' '}
          · <span data-testid="guardrail-author">{policy.author}</span> · {whenText(policy.createdAt)}
        </span>
      </p>
      <p className="policy__reason">
        <span className="muted">Why: </span>
        <q data-testid="guardrail-reason-current">{policy.reason}</q>
      </p>
      <dl className="policy__values">
        {GUARDRAIL_SPECS.map((s) => (
          <div key={s.field}>
            <dt>{s.label}</dt>
            <dd data-testid={`guardrail-current-${s.field}`}>{policyValue(s.field, policy[s.field])}</dd>
          </div>
        ))}
        <div>
          <dt>Reserve at</dt>
          <dd data-testid="guardrail-current-reserveAt">{reserveAtText(policy.reserveAt)}</dd>
        </div>
      </dl>
      {scope === 'team' && policy.team === null && <p className="muted small">The team has no policy of its own yet; saving a change creates its version 1.</p>}
    </div>
  );
}

/** Every version of the team's own policy (or the org default's), newest first; a changed value is marked against the version before. */
export function GuardrailHistory({ history, scope = 'team' }: { history: GuardrailVersion[]; scope?: 'team' | 'org' }) {
  if (history.length === 0) {
    return <p className="muted">{scope === 'team' ? 'No team versions yet: the team follows the org default.' : 'No versions yet: the built-in defaults are in force.'}</p>;
  }
  return (
    <div className="table-scroll" role="region" aria-labelledby="history-caption" tabIndex={0}>
      <table className="table table--compact table--history">
        <caption id="history-caption" className="sr-only">
          Guardrail versions of the {scope === 'team' ? 'team' : 'org default'}, newest first; changed values are marked
        </caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Why</th>
            {GUARDRAIL_SPECS.map((s) => (
              <th scope="col" key={s.field} className="num wrap">
                {s.label}
              </th>
            ))}
            <th scope="col" className="wrap">
              Reserve at
            </th>
          </tr>
        </thead>
        <tbody>
          {history.map((v, i) => {
            const before = history[i + 1];
            return (
              <tr key={v.version} data-testid={`history-v${v.version}`}>
                <th scope="row">v{v.version}</th>
                <td className="nowrap">{whenText(v.createdAt)}</td>
                <td>{v.author}</td>
                <td className="history__reason" data-testid={`history-v${v.version}-reason`}>
                  {v.reason}
                </td>
                {GUARDRAIL_SPECS.map((s) => {
                  const changed = before !== undefined && Math.abs(before[s.field] - v[s.field]) > 1e-9;
                  return (
                    <td key={s.field} className={`num${changed ? ' changed' : ''}`}>
                      {policyValue(s.field, v[s.field])}
                      {changed && <span className="sr-only"> (changed from {policyValue(s.field, before[s.field])})</span>}
                      {changed && (
                        <span className="changed__mark" aria-hidden="true">
                          {' '}
                          ●
                        </span>
                      )}
                    </td>
                  );
                })}
                <ReserveAtCell now={v.reserveAt} before={before?.reserveAt} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The basis a version reserves at, marked when it differs from the version before. */
function ReserveAtCell({ now, before }: { now: GuardrailVersion['reserveAt']; before: GuardrailVersion['reserveAt'] | undefined }) {
  const changed = before !== undefined && before !== now;
  return (
    <td className={changed ? 'changed' : undefined}>
      {reserveAtText(now)}
      {changed && <span className="sr-only"> (changed from {reserveAtText(before)})</span>}
      {changed && (
        <span className="changed__mark" aria-hidden="true">
          {' '}
          ●
        </span>
      )}
    </td>
  );
}
