import { useEffect, useRef, useState } from 'react';
import { DataPanel } from '../components/DataPanel';
import { SOURCE_MAPPINGS, UNROUTED } from '../graphql/dataOperations';
import { FRESHNESS } from '../graphql/operations';
import { dataChanged } from '../lib/queryClient';
import { useQuery } from '../lib/useQuery';
import { useViewer } from '../lib/viewer';
import { CsvImport } from './data/CsvImport';
import { FreshnessTable } from './data/Freshness';
import { AddMappingForm, MappingTable } from './data/SourceMappings';
import { UnroutedTable, type Mapped } from './data/UnroutedSignals';
import { sourceKeyText } from './data/dataFormat';
import { TokensSection } from './data/TokensSection';
import { WebhookSources } from './data/WebhookSources';
import { Backfills } from './data/Backfills';
import { NotificationsSection } from './data/NotificationsSection';
import { canChangeOrgDefaults } from '../lib/viewerRights';
import './data/data.css';

const NO_VARS = {};

/**
 * Where data comes in: CSV import, signals waiting for a team (webhooks whose sender key is not
 * mapped yet), the mappings, and when each source last sent something.
 */
export default function DataPage() {
  const freshness = useQuery(FRESHNESS, NO_VARS);
  const unrouted = useQuery(UNROUTED, NO_VARS);
  const mappings = useQuery(SOURCE_MAPPINGS, NO_VARS);
  const { viewer } = useViewer();
  const isAdmin = viewer?.scopes.includes('admin') ?? false;
  const [mapped, setMapped] = useState<Mapped | null>(null);
  const mappedRef = useRef<HTMLParagraphElement>(null);

  // The mapped row (and the button that had focus) leaves the table: focus the confirmation instead.
  useEffect(() => {
    if (mapped) mappedRef.current?.focus();
  }, [mapped]);

  function onMapped(m: Mapped) {
    setMapped(m);
  }

  return (
    <div className="data-page">
      <title>Data · Headroom</title>
      <div className="page-header">
        <div>
          <h1>Data</h1>
          <p className="page-header__sub">Import files, route webhook signals to teams, and check that every source is current.</p>
        </div>
      </div>

      <div className="data-grid">
        <section className="section data-grid__import" aria-labelledby="import-heading">
          <h2 id="import-heading">Import a CSV file</h2>
          <CsvImport onImported={dataChanged} />
        </section>

        <section className="section" aria-labelledby="freshness-heading">
          <h2 id="freshness-heading">Data freshness</h2>
          <DataPanel
            query={freshness}
            what="data freshness"
            minHeight={120}
            isEmpty={(d) => d.freshness.length === 0}
            empty={
              <>
                <p className="state__title">No data received yet</p>
                <p className="state__text">Sources appear here once they send figures: webhooks, CSV imports, the API.</p>
              </>
            }
          >
            {(d) => <FreshnessTable rows={d.freshness} />}
          </DataPanel>
        </section>
      </div>

      <section className="section" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Webhooks</h2>
        <p className="data-intro muted">
          Point the sender at its URL and give it the same signing secret as the server; a sender whose secret is not set is
          refused (503) and nothing is stored.
        </p>
        <WebhookSources origin={window.location.origin} />
      </section>

      <section className="section" aria-labelledby="backfills-heading">
        <h2 id="backfills-heading">History (backfills)</h2>
        <p className="data-intro muted">
          Webhooks bring what happens from now on; a backfill brings a vendor’s history through its API, written as the webhook
          writes it, so nothing counts twice. Run the command where Headroom runs (with the embedded database, stop the server
          first), with the credentials in the environment.
        </p>
        <Backfills />
      </section>

      <section className="section" aria-labelledby="unrouted-heading">
        <h2 id="unrouted-heading">Unrouted signals</h2>
        <p className="data-intro muted">
          Webhooks carry no team: PagerDuty pages arrive by service, GitHub deploys by repository. Signals from a key that no team
          is mapped to are kept here, never dropped, until you map the key; then they count for that team.
        </p>
        {mapped && (
          <p ref={mappedRef} tabIndex={-1} className="notice data-mapped" role="status" data-testid="mapped-message">
            <span aria-hidden="true">✓ </span>
            Mapped {sourceKeyText(mapped.source, mapped.key)}
            {mapped.label !== mapped.key ? ` (${mapped.label})` : ''} to {mapped.team.name}: {mapped.attributed} signal
            {mapped.attributed === 1 ? '' : 's'} attributed.
          </p>
        )}
        <DataPanel
          query={unrouted}
          what="unrouted signals"
          minHeight={120}
          isEmpty={(d) => d.unrouted.length === 0}
          empty={
            <>
              <p className="state__title">No unrouted signals</p>
              <p className="state__text">Every signal received so far belongs to a team.</p>
            </>
          }
        >
          {(d) => <UnroutedTable signals={d.unrouted} teams={d.teams} onMapped={onMapped} />}
        </DataPanel>
      </section>

      <section className="section" aria-labelledby="mappings-heading">
        <h2 id="mappings-heading">Source mappings</h2>
        <DataPanel
          query={mappings}
          what="source mappings"
          minHeight={100}
          isEmpty={(d) => d.sourceMappings.length === 0}
          empty={
            <>
              <p className="state__title">No mappings yet</p>
              <p className="state__text">Map an unrouted signal above, or add a mapping before its first signal arrives.</p>
            </>
          }
        >
          {(d) => <MappingTable mappings={d.sourceMappings} />}
        </DataPanel>
        {unrouted.data && unrouted.data.teams.length > 0 && <AddMappingForm teams={unrouted.data.teams} onMapped={onMapped} />}
      </section>
      {/* Channels post for the whole org: the plan scope on a token not limited to teams, like the org defaults. */}
      {canChangeOrgDefaults(viewer) && <NotificationsSection />}
      {isAdmin && <TokensSection />}
    </div>
  );
}
