import type { SnapshotTeam } from '../../graphql/snapshotOperations';
import { StatusBadge } from '../../components/StatusBadge';
import { formatPercent } from '../../lib/format';
import { ScrollArea } from './ScrollArea';
import { hoursText as h } from './snapshotFormat';

/** The team's sprints that overlap the snapshot's range, as they stood when it was made. */
export function FrozenSprints({ team }: { team: SnapshotTeam }) {
  const { slug } = team;
  return (
    <>
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
    </>
  );
}
