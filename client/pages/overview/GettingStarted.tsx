import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { IMPORT_FORMATS } from '../data/importFormats';
import { WebhookSources } from '../data/WebhookSources';
import type { StepKey, StepsDone } from './setupSteps';

const csvHref = (example: string) => `data:text/csv;charset=utf-8,${encodeURIComponent(example + '\n')}`;

function Step({ done, title, testId, children }: { done: boolean; title: string; testId: string; children: ReactNode }) {
  return (
    <li className={`setup-step${done ? ' setup-step--done' : ''}`} data-testid={testId} data-done={done}>
      <span className="setup-step__mark" aria-hidden="true">
        {done ? '✓' : '○'}
      </span>
      <div>
        <p className="setup-step__title">
          {title}
          <span className="sr-only">{done ? ' (done)' : ' (to do)'}</span>
        </p>
        {!done && children}
      </div>
    </li>
  );
}

/**
 * The checklist a new install shows on the overview, from an empty database to a first plan. Each
 * step says how to do it until it is done; the API example is one way among others, since a
 * manager setting up a team should not need to write GraphQL.
 */
export function GettingStarted({ done, origin, firstTeam }: { done: StepsDone; origin: string; firstTeam?: string }) {
  const steps: Record<StepKey, ReactNode> = {
    team: (
      <p>
        A team is who carries the ops load: a slug, a name, a time zone and its members.{' '}
        <Link to="/teams/new">Create a team</Link>, or use <code>npm run headroom -- team add</code> or the API (<code>upsertTeams</code>).
      </p>
    ),
    source: (
      <>
        <p>Send signals by webhook, import a CSV file on the <Link to="/data">Data page</Link>, or call the API.</p>
        <WebhookSources origin={origin} />
        <ul className="setup-list">
          <li>
            CSV templates:{' '}
            {IMPORT_FORMATS.map((f, i) => (
              <span key={f.kind}>
                {i > 0 && ', '}
                <a href={csvHref(f.example)} download={`headroom-${f.kind}.csv`}>
                  {f.label.toLowerCase()}
                </a>
              </span>
            ))}
          </li>
          <li>
            History you already have: <code>npm run headroom -- backfill pagerduty|github|jira</code> reads it from the vendor’s
            API, so the first plan stands on real sprints (<Link to="/data#backfills-heading">each command</Link> is on the Data page).
          </li>
        </ul>
        <pre className="setup-code" tabIndex={0}>
          {`curl -s ${origin}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{
  "query": "mutation($m: [DailyMetricsInput!]!) { recordDailyMetrics(input: $m) { received } }",
  "variables": { "m": [{ "team": "payments", "date": "2026-11-20", "alerts": 31, "pages": 2, "pageHours": 3.5 }] } }'`}
        </pre>
      </>
    ),
    figures: <p>Once a source has sent a team’s figures for this date range, the table below shows its load and status.</p>,
    plan: (
      <p>
        {firstTeam ? <Link to={`/teams/${firstTeam}/plan`}>Plan the next sprint</Link> : 'Plan the next sprint'} and accept the plan:
        it records the sprint with the ops time it reserves.
      </p>
    ),
  };
  return (
    <section className="card setup" aria-labelledby="setup-heading" data-testid="getting-started">
      <h2 id="setup-heading">Getting started</h2>
      <ol className="setup-steps">
        <Step done={done.team} title="Create a team" testId="step-team">{steps.team}</Step>
        <Step done={done.source} title="Connect a source" testId="step-source">{steps.source}</Step>
        <Step done={done.figures} title="See the first figures" testId="step-figures">{steps.figures}</Step>
        <Step done={done.plan} title="Accept a first plan" testId="step-plan">{steps.plan}</Step>
      </ol>
    </section>
  );
}
