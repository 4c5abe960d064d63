import { useState } from 'react';
import { formatHours } from '../../lib/format';
import type { SprintPlan } from './operations';
import { perPerson, planText } from './planText';

/**
 * What the team types into its tracker: hours per person, the feature points that fit at its
 * recent velocity (when it records points), and "Copy plan" for the text block.
 */
export function TrackerPlan({ name, plan, members, daysOff, points }: { name: string; plan: SprintPlan; members: number | null; daysOff: number; points: number | null }) {
  const each = perPerson(plan, members);
  const [copied, setCopied] = useState<'done' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(planText({ name, plan, members, daysOff, points }));
      setCopied('done');
    } catch {
      // Clipboard access can be refused (no secure context, no permission): say so rather than fail silently.
      setCopied('failed');
    }
  }

  return (
    <div className="tracker-plan">
      {each && (
        <p data-testid="plan-per-person">
          Per person ({members} {members === 1 ? 'person' : 'people'}{daysOff > 0 ? `, ${daysOff} person-days off` : ''}):{' '}
          <strong>{formatHours(each.opsHours)} h</strong> ops, <strong>{formatHours(each.featureHours)} h</strong> features
        </p>
      )}
      {points !== null && (
        <p data-testid="plan-points">
          About <strong>{points}</strong> feature points fit in the feature hours at the team’s recent velocity.
        </p>
      )}
      <p className="tracker-plan__copy">
        <button type="button" className="button button--secondary" onClick={copy} data-testid="copy-plan">
          Copy plan
        </button>{' '}
        <span role="status" data-testid="copy-status">
          {copied === 'done' ? 'Copied: paste it into your tracker.' : copied === 'failed' ? 'The browser refused the clipboard.' : ''}
        </span>
      </p>
    </div>
  );
}
