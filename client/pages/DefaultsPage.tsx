import { useState } from 'react';
import { Confirmation } from '../components/Confirmation';
import { DataPanel } from '../components/DataPanel';
import { useQuery } from '../lib/useQuery';
import { useViewer } from '../lib/viewer';
import { canChangeOrgDefaults, canManageTeams } from '../lib/viewerRights';
import { DEFAULTS, ORG_PRIVACY } from './defaults/operations';
import { PrivacySetting } from './defaults/PrivacySetting';
import { LoadModelEditor } from './loadModel/LoadModelEditor';
import { LoadModelHistory, LoadModelValuesList } from './loadModel/LoadModelHistory';
import { GuardrailEditor } from './planning/GuardrailEditor';
import { CurrentPolicy, GuardrailHistory } from './planning/GuardrailHistory';
import type { GuardrailVersion } from './planning/operations';

const NO_VARIABLES = {};
const DENIED = 'Your token cannot change the org defaults: that needs the plan scope on a token not limited to teams.';

/**
 * The org defaults every team without its own follows: the guardrails and the load model, each
 * changed with a reason and listed with its history, as a team's own are on its pages.
 */
export default function DefaultsPage() {
  const { viewer } = useViewer();
  const canEdit = canChangeOrgDefaults(viewer);
  const q = useQuery(DEFAULTS, NO_VARIABLES);
  const privacy = useQuery(ORG_PRIVACY, NO_VARIABLES);
  const [guardrailSaved, setGuardrailSaved] = useState<GuardrailVersion | null>(null);
  const [modelSaved, setModelSaved] = useState<string | null>(null);

  return (
    <>
      <title>Org defaults · Headroom</title>
      <div className="page-header">
        <div>
          <h1>Org defaults</h1>
          <p className="page-header__sub">Every team without guardrails or a load model of its own follows these.</p>
        </div>
      </div>

      <section className="section" aria-labelledby="default-guardrails-heading">
        <h2 id="default-guardrails-heading">Guardrails</h2>
        {guardrailSaved && (
          <Confirmation testId="default-guardrail-saved" onDismiss={() => setGuardrailSaved(null)}>
            Saved org-default guardrail version {guardrailSaved.version}. Why: “{guardrailSaved.reason}”
          </Confirmation>
        )}
        <DataPanel query={q} what="the org-default guardrails" minHeight={200}>
          {(d) => (
            <>
              <div className="guardrail-layout">
                <div className="card">
                  <h3>In force</h3>
                  <CurrentPolicy policy={d.guardrailDefaults} scope="org" />
                </div>
                <div className="card">
                  <GuardrailEditor
                    key={`org-${d.guardrailDefaults.version}`}
                    team={null}
                    current={d.guardrailDefaults}
                    canPlan={canEdit}
                    onSaved={setGuardrailSaved}
                  />
                </div>
              </div>
              <h3 className="history-heading">History</h3>
              <GuardrailHistory history={d.guardrailDefaultsHistory} scope="org" />
            </>
          )}
        </DataPanel>
      </section>

      <section className="section" aria-labelledby="default-load-model-heading">
        <h2 id="default-load-model-heading">Load model</h2>
        <p className="section__intro muted">
          How signals become hours of ops work: page hours × the weight of their hour class + alerts × minutes per alert + failed
          deploys × hours per failed deploy + toil.
        </p>
        {modelSaved && (
          <Confirmation testId="default-load-model-saved" onDismiss={() => setModelSaved(null)}>
            Saved the org-default load model; teams without their own use it now. Why: “{modelSaved}”
          </Confirmation>
        )}
        <DataPanel query={q} what="the org-default load model" minHeight={200}>
          {(d) => (
            <>
              <div className="guardrail-layout">
                <div className="card">
                  <h3>In force</h3>
                  <LoadModelValuesList model={d.loadModelDefaults} testId="default-load-model" />
                </div>
                <div className="card">
                  <LoadModelEditor
                    key={d.loadModelDefaultsHistory[0]?.changedAt ?? 'built-in'}
                    team={null}
                    current={d.loadModelDefaults}
                    canEdit={canEdit}
                    deniedText={DENIED}
                    onSaved={(_, reason) => setModelSaved(reason)}
                  />
                </div>
              </div>
              <h3 className="history-heading">History</h3>
              <LoadModelHistory history={d.loadModelDefaultsHistory} scope="org" />
            </>
          )}
        </DataPanel>
      </section>

      <section className="section" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Privacy</h2>
        <p className="section__intro muted">
          Who carried the pager: team pages show page hours, sleep interruptions and off-hours time per person. The org can hide those
          per-person figures; how evenly the load falls (which names nobody) stays visible.
        </p>
        <DataPanel query={{ ...privacy, data: privacy.data?.orgPrivacy }} what="the privacy setting" minHeight={80}>
          {/* The same rule as teams and tokens: the admin scope on a token not limited to teams. */}
          {(p) => <PrivacySetting privacy={p} canEdit={canManageTeams(viewer)} />}
        </DataPanel>
      </section>
    </>
  );
}
