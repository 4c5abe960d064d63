import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { DataPanel } from '../components/DataPanel';
import { DateRangeControl } from '../components/DateRangeControl';
import { StatusBadge } from '../components/StatusBadge';
import { TEAM, TEAM_SERIES, type Bucket, type DateRange, type KpiPoint, type SprintRow } from '../graphql/operations';
import { bucketFor } from '../lib/bucket';
import { describeRange, rangeSearch, type Preset } from '../lib/dateRange';
import { useDateRange } from '../lib/useDateRange';
import { LIVE_REFRESH_MS } from '../lib/queryClient';
import { useQuery } from '../lib/useQuery';
import { BucketToggle } from './team/BucketToggle';
import { DoraCards } from './team/DoraCards';
import { GuardrailRules } from './team/GuardrailRules';
import { ServicesTable } from './team/ServicesTable';
import { SprintsSection } from './team/SprintsSection';
import { TeamCharts } from './team/TeamCharts';
import { TeamKpis } from './team/TeamKpis';
import { HourScheduleForm } from './team/HourScheduleForm';
import { TeamForm } from './teams/TeamForm';
import { ArchiveTeam } from './teams/ArchiveTeam';
import { useViewer } from '../lib/viewer';
import { canManageTeams, canPlanTeam } from '../lib/viewerRights';
import { TeamLoadModel } from './team/TeamLoadModel';
import { PagerLoad, RecordResponders } from './team/PagerLoad';
import { TEAM_RESPONDERS } from './team/responderOperations';

const isQuiet = (points: KpiPoint[]) =>
  points.every((p) => p.alerts === 0 && p.pages === 0 && p.pageHours === 0 && p.deploys === 0 && p.toilHours === 0);

/** "Last sprint (Sprint 41)": the newest recorded sprint that has ended, as a date-range preset. */
function lastSprintPreset(sprints: SprintRow[] | undefined, today: string): Preset[] {
  const last = sprints?.find((s) => !s.synthetic && s.endDate < today);
  if (!last) return [];
  return [{ id: 'last-sprint', label: `Last sprint (${last.name})`, range: () => ({ from: last.startDate, to: last.endDate }) }];
}

/** One team's operational load: headline KPIs, guardrails, sprints, trend, services and DORA. */
export default function TeamPage() {
  const { slug = '' } = useParams();
  const dateRange = useDateRange();
  const { range } = dateRange;
  const [params, setParams] = useSearchParams();
  const bucket = bucketFor(params.get('bucket'), range);

  const team = useQuery(TEAM, useMemo(() => ({ slug, range }), [slug, range]), { refetchInterval: LIVE_REFRESH_MS });
  const series = useQuery(TEAM_SERIES, useMemo(() => ({ slug, range, bucket }), [slug, range, bucket]), { refetchInterval: LIVE_REFRESH_MS });
  const responders = useQuery(TEAM_RESPONDERS, useMemo(() => ({ slug, range }), [slug, range]), { refetchInterval: LIVE_REFRESH_MS });
  const { viewer } = useViewer();
  const canEdit = canManageTeams(viewer);
  const canPlan = canPlanTeam(viewer, slug);

  if (team.data && team.data.team === null) return <TeamNotFound slug={slug} range={range} />;
  const detail = team.data?.team;
  const name = detail?.name ?? slug;
  const teamOnly = { ...team, data: detail ?? undefined };

  function setBucket(b: Bucket) {
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('bucket', b);
      return next;
    }, { replace: true });
  }

  return (
    <>
      <title>{`${name} · Headroom`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={{ pathname: '/', search: rangeSearch(range) }}>Overview</Link>
          </li>
          <li aria-current="page">{name}</li>
        </ol>
      </nav>
      <div className="page-header">
        <div>
          <div className="title-row">
            <h1>{name}</h1>
            {detail && <StatusBadge status={detail.kpis.status} testId="team-status" large />}
          </div>
          <p className="page-header__sub">
            {detail && (
              <>
                <span className="tag">{detail.slug}</span> {detail.timezone}
                {detail.members != null && ` · ${detail.members} members`}
                {' · '}
              </>
            )}
            <span className="nowrap">{describeRange(range)}</span>
          </p>
        </div>
        <Link className="button button--large" to={`/teams/${slug}/plan`} data-testid="plan-link">
          Plan next sprint{" "}<span aria-hidden="true">→</span>
        </Link>
      </div>

      <div className="toolbar">
        <DateRangeControl state={dateRange} extraPresets={lastSprintPreset(detail?.sprints, dateRange.today)} />
      </div>
      {!dateRange.urlValid && (
        <p className="notice" role="status">
          <span aria-hidden="true">ℹ </span>The link’s date range was not valid, so the last 28 days are shown.
        </p>
      )}

      <section className="section" aria-labelledby="kpi-heading">
        <h2 id="kpi-heading">Key figures</h2>
        <DataPanel query={teamOnly} what="the team’s figures" minHeight={180}>
          {(d) => <TeamKpis kpis={d.kpis} ceiling={d.guardrail.opsCeiling} />}
        </DataPanel>
      </section>

      <section className="section" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Guardrails</h2>
        <DataPanel query={teamOnly} what="the guardrail results" minHeight={120}>
          {(d) => <GuardrailRules rules={d.kpis.rules} version={d.guardrail.version} />}
        </DataPanel>
      </section>

      <section className="section" aria-labelledby="trend-heading">
        <div className="section__header">
          <h2 id="trend-heading">Trend</h2>
          <BucketToggle value={bucket} onChange={setBucket} />
        </div>
        <DataPanel
          query={series}
          what="the trend"
          minHeight={300}
          isEmpty={(d) => !d.team || isQuiet(d.team.series)}
          empty={
            <>
              <p className="state__title">Nothing recorded in this range</p>
              <p className="state__text">No alerts, pages, deploys or toil were recorded for {name} between {range.from} and {range.to}. Try a longer range.</p>
            </>
          }
        >
          {(d) => d.team && <TeamCharts points={d.team.series} bucket={bucket} teamName={name} />}
        </DataPanel>
      </section>

      <section className="section" aria-labelledby="sprints-heading">
        <h2 id="sprints-heading">Sprints</h2>
        <DataPanel query={teamOnly} what="the sprints" minHeight={200} isEmpty={(d) => d.sprints.length === 0} empty={<p className="state__title">No sprints yet.</p>}>
          {(d) => <SprintsSection sprints={d.sprints} guardrail={d.guardrail} team={{ slug: d.slug, members: d.members }} canPlan={canPlan} />}
        </DataPanel>
      </section>

      <section className="section" aria-labelledby="services-heading">
        <h2 id="services-heading">Noisiest services</h2>
        <DataPanel
          query={teamOnly}
          what="the services"
          minHeight={120}
          isEmpty={(d) => d.services.length === 0}
          empty={<p className="state__title">No signals from any service in this range.</p>}
        >
          {(d) => <ServicesTable services={d.services} />}
        </DataPanel>
      </section>

      <section className="section" aria-labelledby="pager-heading" data-testid="pager-section">
        <h2 id="pager-heading">Who carries the pager</h2>
        <DataPanel
          query={{ ...responders, data: responders.data?.team?.responderFigures }}
          what="who carried the pages"
          minHeight={120}
          isEmpty={(f) => f.evenness.people === 0}
          empty={<RecordResponders unnamed={responders.data?.team?.responderFigures.pagesWithoutResponders ?? 0} />}
        >
          {(f) => <PagerLoad figures={f} />}
        </DataPanel>
      </section>

      <section className="section" aria-labelledby="dora-heading">
        <h2 id="dora-heading">Delivery (DORA)</h2>
        <DataPanel query={teamOnly} what="the DORA figures" minHeight={120}>
          {(d) => <DoraCards dora={d.dora} />}
        </DataPanel>
      </section>

      <section className="section" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Team settings</h2>
        <DataPanel query={teamOnly} what="the team’s settings" minHeight={120}>
          {(d) => (
            <>
              <TeamForm key={`${d.name}|${d.timezone}|${d.members}|${d.focusHoursPerDay}`} team={d} canEdit={canEdit} />
              <HourScheduleForm
                key={JSON.stringify(d.hourSchedule)}
                team={{ slug: d.slug, name: d.name }}
                schedule={d.hourSchedule}
                timezone={d.timezone}
                canEdit={canEdit}
              />
              <TeamLoadModel slug={d.slug} canEdit={canPlan} />
              <ArchiveTeam team={{ slug: d.slug, name: d.name }} archived={d.archived} canEdit={canEdit} />
            </>
          )}
        </DataPanel>
      </section>
    </>
  );
}

function TeamNotFound({ slug, range }: { slug: string; range: DateRange }) {
  return (
    <div className="not-found">
      <title>No such team · Headroom</title>
      <p className="not-found__code" aria-hidden="true">404</p>
      <h1>No team “{slug}”</h1>
      <p>No team has this slug. It may have been renamed, or the link may be mistyped.</p>
      <Link className="button" to={{ pathname: '/', search: rangeSearch(range) }}>
        Back to the overview
      </Link>
    </div>
  );
}
