import { useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { DataPanel } from '../components/DataPanel';
import { SNAPSHOT, type SnapshotDetail } from '../graphql/snapshotOperations';
import { describeRange } from '../lib/dateRange';
import { useQuery } from '../lib/useQuery';
import { SnapshotCompare } from './snapshots/SnapshotCompare';
import { SnapshotTeamDetail } from './snapshots/SnapshotTeamDetail';
import { SnapshotTeamsTable } from './snapshots/SnapshotTeamsTable';
import { formatDateTime } from './snapshots/snapshotFormat';
import './snapshots/snapshots.css';

/** One snapshot: its frozen figures, downloads, a print layout, and a comparison with another or with now. */
export default function SnapshotPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const snapshot = useQuery(SNAPSHOT, useMemo(() => ({ id }), [id]));

  if (snapshot.data && snapshot.data.snapshot === null) return <SnapshotNotFound id={id} />;
  const label = snapshot.data?.snapshot?.label;

  return (
    <div className="snap-page snap-view">
      <title>{`${label ?? 'Snapshot'} · Headroom`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb no-print">
        <ol>
          <li>
            <Link to="/snapshots">Snapshots</Link>
          </li>
          <li aria-current="page">{label ?? 'Snapshot'}</li>
        </ol>
      </nav>
      <DataPanel query={snapshot} what="the snapshot" minHeight={240}>
        {(d) => d.snapshot && <SnapshotView snapshot={d.snapshot} justCreated={justCreated} />}
      </DataPanel>
    </div>
  );
}

function SnapshotView({ snapshot, justCreated }: { snapshot: SnapshotDetail; justCreated: boolean }) {
  const { id } = snapshot;
  const base = `/api/snapshots/${encodeURIComponent(id)}`;
  return (
    <>
      <div className="page-header snap-view__header">
        <div>
          <h1 data-testid="snapshot-label">{snapshot.label}</h1>
          <p className="page-header__sub">
            <span className="nowrap" data-testid="snapshot-range">
              {describeRange(snapshot.range)}
            </span>{' '}
            · {snapshot.data.length} team{snapshot.data.length === 1 ? '' : 's'}
          </p>
        </div>
        <div className="snap-actions no-print" role="group" aria-label="Download and print">
          <a className="button snap-button--secondary" href={`${base}.csv`} download data-testid="download-csv-teams">
            <span aria-hidden="true">⬇</span>
            CSV: teams
          </a>
          <a className="button snap-button--secondary" href={`${base}.csv?kind=sprints`} download data-testid="download-csv-sprints">
            <span aria-hidden="true">⬇</span>
            CSV: sprints
          </a>
          <a className="button snap-button--secondary" href={`${base}.json`} download data-testid="download-json">
            <span aria-hidden="true">⬇</span>
            JSON
          </a>
          <button type="button" className="button snap-button--secondary" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </div>

      {justCreated && (
        <p className="notice no-print" role="status">
          <span aria-hidden="true">✓ </span>Snapshot created. Share this page’s address, or download it below.
        </p>
      )}
      <p className="snap-frozen" data-testid="snapshot-frozen">
        <span className="snap-frozen__icon" aria-hidden="true">
          ❄
        </span>
        <span>
          <strong>
            Frozen on <time dateTime={snapshot.createdAt}>{formatDateTime(snapshot.createdAt)}</time> by {snapshot.author}
          </strong>{' '}
          — later data does not change it.{' '}
          <span className="muted">
            Headroom {snapshot.serverVersion}, document format <code>{snapshot.schema}</code>.
          </span>
        </span>
      </p>

      <section className="section" aria-labelledby="snap-teams-heading">
        <h2 id="snap-teams-heading">Figures per team</h2>
        {snapshot.data.length === 0 ? (
          <div className="state state--empty">
            <span className="state__icon" aria-hidden="true">∅</span>
            <div className="state__body">
              <p className="state__title">This snapshot holds no teams</p>
              <p className="state__text">No team existed (or was visible to its author) when it was made.</p>
            </div>
          </div>
        ) : (
          <SnapshotTeamsTable teams={snapshot.data} />
        )}
      </section>

      {snapshot.data.length > 0 && (
        <section className="section" aria-labelledby="snap-detail-heading">
          <h2 id="snap-detail-heading">Per team: load, rules, sprints and plan</h2>
          <div className="snap-teams-detail">
            {snapshot.data.map((t) => (
              <SnapshotTeamDetail key={t.slug} team={t} />
            ))}
          </div>
        </section>
      )}

      <SnapshotCompare snapshot={snapshot} />
    </>
  );
}

function SnapshotNotFound({ id }: { id: string }) {
  return (
    <div className="not-found">
      <title>No such snapshot · Headroom</title>
      <p className="not-found__code" aria-hidden="true">404</p>
      <h1>No snapshot here</h1>
      <p>
        There is no snapshot with the id <code>{id}</code>, or it is outside your token’s teams, or it was deleted.
      </p>
      <Link className="button" to="/snapshots">
        All snapshots
      </Link>
    </div>
  );
}
