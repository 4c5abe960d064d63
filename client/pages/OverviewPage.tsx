import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DataPanel } from '../components/DataPanel';
import { DateRangeControl } from '../components/DateRangeControl';
import { FreshnessLine } from '../components/FreshnessLine';
import { OVERVIEW, OVERVIEW_SERIES } from '../graphql/operations';
import { bucketFor, bucketWord } from '../lib/bucket';
import { describeRange } from '../lib/dateRange';
import { filterRows, isStatusFilter, nextSort, parseSort, sortParam, sortRows, STATUS_FILTERS, type SortKey, type StatusFilter } from '../lib/teamTable';
import { useDateRange } from '../lib/useDateRange';
import { useViewer } from '../lib/viewer';
import { canManageTeams } from '../lib/viewerRights';
import { LIVE_REFRESH_MS } from '../lib/queryClient';
import { useQuery } from '../lib/useQuery';
import { attentionSummary } from './overview/attention';
import { GettingStarted } from './overview/GettingStarted';
import { allDone, stepsDone } from './overview/setupSteps';
import { GETTING_STARTED } from './overview/operations';
import { OverviewTable } from './overview/OverviewTable';
import { SORT_KEYS } from './overview/overviewColumns';
import { TeamTrendCards } from './overview/TeamTrendCards';

const NO_VARS = {};

/** The org overview: every team's operational load over one date range. */
export default function OverviewPage() {
  const dateRange = useDateRange();
  const { range } = dateRange;
  const { viewer } = useViewer();
  const sparkBucket = bucketFor(null, range);
  const overview = useQuery(OVERVIEW, useMemo(() => ({ range }), [range]), { refetchInterval: LIVE_REFRESH_MS });
  const series = useQuery(OVERVIEW_SERIES, useMemo(() => ({ range, sparkBucket }), [range, sparkBucket]), { refetchInterval: LIVE_REFRESH_MS });
  const setup = useQuery(GETTING_STARTED, NO_VARS, { refetchInterval: LIVE_REFRESH_MS });
  const done = setup.data && overview.data ? stepsDone(setup.data, overview.data.overview) : undefined;
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const statusParam = params.get('status');
  const status: StatusFilter = isStatusFilter(statusParam) ? statusParam : 'ALL';
  // The order lives in the URL, like the status filter, so a shared link shows the same table.
  const sortText = params.get('sort');
  const sort = useMemo(() => parseSort(sortText, SORT_KEYS), [sortText]);

  function setParam(name: string, value: string | null) {
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (value === null) n.delete(name);
      else n.set(name, value);
      return n;
    }, { replace: true });
  }
  const setStatus = (next: StatusFilter) => setParam('status', next === 'ALL' ? null : next);
  const onSort = (key: SortKey) => setParam('sort', sortParam(nextSort(sort, key)));

  const rows = useMemo(
    () => sortRows(filterRows(overview.data?.overview ?? [], filter, status), sort),
    [overview.data, filter, status, sort],
  );
  const sparks = useMemo(
    () => (series.error ? null : series.data ? new Map(series.data.teams.map((t) => [t.slug, t.spark])) : undefined),
    [series.data, series.error],
  );
  const statusLabel = STATUS_FILTERS.find((f) => f.value === status)!.label.toLowerCase();
  const noMatch = filter.trim()
    ? `No team matches “${filter.trim()}”${status === 'ALL' ? '' : ` with status ${statusLabel}`}.`
    : `No team has status ${statusLabel}.`;

  return (
    <>
      <title>Overview · Headroom</title>
      <div className="page-header">
        <div>
          <h1>Team overview</h1>
          <p className="page-header__sub">Operational load per team, <span className="nowrap">{describeRange(range)}</span>.</p>
          <FreshnessLine />
        </div>
        {canManageTeams(viewer) && (
          <Link className="button button--secondary" to="/teams/new" data-testid="new-team">
            New team
          </Link>
        )}
      </div>

      <div className="toolbar">
        <DateRangeControl state={dateRange} />
        <div className="toolbar__filters">
          <div className="field field--filter">
            <label htmlFor={filterId}>Filter teams</label>
            <input
              id={filterId}
              type="search"
              placeholder="Team name"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor={`${filterId}-status`}>Status</label>
            <select id={`${filterId}-status`} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              {STATUS_FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      {!dateRange.urlValid && (
        <p className="notice" role="status">
          <span aria-hidden="true">ℹ </span>The link’s date range was not valid, so the last 28 days are shown.
        </p>
      )}

      {done && !allDone(done) && <GettingStarted done={done} origin={window.location.origin} firstTeam={setup.data?.teams[0]?.slug} />}

      <section className="section" aria-labelledby="load-heading">
        <h2 id="load-heading">Load by team</h2>
        <DataPanel
          query={overview}
          what="teams"
          minHeight={160}
          isEmpty={(d) => d.overview.length === 0}
          empty={
            <>
              <p className="state__title">No teams yet</p>
              <p className="state__text">
                Teams appear here once they are created; the getting-started steps above say how.
              </p>
            </>
          }
        >
          {(d) => (
            <>
              <p className="attention-summary" data-testid="attention-summary">
                {attentionSummary(d.overview)}
              </p>
              <OverviewTable
                rows={rows}
                range={range}
                sort={sort}
                onSort={onSort}
                noMatch={noMatch}
                sparks={sparks}
                sparkPer={bucketWord(sparkBucket)}
                groups={d.overviewGroups}
                orgTotal={d.orgTotal}
                filtered={filter.trim() !== '' || status !== 'ALL'}
              />
            </>
          )}
        </DataPanel>
      </section>

      <section className="section" aria-labelledby="trend-heading">
        <h2 id="trend-heading">Weekly trend</h2>
        <DataPanel query={series} what="weekly trends" minHeight={200} isEmpty={(d) => d.teams.length === 0} empty={<p className="state__title">No teams yet.</p>}>
          {(d) => {
            const bySlug = new Map(d.teams.map((t) => [t.slug, t]));
            // Follow the table's order and filter once it is there; until then, the teams as listed.
            const order = overview.data ? rows.map((r) => ({ slug: r.team.slug, name: r.team.name })) : d.teams;
            const cards = order.flatMap((t) => {
              const s = bySlug.get(t.slug);
              return s ? [{ slug: t.slug, name: t.name, series: s.series }] : [];
            });
            return <TeamTrendCards cards={cards} range={range} />;
          }}
        </DataPanel>
      </section>
    </>
  );
}
