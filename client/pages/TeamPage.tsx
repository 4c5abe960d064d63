import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { DataPanel } from '../components/DataPanel';
import { DateRangeControl } from '../components/DateRangeControl';
import { TEAM, TEAM_SERIES, type Bucket, type DateRange, type KpiPoint } from '../graphql/operations';
import { bucketFor } from '../lib/bucket';
import { describeRange, rangeSearch } from '../lib/dateRange';
import { useDateRange } from '../lib/useDateRange';
import { useQuery } from '../lib/useQuery';
import { BucketToggle } from './team/BucketToggle';
import { TeamCharts } from './team/TeamCharts';
import { TeamKpis } from './team/TeamKpis';

const isQuiet = (points: KpiPoint[]) =>
  points.every((p) => p.alerts === 0 && p.pages === 0 && p.pageHours === 0 && p.deploys === 0 && p.toilHours === 0);

/** One team's operational load: headline KPIs and their trend. */
export default function TeamPage() {
  const { slug = '' } = useParams();
  const dateRange = useDateRange();
  const { range } = dateRange;
  const [params, setParams] = useSearchParams();
  const bucket = bucketFor(params.get('bucket'), range);

  const team = useQuery(TEAM, useMemo(() => ({ slug, range }), [slug, range]));
  const series = useQuery(TEAM_SERIES, useMemo(() => ({ slug, range, bucket }), [slug, range, bucket]));

  if (team.data && team.data.team === null) return <TeamNotFound slug={slug} range={range} />;
  const name = team.data?.team?.name ?? slug;

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
          <h1>{name}</h1>
          <p className="page-header__sub">
            {team.data?.team && (
              <>
                <span className="tag">{team.data.team.slug}</span> {team.data.team.timezone}
                {team.data.team.members != null && ` · ${team.data.team.members} members`}
                {' · '}
              </>
            )}
            <span className="nowrap">{describeRange(range)}</span>
          </p>
        </div>
      </div>

      <div className="toolbar">
        <DateRangeControl state={dateRange} />
      </div>
      {!dateRange.urlValid && (
        <p className="notice" role="status">
          <span aria-hidden="true">ℹ </span>The link’s date range was not valid, so the last 28 days are shown.
        </p>
      )}

      <section className="section" aria-labelledby="kpi-heading">
        <h2 id="kpi-heading">Key figures</h2>
        <DataPanel query={team} what="the team’s figures" minHeight={180}>
          {(d) => d.team && <TeamKpis kpis={d.team.kpis} />}
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
