import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { DataPanel } from '../components/DataPanel';
import { localToday, parseRange } from '../lib/dateRange';
import { CreateSnapshotForm } from './snapshots/CreateSnapshotForm';
import { SnapshotTable } from './snapshots/SnapshotList';
import { useSnapshotList } from './snapshots/useSnapshotList';
import './snapshots/snapshots.css';

const PAGE_SIZE = 10;

/**
 * Snapshots: the frozen KPI sets made for meetings, newest first, and a form to make one.
 * The form starts from the range in the link (?from=&to=, as the overview keeps it) so
 * "Snapshots" from the overview freezes exactly the view that was on screen; ?teams=a,b preselects teams.
 */
export default function SnapshotsPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const parsed = useMemo(() => parseRange(params, localToday()), [params]);
  const teamsParam = params.get('teams');
  const initialTeams = useMemo(() => (teamsParam ? teamsParam.split(',').filter(Boolean) : null), [teamsParam]);
  const list = useSnapshotList(PAGE_SIZE);

  return (
    <div className="snap-page">
      <title>Snapshots · Headroom</title>
      <div className="page-header">
        <div>
          <h1>Snapshots</h1>
          <p className="page-header__sub">Frozen KPIs for planning meetings and ops reviews: share them, compare them later, open them in a spreadsheet.</p>
        </div>
      </div>
      {!parsed.valid && (
        <p className="notice" role="status">
          <span aria-hidden="true">ℹ </span>The link’s date range was not valid, so the form starts with the last 28 days.
        </p>
      )}

      <section className="section">
        <CreateSnapshotForm
          key={`${parsed.range.from}/${parsed.range.to}/${teamsParam ?? ''}`}
          initialRange={parsed.range}
          rangeFromView={!parsed.isDefault}
          initialTeams={initialTeams}
          onCreated={(s) => navigate(`/snapshots/${s.id}`, { state: { created: true } })}
        />
      </section>

      <section className="section" aria-labelledby="snapshots-heading">
        <h2 id="snapshots-heading">Saved snapshots</h2>
        <DataPanel
          query={list.first}
          what="snapshots"
          minHeight={120}
          isEmpty={() => list.edges.length === 0}
          empty={
            <>
              <p className="state__title">No snapshots yet</p>
              <p className="state__text">Create one above: it keeps today’s figures exactly as they are, whatever arrives later.</p>
            </>
          }
        >
          {() => <SnapshotTable list={list} />}
        </DataPanel>
      </section>
    </div>
  );
}
