import { lazy, Suspense, useState } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import { Confirmation } from '../../components/Confirmation';
import type { GuardrailLimits, SprintRow, SprintState } from '../../graphql/operations';
import { formatHours, formatPercent, formatShortDate } from '../../lib/format';
import { ruleFigures, ruleName } from '../../lib/rules';
import { SprintForm } from './SprintForm';
import { DeleteSprint } from './DeleteSprint';

const SprintShareChart = lazy(() => import('../../charts/SprintShareChart'));

const STATE_TEXT: Record<SprintState, string> = { FINISHED: 'Finished', IN_PROGRESS: 'In progress', PLANNED: 'Planned' };

/** The rules behind a sprint's red or amber status, worst first (a planned sprint has none yet). */
export function sprintBrokenRules(s: SprintRow): SprintRow['rules'] {
  if (s.state === 'PLANNED') return [];
  const bad = s.rules.filter((r) => r.status === 'BREACH' || r.status === 'WARN');
  return bad.sort((a, b) => (a.status === b.status ? 0 : a.status === 'BREACH' ? -1 : 1));
}

interface Props {
  sprints: SprintRow[];
  guardrail: GuardrailLimits;
  team: { slug: string; members: number | null };
  /** The viewer holds the plan scope on this team: sprints can be recorded, changed and deleted. */
  canPlan: boolean;
}

/**
 * The last sprints: actual ops share against what was reserved, as a chart and as a table; with
 * the plan scope, sprints are recorded, changed and deleted here too.
 */
export function SprintsSection({ sprints, guardrail, team, canPlan }: Props) {
  const oldestFirst = [...sprints].reverse();
  const synthetic = sprints.every((s) => s.synthetic);
  // 'new', the name of the sprint being edited, or null; and the sprint whose deletion is being confirmed.
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const edited = editing && editing !== 'new' ? sprints.find((s) => s.name === editing && !s.synthetic) : undefined;
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
              {canPlan && (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              )}
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
                      <SprintRules sprint={s} testId={`sprint-${i}-rules`} />
                    </>
                  )}
                </td>
                {canPlan && (
                  <td className="nowrap sprint-actions">
                    {!s.synthetic && (
                      <>
                        <button type="button" className="button button--small button--secondary" onClick={() => { setEditing(s.name); setDeleting(null); setDone(null); }} aria-label={`Edit ${s.name}`} data-testid={`sprint-${i}-edit`}>
                          Edit
                        </button>{' '}
                        <button type="button" className="button button--small button--secondary" onClick={() => { setDeleting(s.name); setEditing(null); setDone(null); }} aria-label={`Delete ${s.name}…`} data-testid={`sprint-${i}-delete`}>
                          Delete…
                        </button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canPlan && (
        <div className="sprint-editor">
          {done && (
            <Confirmation testId="sprint-done" onDismiss={() => setDone(null)}>
              {done}
            </Confirmation>
          )}
          {deleting && (
            <DeleteSprint
              team={team.slug}
              name={deleting}
              onDone={(deleted) => {
                setDeleting(null);
                if (deleted) setDone(`Deleted ${deleted}.`);
              }}
            />
          )}
          {editing === 'new' || edited ? (
            <SprintForm
              key={editing}
              team={team.slug}
              teamMembers={team.members}
              sprint={edited}
              onDone={(saved) => {
                setEditing(null);
                if (saved) setDone(`Saved ${saved}.`);
              }}
            />
          ) : (
            <button type="button" className="button" onClick={() => { setEditing('new'); setDeleting(null); setDone(null); }} data-testid="sprint-new">
              Record a sprint
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** The rules behind a red or amber sprint, written out (a tooltip never shows on a touch screen). */
function SprintRules({ sprint, testId }: { sprint: SprintRow; testId: string }) {
  const broken = sprintBrokenRules(sprint);
  if (broken.length === 0) return null;
  return (
    <ul className="status-rules" data-testid={testId}>
      {broken.map((r) => (
        <li key={r.rule} title={r.message}>
          <span className="sr-only">{r.status === 'BREACH' ? 'Breached' : 'Warning'}: </span>
          {ruleName(r.rule)}: {ruleFigures(r)}
        </li>
      ))}
    </ul>
  );
}
