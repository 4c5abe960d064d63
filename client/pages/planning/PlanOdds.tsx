import { formatShare } from '../../lib/format';
import type { SprintPlan } from './operations';

/**
 * The odds beside the recommendation: the range of the next sprint's ops share and how the rule did
 * over the team's own sprints, as the server computed and worded them (plans frozen before they
 * existed have neither, and show nothing).
 */
export function PlanOdds({ plan }: { plan: Pick<SprintPlan, 'odds' | 'trackRecord'> }) {
  const { odds, trackRecord: record } = plan;
  if (!odds && !record) return null;
  return (
    <div className="plan-odds" data-testid="plan-odds">
      {odds && (
        <p title={odds.sentence}>
          {odds.p50Share !== null && odds.p80Share !== null ? (
            <>
              Range <strong data-testid="plan-p50">{formatShare(odds.p50Share)}</strong> (half of sprints like the last ones) to{' '}
              <strong data-testid="plan-p80">{formatShare(odds.p80Share)}</strong> (4 in 5) · from {odds.basedOnSprints} sprints
            </>
          ) : (
            <span data-testid="plan-odds-none">{odds.sentence}</span>
          )}
        </p>
      )}
      {record && (
        <p title={record.sentence}>
          {record.sprints > 0 ? (
            <>
              Track record: held in <strong data-testid="plan-track-held">{record.held} of {record.sprints}</strong> past sprints
              {record.p80Sprints > 0 && (
                <>
                  {' '}· 80th percentile exceeded in <strong data-testid="plan-track-p80">{record.p80Exceeded} of {record.p80Sprints}</strong> (about 1 in 5 is calibrated)
                </>
              )}
            </>
          ) : (
            <span data-testid="plan-track-none">{record.sentence}</span>
          )}
        </p>
      )}
    </div>
  );
}
