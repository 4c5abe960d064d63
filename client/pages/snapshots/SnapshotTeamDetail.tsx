import type { SnapshotTeam } from '../../graphql/snapshotOperations';
import { formatCount, formatPercent } from '../../lib/format';
import { StatusBadge } from '../../components/StatusBadge';
import { FrozenRules } from './FrozenRules';
import { FrozenSprints } from './FrozenSprints';
import { hoursText as h } from './snapshotFormat';

/** Everything the snapshot froze about one team: load by cause, rules, sprints, and the next sprint's plan. */
export function SnapshotTeamDetail({ team }: { team: SnapshotTeam }) {
  const { slug, kpis, plan } = team;
  const id = `team-${slug}`;
  return (
    <section className="snap-team card" id={id} aria-labelledby={`${id}-heading`} data-testid={`snap-team-${slug}`}>
      <div className="snap-team__header">
        <h3 id={`${id}-heading`}>
          {team.name} <span className="tag">{slug}</span>
        </h3>
        <StatusBadge status={kpis.status} />
      </div>
      <p className="snap-team__meta muted">
        {team.timezone} · {team.members == null ? 'members not set' : `${team.members} members`} · {team.focusHoursPerDay} focus hours a day ·{' '}
        {kpis.days} days
      </p>

      <div className="snap-team__grid">
        <div>
          <h4>Ops hours by cause</h4>
          <dl className="snap-dl">
            <dt>Pages (weighted)</dt>
            <dd data-testid={`snap-${slug}-ops-pages`}>{h(kpis.opsBreakdown.pages)}</dd>
            <dt>Alert triage</dt>
            <dd data-testid={`snap-${slug}-ops-alerts`}>{h(kpis.opsBreakdown.alerts)}</dd>
            <dt>Failed deploys</dt>
            <dd data-testid={`snap-${slug}-ops-failedDeploys`}>{h(kpis.opsBreakdown.failedDeploys)}</dd>
            <dt>Toil</dt>
            <dd data-testid={`snap-${slug}-ops-toil`}>{h(kpis.opsBreakdown.toil)}</dd>
            <dt className="snap-dl__total">Total</dt>
            <dd className="snap-dl__total">{h(kpis.opsHours)}</dd>
            <dt>Capacity</dt>
            <dd>{h(kpis.capacityHours)}</dd>
            <dt>Ops share of capacity</dt>
            <dd>{formatPercent(kpis.opsShare)}</dd>
          </dl>
        </div>
        <div>
          <h4>Page hours by class</h4>
          <dl className="snap-dl">
            <dt>Business hours</dt>
            <dd data-testid={`snap-${slug}-businessPageHours`}>{h(kpis.businessPageHours)}</dd>
            <dt>Off hours</dt>
            <dd data-testid={`snap-${slug}-offHoursPageHours`}>{h(kpis.offHoursPageHours)}</dd>
            <dt>Sleep hours</dt>
            <dd data-testid={`snap-${slug}-sleepPageHours`}>{h(kpis.sleepPageHours)}</dd>
            <dt className="snap-dl__total">Total</dt>
            <dd className="snap-dl__total">
              {h(kpis.pageHours)} over {formatCount(kpis.pages)} pages
            </dd>
          </dl>
        </div>
        <div>
          <h4>Next sprint (as recommended then)</h4>
          <dl className="snap-dl">
            <dt>Dates</dt>
            <dd>
              <span className="nowrap">{plan.startDate} –</span> <span className="nowrap">{plan.endDate}</span>
            </dd>
            <dt>Capacity</dt>
            <dd>{h(plan.capacityHours)}</dd>
            <dt>Projected ops share</dt>
            <dd>{formatPercent(plan.projectedOpsShare)}</dd>
            <dt>Recommended reservation</dt>
            <dd data-testid={`snap-${slug}-plan-recommended`}>
              {formatPercent(plan.recommendedOpsShare)} = {h(plan.reservedOpsHours)}
            </dd>
            <dt>Left for features</dt>
            <dd>{h(plan.featureHours)}</dd>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={plan.status} />
            </dd>
          </dl>
        </div>
      </div>

      {plan.explanation.length > 0 && (
        <>
          <h4>Why this reservation</h4>
          <ol className="snap-explanation">
            {plan.explanation.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        </>
      )}

      <FrozenRules team={team} />
      <FrozenSprints team={team} />
    </section>
  );
}
