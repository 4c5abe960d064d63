import { StatusBadge } from '../../components/StatusBadge';
import type { RuleResult } from '../../graphql/operations';
import { ruleFigures, ruleName } from '../../lib/rules';

/** Every guardrail rule's verdict for the range, worst first, each with the server's sentence. */
export function GuardrailRules({ rules, version }: { rules: RuleResult[]; version: number }) {
  const order = { BREACH: 0, WARN: 1, NO_DATA: 2, OK: 3 } as const;
  const sorted = [...rules].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <>
      <ul className="rule-list">
        {sorted.map((r) => (
          <li key={r.rule} className={`rule rule--${r.status.toLowerCase()}`} data-testid={`rule-${r.rule}`}>
            <StatusBadge status={r.status} />
            <div className="rule__body">
              <p className="rule__name">
                {ruleName(r.rule)} <span className="rule__figures">{ruleFigures(r)}</span>
              </p>
              <p className="rule__message">{r.message}</p>
            </div>
          </li>
        ))}
      </ul>
      <p className="muted small">
        Judged by guardrail policy version {version}
        {version === 0 ? ' (the built-in defaults)' : ''}. A rule warns at 80% of its limit and breaches above it, judged on the published figure; a window without any signal is “No data”.
      </p>
    </>
  );
}
