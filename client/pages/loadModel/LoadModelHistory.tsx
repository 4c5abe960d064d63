import { useId } from 'react';
import { whenText } from '../planning/policyText';
import { LOAD_MODEL_SPECS, loadModelValue } from './loadModelForm';
import type { LoadModelChange, LoadModelValues } from './operations';

/** The model in force, every value with its unit. */
export function LoadModelValuesList({ model, testId }: { model: LoadModelValues; testId: string }) {
  return (
    <dl className="policy__values" data-testid={testId}>
      {LOAD_MODEL_SPECS.map((s) => (
        <div key={s.field}>
          <dt>{s.label}</dt>
          <dd data-testid={`${testId}-${s.field}`}>{loadModelValue(s.field, model[s.field])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every change of a load model, newest first; a changed value is marked against the change before. */
export function LoadModelHistory({ history, scope }: { history: LoadModelChange[]; scope: 'team' | 'org' }) {
  const id = useId();
  if (history.length === 0) {
    return (
      <p className="muted" data-testid="load-model-history-empty">
        {scope === 'team' ? 'No changes of its own: the team uses the org default.' : 'No changes yet: the built-in defaults are in force.'}
      </p>
    );
  }
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="table table--compact table--history" data-testid="load-model-history">
        <caption id={`${id}-caption`} className="sr-only">
          Load model changes of the {scope === 'team' ? 'team' : 'org default'}, newest first; changed values are marked
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Why</th>
            {LOAD_MODEL_SPECS.map((s) => (
              <th scope="col" key={s.field} className="num wrap">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {history.map((c, i) => {
            const before = history[i + 1];
            return (
              <tr key={`${c.changedAt}-${i}`} data-testid={`load-model-change-${i}`}>
                <th scope="row" className="nowrap">
                  {whenText(c.changedAt)}
                </th>
                <td>{c.changedBy}</td>
                <td className="history__reason" data-testid={`load-model-change-${i}-reason`}>
                  {c.reason ?? <span className="muted">no reason given</span>}
                </td>
                {LOAD_MODEL_SPECS.map((s) => {
                  const changed = before !== undefined && Math.abs(before[s.field] - c[s.field]) > 1e-9;
                  return (
                    <td key={s.field} className={`num${changed ? ' changed' : ''}`}>
                      {loadModelValue(s.field, c[s.field])}
                      {changed && <span className="sr-only"> (changed from {loadModelValue(s.field, before[s.field])})</span>}
                      {changed && (
                        <span className="changed__mark" aria-hidden="true">
                          {' '}
                          ●
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
