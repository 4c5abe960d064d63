import type { FrozenLoadModel, SnapshotTeam } from '../../graphql/snapshotOperations';
import { StatusBadge } from '../../components/StatusBadge';
import { formatPercent } from '../../lib/format';
import { ruleName } from '../../lib/rules';
import { formatDay, formatRuleNumber } from './snapshotFormat';
import { ScrollArea } from './ScrollArea';

function loadModelText(m: FrozenLoadModel): string {
  return (
    `page hours weighted ${m.businessWeight} (business), ${m.offHoursWeight} (off hours), ${m.sleepWeight} (sleep); ` +
    `${m.minutesPerAlert} min per alert; ${m.hoursPerFailedDeploy} h per failed deploy; each page counts at most ${m.maxHoursPerPage} h`
  );
}

/** The guardrail in force when the snapshot was made, its load model, and each rule's verdict. */
export function FrozenRules({ team }: { team: SnapshotTeam }) {
  const { slug, guardrail, kpis } = team;
  return (
    <>
      <h4>Guardrail rules</h4>
      <p className="snap-team__policy muted">
        Guardrail version {guardrail.version} ({guardrail.team ? 'the team’s own' : 'org default'}
        {guardrail.createdAt ? `, set by ${guardrail.author} on ${formatDay(guardrail.createdAt)}` : ''})
        {guardrail.reason ? ` — “${guardrail.reason.replace(/\.$/, '')}”` : ''}: reserve floor {formatPercent(guardrail.reserveFloor)}, ops
        ceiling {formatPercent(guardrail.opsCeiling)}
        {guardrail.reserveAt === 'P80' ? ', reserving at the 80th percentile of the range' : ''}. Load model: {loadModelText(team.loadModel)}.
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
    </>
  );
}
