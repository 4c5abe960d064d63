import { lazy, Suspense } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import type { GuardrailLimits, SprintRow, SprintState } from '../../graphql/operations';
import { formatHours, formatPercent, formatShortDate } from '../../lib/format';

const SprintShareChart = lazy(() => import('../../charts/SprintShareChart'));

const STATE_TEXT: Record<SprintState, string> = { FINISHED: 'Finished', IN_PROGRESS: 'In progress', PLANNED: 'Planned' };

/** The last sprints: actual ops share against what was reserved, as a chart and as a table. */
export function SprintsSection({ sprints, guardrail }: { sprints: SprintRow[]; guardrail: GuardrailLimits }) {
  const oldestFirst = [...sprints].reverse();
  const synthetic = sprints.every((s) => s.synthetic);
  return (
    <div className="card">
      {synthetic && (
        <p className="notice notice--inline">
          <span aria-hidden="true">ℹ </span>This team records no sprints, so these are 14-day windows, the newest ending yesterday (its
          time zone); its next sprint starts today. Accepting a plan records a sprint.
        </p>
      )}
      <Suspense fallback={<div className="chart-placeholder" role="status">Loading chart…</div>}>
        <SprintShareChart sprints={oldestFirst} floor={guardrail.reserveFloor} ceiling={guardrail.opsCeiling} />
      </Suspense>
      <p className="muted small">
        <span className="swatch swatch--over" aria-hidden="true" />
        Red bars: the sprint used more ops time than it reserved (under-reserved). Hatched bars: a sprint still in progress,
        measured to date. Dashed lines: the reserve floor and the ops ceiling of guardrail version {guardrail.version}.
      </p>
      <div className="table-scroll" role="region" aria-labelledby="sprints-caption" tabIndex={0}>
        <table className="table table--compact">
          <caption id="sprints-caption" className="sr-only">
            The last sprints, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Sprint</th>
              <th scope="col">Dates</th>
              <th scope="col">State</th>
              <th scope="col" className="num">Capacity</th>
              <th scope="col" className="num">Ops hours</th>
              <th scope="col" className="num">Ops share</th>
              <th scope="col" className="num">Reserved</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {sprints.map((s, i) => (
              <tr key={`${s.name}-${s.startDate}`} data-testid={`sprint-${i}`}>
                <th scope="row">{s.name}</th>
                <td className="nowrap">
                  {formatShortDate(s.startDate)} – {formatShortDate(s.endDate)}
                </td>
                <td data-testid={`sprint-${i}-state`}>
                  <span className={`sprint-state sprint-state--${s.state.toLowerCase().replace('_', '-')}`}>{STATE_TEXT[s.state]}</span>
                </td>
                <td className="num">{formatHours(s.capacityHours)} h</td>
                <td className="num">{formatHours(s.opsHours)} h</td>
                <td className="num" data-testid={`sprint-${i}-opsShare`}>
                  {formatPercent(s.opsShare)}
                  {s.underReserved && <span className="under-reserved"> under-reserved</span>}
                </td>
                <td className="num" data-testid={`sprint-${i}-reserved`}>
                  {s.reservedOpsShare == null ? <span className="muted">none</span> : formatPercent(s.reservedOpsShare)}
                </td>
                <td>
                  {s.state === 'PLANNED' ? (
                    <span className="muted">not started</span>
                  ) : (
                    <>
                      <StatusBadge status={s.status} />
                      {s.state === 'IN_PROGRESS' && <span className="muted small"> to date</span>}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
