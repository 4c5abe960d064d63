import { StatusBadge } from '../../components/StatusBadge';
import { formatHours, formatPercent, formatShare } from '../../lib/format';
import { GuardrailRules } from '../team/GuardrailRules';
import type { GuardrailFields, SprintPlan } from './operations';
import { planVerdict } from './planVerdict';
import { PlanOdds } from './PlanOdds';
import { reserveAtText } from './policyText';

function Figure({ label, value, unit, sub, testId, accent }: { label: string; value: string; unit?: string; sub?: string; testId: string; accent?: boolean }) {
  return (
    <div className={`plan-figure${accent ? ' plan-figure--accent' : ''}`}>
      <dt className="plan-figure__label">{label}</dt>
      <dd className="plan-figure__value">
        <span data-testid={testId}>{value}</span>
        {unit && <span className="plan-figure__unit"> {unit}</span>}
      </dd>
      {sub && <dd className="plan-figure__sub">{sub}</dd>}
    </div>
  );
}

/**
 * The plan at a glance: the numbers a planning meeting needs, large, then capacity split into ops
 * and feature hours with the projection and the guardrail bounds marked on it.
 */
export function PlanFigures({ plan, policy }: { plan: SprintPlan; policy: GuardrailFields }) {
  const chosen = Math.abs(plan.reservedOpsShare - plan.recommendedOpsShare) > 1e-9;
  const opsPct = Math.min(100, Math.max(0, plan.reservedOpsShare * 100));
  return (
    <>
      <div className="plan-verdict">
        <StatusBadge status={plan.status} testId="plan-status" large />
        <p data-testid="plan-verdict">{planVerdict(plan)}</p>
      </div>
      <dl className="plan-figures">
        <Figure
          label={chosen ? 'Reserve (your choice)' : 'Reserve for ops'}
          value={formatShare(plan.reservedOpsShare)}
          sub={chosen ? `Recommended ${formatShare(plan.recommendedOpsShare)}` : 'Recommended'}
          testId="plan-reserved-share"
          accent
        />
        <Figure label="Ops hours" value={formatHours(plan.reservedOpsHours)} unit="h" sub="reserved for unplanned work" testId="plan-reserved-hours" />
        <Figure label="Feature hours" value={formatHours(plan.featureHours)} unit="h" sub="left to commit" testId="plan-feature-hours" />
        <Figure label="Capacity" value={formatHours(plan.capacityHours)} unit="h" sub="focus hours this sprint" testId="plan-capacity" />
      </dl>
      <p className="plan-recommended">
        Recommended <strong data-testid="plan-recommended">{formatShare(plan.recommendedOpsShare)}</strong> · projected ops share{' '}
        <strong data-testid="plan-projected">{formatPercent(plan.projectedOpsShare)}</strong> · reserved at the{' '}
        <span data-testid="plan-basis">{reserveAtText(plan.recommendationBasis)}</span> · guardrail version{' '}
        <span data-testid="plan-guardrail-version">{plan.guardrailVersion}</span>
      </p>
      <PlanOdds plan={plan} />

      <div className="split" data-testid="plan-split">
        <div className="split__bar" role="img" aria-label={`Capacity split: ${formatHours(plan.reservedOpsHours)} hours reserved for ops (${formatShare(plan.reservedOpsShare)}), ${formatHours(plan.featureHours)} hours for features. Projected ops share ${formatPercent(plan.projectedOpsShare)}; reserve floor ${formatShare(policy.reserveFloor)}, ops ceiling ${formatShare(policy.opsCeiling)}.`}>
          <span className="split__ops" style={{ width: `${opsPct}%` }} />
          <span className="split__features" style={{ width: `${100 - opsPct}%` }} />
          <span className="split__mark split__mark--projected" style={{ left: `${Math.min(100, plan.projectedOpsShare * 100)}%` }} />
          <span className="split__mark split__mark--floor" style={{ left: `${policy.reserveFloor * 100}%` }} />
          <span className="split__mark split__mark--ceiling" style={{ left: `${policy.opsCeiling * 100}%` }} />
        </div>
        <ul className="split__legend" aria-hidden="true">
          <li>
            <span className="swatch swatch--ops" />
            Ops <strong>{formatHours(plan.reservedOpsHours)} h</strong> ({formatShare(plan.reservedOpsShare)})
          </li>
          <li>
            <span className="swatch swatch--features" />
            Features <strong>{formatHours(plan.featureHours)} h</strong> ({formatShare(1 - plan.reservedOpsShare)})
          </li>
          <li><span className="legend-mark legend-mark--projected" />Projected {formatPercent(plan.projectedOpsShare)}</li>
          <li><span className="legend-mark legend-mark--floor" />Floor {formatShare(policy.reserveFloor)}</li>
          <li><span className="legend-mark legend-mark--ceiling" />Ceiling {formatShare(policy.opsCeiling)}</li>
        </ul>
      </div>
    </>
  );
}

/** Every rule the plan is judged by, worst first, as the server judged it. */
export function PlanRules({ plan }: { plan: SprintPlan }) {
  return (
    <div data-testid="plan-rules">
      <GuardrailRules rules={plan.rules} version={plan.guardrailVersion} />
    </div>
  );
}

/** Every step of the recommendation, as the server wrote it. */
export function Explanation({ plan }: { plan: SprintPlan }) {
  return (
    <>
      <ol className="explanation" data-testid="plan-explanation">
        {plan.explanation.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
      {plan.basedOn.length > 0 && (
        <p className="muted small" data-testid="plan-based-on">
          Based on {plan.basedOn.join(', ')}.
        </p>
      )}
    </>
  );
}
