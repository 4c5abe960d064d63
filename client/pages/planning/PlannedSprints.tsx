import { formatHours, formatShare, formatShortDate } from '../../lib/format';
import type { PlannedSprint } from './operations';

/** Sprints not finished yet, soonest first: the running one and those accepted ahead. */
export function PlannedSprints({ sprints }: { sprints: readonly PlannedSprint[] }) {
  if (sprints.length === 0) return <p className="field-hint" data-testid="planned-none">No sprint is running or planned ahead.</p>;
  return (
    <ul className="planned-list" data-testid="planned-sprints">
      {[...sprints].reverse().map((s) => (
        <li key={s.name}>
          <strong>{s.name}</strong> · {formatShortDate(s.startDate)} – {formatShortDate(s.endDate)} · {formatHours(s.capacityHours)} h capacity ·{' '}
          {s.reservedOpsHours == null ? 'nothing reserved' : `${formatHours(s.reservedOpsHours)} h (${formatShare(s.reservedOpsShare)}) reserved for ops`}
        </li>
      ))}
    </ul>
  );
}
