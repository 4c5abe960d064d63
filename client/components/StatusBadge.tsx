import type { Status } from '../graphql/operations';

const TEXT: Record<Status, { label: string; icon: string }> = {
  OK: { label: 'OK', icon: '✓' },
  WARN: { label: 'Warning', icon: '!' },
  BREACH: { label: 'Breach', icon: '✕' },
  NO_DATA: { label: 'No data', icon: '–' },
};

/**
 * A guardrail verdict as a word and a symbol, coloured too, never by colour alone: the dashboard's
 * and the snapshots' one badge. NO_DATA is grey: nothing was judged, so it never reads as OK.
 */
export function StatusBadge({ status, testId, large }: { status: Status; testId?: string; large?: boolean }) {
  const t = TEXT[status];
  return (
    <span className={`badge badge--${status.toLowerCase()}${large ? ' badge--large' : ''}`} data-testid={testId} data-status={status}>
      <span className="badge__icon" aria-hidden="true">
        {t.icon}
      </span>
      {t.label}
    </span>
  );
}
