import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Confirmation } from '../../components/Confirmation';
import { DataPanel } from '../../components/DataPanel';
import { useQuery } from '../../lib/useQuery';
import { LoadModelEditor } from '../loadModel/LoadModelEditor';
import { LoadModelHistory, LoadModelValuesList } from '../loadModel/LoadModelHistory';
import { TEAM_LOAD_MODEL } from '../loadModel/operations';

const DENIED = 'Your token cannot change this team’s load model: that needs the plan scope for this team.';

/**
 * A team's load model under "Team settings": the one in force (its own, or the org default it
 * uses), a change with a reason, and the team's own changes.
 */
export function TeamLoadModel({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const q = useQuery(TEAM_LOAD_MODEL, useMemo(() => ({ slug }), [slug]));
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="card team-load-model" data-testid="team-load-model">
      <h3>Load model</h3>
      {saved && (
        <Confirmation testId="team-load-model-saved" onDismiss={() => setSaved(null)}>
          Saved the team’s load model; its figures use it now. Why: “{saved}”
        </Confirmation>
      )}
      <DataPanel query={{ ...q, data: q.data?.team ?? undefined }} what="the load model" minHeight={160}>
        {(t) => (
          <>
            <p className="field-hint" data-testid="team-load-model-source">
              {t.ownLoadModel ? (
                'The team’s own load model is in force.'
              ) : (
                <>
                  Uses the org default (<Link to="/defaults">Defaults</Link>); saving a change gives the team a load model of its own.
                </>
              )}
            </p>
            <div className="guardrail-layout">
              <LoadModelValuesList model={t.loadModel} testId="team-load-model-now" />
              <LoadModelEditor
                key={t.loadModelHistory[0]?.changedAt ?? 'org'}
                team={slug}
                current={t.loadModel}
                canEdit={canEdit}
                deniedText={DENIED}
                onSaved={(_, reason) => setSaved(reason)}
              />
            </div>
            <h4 className="history-heading">History</h4>
            <LoadModelHistory history={t.loadModelHistory} scope="team" />
          </>
        )}
      </DataPanel>
    </div>
  );
}
