import type { Status } from '../../graphql/snapshotOperations';
import { STATUS_TEXT } from './snapshotFormat';

const ICON: Record<Status, string> = { OK: '✓', WARN: '!', BREACH: '✕', NO_DATA: '–' };

/** A guardrail status in words with an icon; colour only repeats what the text says. */
export function StatusBadge({ status, testId }: { status: Status; testId?: string }) {
  return (
    <span className={`snap-status snap-status--${status.toLowerCase()}`} data-testid={testId} data-status={status}>
      <span aria-hidden="true">{ICON[status]}</span>
      {STATUS_TEXT[status]}
    </span>
  );
}
