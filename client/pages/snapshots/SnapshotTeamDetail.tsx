import type { FrozenLoadModel, SnapshotTeam } from '../../graphql/snapshotOperations';
import { formatCount, formatHours, formatPercent } from '../../lib/format';
import { StatusBadge } from '../../components/StatusBadge';
import { ruleName } from '../../lib/rules';
import { formatDay, formatRuleNumber } from './snapshotFormat';
import { ScrollArea } from './ScrollArea';

const h = (n: number) => `${formatHours(n)} h`;

function loadModelText(m: FrozenLoadModel): string {
  return (
    `page hours weighted ${m.businessWeight} (business), ${m.offHoursWeight} (off hours), ${m.sleepWeight} (sleep); ` +
    `${m.minutesPerAlert} min per alert; ${m.hoursPerFailedDeploy} h per failed deploy; each page counts at most ${m.maxHoursPerPage} h`
  );
}

/** Everything the snapshot froze about one team: load by cause, rules, sprints, and the next sprint's plan. */
export function SnapshotTeamDetail({ team }: { team: SnapshotTeam }) {
  const { slug, kpis, guardrail, plan } = team;
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

      <h4>Guardrail rules</h4>
      <p className="snap-team__policy muted">
        Guardrail version {guardrail.version} ({guardrail.team ? 'the team’s own' : 'org default'}
        {guardrail.createdAt ? `, set by ${guardrail.author} on ${formatDay(guardrail.createdAt)}` : ''})
        {guardrail.reason ? ` — “${guardrail.reason.replace(/\.$/, '')}”` : ''}: reserve floor {formatPercent(guardrail.reserveFloor)}, ops
        ceiling {formatPercent(guardrail.opsCeiling)}. Load model: {loadModelText(team.loadModel)}.
      </p>
      <ScrollArea label={`Guardrail rules of ${team.name}`}>
        <table className="table table--compact">
          <caption className="sr-only">Guardrail rules of {team.name}</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Measured
              </th>
              <th scope="col" className="num">
                Limit
              </th>
              <th scope="col">What it means</th>
            </tr>
          </thead>
          <tbody>
            {kpis.rules.map((r) => (
              <tr key={r.rule} data-testid={`snap-rule-${slug}-${r.rule}`}>
                <th scope="row">{ruleName(r.rule)}</th>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td className="num">{formatRuleNumber(r.rule, r.value)}</td>
                <td className="num">{formatRuleNumber(r.rule, r.limit)}</td>
                <td className="snap-message">{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>

      <h4>Sprints in the range</h4>
      {team.sprints.length === 0 ? (
        <p className="muted">No recorded sprint overlaps the range.</p>
      ) : (
        <ScrollArea label={`Sprints of ${team.name}`}>
          <table className="table table--compact">
            <caption className="sr-only">Sprints of {team.name} overlapping the range, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Sprint</th>
                <th scope="col">Dates</th>
                <th scope="col" className="num">
                  Capacity
                </th>
                <th scope="col" className="num">
                  Reserved
                </th>
                <th scope="col" className="num">
                  Ops hours
                </th>
                <th scope="col" className="num">
                  Ops share
                </th>
                <th scope="col" className="num">
                  Feature hours
                </th>
                <th scope="col">Reservation</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {team.sprints.map((s) => {
                const tid = `snap-sprint-${slug}-${s.name}`;
                return (
                  <tr key={s.name} data-testid={tid}>
                    <th scope="row">{s.name}</th>
                    <td className="nowrap">
                      {s.startDate} – {s.endDate}
                    </td>
                    <td className="num" data-testid={`${tid}-capacityHours`}>
                      {h(s.capacityHours)}
                    </td>
                    <td className="num" data-testid={`${tid}-reservedOpsShare`}>
                      {formatPercent(s.reservedOpsShare)}
                    </td>
                    <td className="num" data-testid={`${tid}-opsHours`}>
                      {h(s.opsHours)}
                    </td>
                    <td className="num" data-testid={`${tid}-opsShare`}>
                      {formatPercent(s.opsShare)}
                    </td>
                    <td className="num">{h(s.featureHours)}</td>
                    <td data-testid={`${tid}-underReserved`}>
                      {s.state !== 'FINISHED' ? (
                        <span className="muted">{s.state === 'IN_PROGRESS' ? 'In progress (to date)' : 'Planned, not started'}</span>
                      ) : s.underReserved ? (
                        <span className="snap-flag">
                          <span aria-hidden="true">⚠ </span>Under-reserved
                        </span>
                      ) : (
                        'Enough'
                      )}
                    </td>
                    <td>
                      <StatusBadge status={s.status} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </section>
  );
}
