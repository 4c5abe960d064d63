import type { ReactNode } from 'react';

/** A saved change said in words (announced as a status), with a button to dismiss it. */
export function Confirmation({ testId, onDismiss, children }: { testId: string; onDismiss(): void; children: ReactNode }) {
  return (
    <div className="confirmation" role="status" data-testid={testId}>
      <span className="confirmation__icon" aria-hidden="true">
        ✓
      </span>
      <p>{children}</p>
      <button type="button" className="confirmation__close" onClick={onDismiss} aria-label="Dismiss the confirmation">
        ×
      </button>
    </div>
  );
}
