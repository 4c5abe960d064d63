import { formatHours } from '../../lib/format';

export interface BreakdownPart {
  key: string;
  label: string;
  color: string;
  hours: number;
  testId?: string;
}

/** A total split into parts: a bar for the eye, and every part in words with its hours. */
export function Breakdown({ parts, total }: { parts: readonly BreakdownPart[]; total: number }) {
  return (
    <dd className="breakdown">
      <div className="breakdown__bar" aria-hidden="true">
        {total > 0 && parts.map((p) => <span key={p.key} style={{ width: `${(p.hours / total) * 100}%`, background: p.color }} />)}
      </div>
      <ul className="breakdown__list">
        {parts.map((p) => (
          <li key={p.key}>
            <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
            {p.label} <strong data-testid={p.testId}>{formatHours(p.hours)}</strong> h
          </li>
        ))}
      </ul>
    </dd>
  );
}
