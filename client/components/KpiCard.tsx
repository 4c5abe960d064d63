import type { ReactNode } from 'react';

export interface KpiCardProps {
  label: string;
  /** The formatted figure. */
  value: string;
  unit?: string;
  /** What the figure means. */
  hint?: string;
  testId: string;
  children?: ReactNode;
  /** Twice as wide as a plain card (a card with a breakdown). */
  wide?: boolean;
  className?: string;
}

/** One headline figure: label, value with unit, and what it means. */
export function KpiCard({ label, value, unit, hint, testId, children, wide, className }: KpiCardProps) {
  return (
    <div className={['kpi-card', wide && 'kpi-card--wide', className].filter(Boolean).join(' ')}>
      <dt className="kpi-card__label">{label}</dt>
      <dd className="kpi-card__value">
        <span data-testid={testId}>{value}</span>
        {unit && value !== '—' && <span className="kpi-card__unit"> {unit}</span>}
      </dd>
      {hint && <dd className="kpi-card__hint">{hint}</dd>}
      {children}
    </div>
  );
}
