import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Confirmation } from '../components/Confirmation';
import { DataPanel } from '../components/DataPanel';
import { formatLongDate, formatShare, formatShortDate } from '../lib/format';
import { useDebounced } from '../lib/useDebounced';
import { useQuery } from '../lib/useQuery';
import { useViewer } from '../lib/viewer';
import { canChangeOrgDefaults, canPlanTeam } from '../lib/viewerRights';
import { AcceptPlan, type Accepted } from './planning/AcceptPlan';
import { GuardrailEditor } from './planning/GuardrailEditor';
import { CurrentPolicy, GuardrailHistory } from './planning/GuardrailHistory';
import { PLAN, PLAN_SPRINTS, PLAN_TEAM, type GuardrailVersion, type SprintPlan } from './planning/operations';
import { PlannedSprints } from './planning/PlannedSprints';
import { pointsThatFit, velocity } from './planning/planText';
import { TrackerPlan } from './planning/TrackerPlan';
import { Explanation, PlanFigures, PlanRules } from './planning/PlanFigures';
import { WhatIfPanel } from './planning/WhatIfPanel';
import { TeamNotifications } from './planning/TeamNotifications';
import { defaultSprintName, hasErrors, initialWhatIf, parseWhatIf, type WhatIfForm } from './planning/whatIf';

/** Light debounce: typing "12" asks for one plan, not two; a slider drag settles quickly. */
const WHAT_IF_DEBOUNCE_MS = 200;

/**
 * Planning the next sprint in one screen: the recommendation and why, what-ifs answered by the
 * server as you type, accepting the plan (writes the sprint), and the guardrails with their history.
 */
export default function PlanningPage() {
  const { slug = '' } = useParams();
  const { viewer } = useViewer();
  const canPlan = canPlanTeam(viewer, slug);

  const teamQ = useQuery(PLAN_TEAM, useMemo(() => ({ slug }), [slug]));
  const team = teamQ.data?.team ?? undefined;
  const members = team?.members ?? null;

  const [edited, setEdited] = useState<WhatIfForm | null>(null);
  const form = edited ?? initialWhatIf(members);
  const parsed = parseWhatIf(form, members);
  const vars = useDebounced(parsed.vars, WHAT_IF_DEBOUNCE_MS);
  const planQ = useQuery(PLAN, useMemo(() => ({ slug, ...vars }), [slug, vars]));
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  // The plan as it was accepted. Accepting records a sprint, so the server's plan moves on to the
  // window after it at once; until Undo or "Plan the next sprint", the page keeps showing (and
  // copying) what was accepted rather than the next window's figures under an "Accepted" button.
  const [acceptedPlan, setAcceptedPlan] = useState<SprintPlan | null>(null);
  const plan = (accepted && acceptedPlan) || planQ.data?.team?.plan;
  const settling = JSON.stringify(vars) !== JSON.stringify(parsed.vars);

  const sprintsQ = useQuery(PLAN_SPRINTS, useMemo(() => ({ slug }), [slug]));
  const recorded = (sprintsQ.data?.team?.sprints ?? []).filter((s) => !s.synthetic);
  // Listed: every sprint not finished yet (the running one and those planned ahead).
  const upcoming = recorded.filter((s) => s.state !== 'FINISHED');
  // Asked about: a window after a sprint that has not even started.
  const planned = recorded.filter((s) => s.state === 'PLANNED');

  const [undone, setUndone] = useState<Accepted | null>(null);
  const [saved, setSaved] = useState<GuardrailVersion | null>(null);

  if (teamQ.data && teamQ.data.team === null) return <NoSuchTeam slug={slug} />;

  const name = team?.name ?? slug;
  const planPanel = { ...planQ, data: plan };

  return (
    <>
      <title>{`Plan · ${name} · Headroom`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/">Overview</Link>
          </li>
          <li>
            <Link to={`/teams/${slug}`}>{name}</Link>
          </li>
          <li aria-current="page">Plan</li>
        </ol>
      </nav>
      <div className="page-header">
        <div>
          <h1>Plan the next sprint · {name}</h1>
          <p className="page-header__sub plan-dates">
            {plan ? (
              <>
                <span data-testid="plan-start">{formatLongDate(plan.startDate)}</span> –{' '}
                <span data-testid="plan-end">{formatLongDate(plan.endDate)}</span>
              </>
            ) : (
              'Next sprint'
            )}
          </p>
        </div>
      </div>

      {accepted && (
        <Confirmation testId="accept-confirmation" onDismiss={() => setAccepted(null)}>
          Saved <strong>{accepted.name}</strong> ({formatShortDate(accepted.startDate)} – {formatShortDate(accepted.endDate)}) with{' '}
          {formatShare(accepted.reservedOpsShare)} reserved for ops. <Link to={`/teams/${slug}`}>See the team’s sprints</Link>
        </Confirmation>
      )}
      {undone && (
        <Confirmation testId="undo-confirmation" onDismiss={() => setUndone(null)}>
          Deleted <strong>{undone.name}</strong>: the plan below is for that window again.
        </Confirmation>
      )}

      <div className="plan-layout">
        <section className="card plan-layout__figures" aria-labelledby="plan-heading">
          <h2 id="plan-heading">Recommendation</h2>
          <DataPanel query={planPanel} what="the plan" minHeight={240}>
            {(p) =>
              team && (
                <>
                  <PlanFigures plan={p} policy={team.guardrail} />
                  <TrackerPlan
                    name={accepted?.name ?? defaultSprintName(p.startDate, recorded[0]?.name ?? null)}
                    plan={p}
                    members={vars.members ?? members}
                    daysOff={vars.daysOff ?? 0}
                    points={pointsThatFit(p.featureHours, velocity(recorded, team.guardrail.lookbackSprints))}
                  />
                  <AcceptPlan
                    // A new window starts a fresh form (name, question asked).
                    key={`${p.startDate}|${accepted?.name ?? ''}`}
                    team={slug}
                    plan={accepted ? { ...p, startDate: accepted.startDate, endDate: accepted.endDate } : p}
                    vars={vars}
                    disabled={settling || planQ.loading || hasErrors(parsed)}
                    canPlan={canPlan}
                    lastSprintName={recorded[0]?.name ?? null}
                    plannedBefore={planned.filter((s) => s.endDate < p.startDate).map((s) => s.name).reverse()}
                    accepted={accepted}
                    onAccepted={(s) => {
                      setAccepted(s);
                      setAcceptedPlan(p);
                      setUndone(null);
                      setEdited(null);
                    }}
                    onUndone={(s) => {
                      setAccepted(null);
                      setUndone(s);
                    }}
                    onNext={() => setAccepted(null)}
                  />
                </>
              )
            }
          </DataPanel>
        </section>

        <section className="card plan-layout__whatif" aria-labelledby="whatif-heading">
          <h2 id="whatif-heading">What if…</h2>
          <WhatIfPanel
            form={form}
            errors={parsed.errors}
            onChange={setEdited}
            onReset={() => setEdited(null)}
            recommendedShare={plan?.recommendedOpsShare}
            teamMembers={members}
            focusHoursPerDay={team?.focusHoursPerDay ?? 6}
            updating={settling || planQ.loading}
          />
        </section>

        <section className="card plan-layout__why" aria-labelledby="why-heading">
          <h2 id="why-heading">Why this reservation</h2>
          <DataPanel query={planPanel} what="the explanation" minHeight={120}>
            {(p) => <Explanation plan={p} />}
          </DataPanel>
        </section>

        <section className="card plan-layout__planned" aria-labelledby="planned-heading">
          <h2 id="planned-heading">Current and planned sprints</h2>
          <DataPanel query={{ ...sprintsQ, data: sprintsQ.data?.team ? upcoming : undefined }} what="the planned sprints" minHeight={60}>
            {(list) => <PlannedSprints sprints={list} />}
          </DataPanel>
        </section>

        <section className="card plan-layout__rules" aria-labelledby="plan-rules-heading">
          <h2 id="plan-rules-heading">Guardrails this plan is judged by</h2>
          <DataPanel query={planPanel} what="the plan's rules" minHeight={120}>
            {(p) => <PlanRules plan={p} />}
          </DataPanel>
        </section>
      </div>

      <section className="section" aria-labelledby="guardrail-heading">
        <h2 id="guardrail-heading">Guardrails</h2>
        {saved && (
          <Confirmation testId="guardrail-saved" onDismiss={() => setSaved(null)}>
            Saved guardrail version {saved.version}: “{saved.reason}”. The plan above uses it.
          </Confirmation>
        )}
        <DataPanel query={{ ...teamQ, data: team }} what="the guardrails" minHeight={200}>
          {(t) => (
            <>
              <div className="guardrail-layout">
                <div className="card">
                  <h3>In force</h3>
                  <CurrentPolicy policy={t.guardrail} />
                </div>
                <div className="card">
                  <GuardrailEditor
                    key={`${t.guardrail.team ?? 'org'}-${t.guardrail.version}`}
                    team={slug}
                    current={t.guardrail}
                    canPlan={canPlan}
                    onSaved={setSaved}
                  />
                </div>
              </div>
              <h3 className="history-heading">History</h3>
              <GuardrailHistory history={t.guardrailHistory} />
            </>
          )}
        </DataPanel>
      </section>
      {/* Subscriptions are managed with the plan scope over the whole org (server/notifications/service.ts). */}
      {canChangeOrgDefaults(viewer) && <TeamNotifications team={slug} teamName={name} />}
    </>
  );
}

function NoSuchTeam({ slug }: { slug: string }) {
  return (
    <div className="not-found">
      <title>No such team · Headroom</title>
      <p className="not-found__code" aria-hidden="true">404</p>
      <h1>No team “{slug}”</h1>
      <p>There is no team with this slug to plan for.</p>
      <Link className="button" to="/">
        Back to the overview
      </Link>
    </div>
  );
}
