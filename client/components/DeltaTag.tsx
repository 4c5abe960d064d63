import type { Delta } from '../lib/delta';

const ARROW = { up: '▲', down: '▼', flat: '▬' } as const;

/**
 * A change against the previous period: an arrow and a short figure, read out in full
 * ("up 12% from previous period"). More ops load is shown as worse, less as better.
 */
export function DeltaTag({ delta, testId }: { delta: Delta | null; testId?: string }) {
  if (!delta) return null;
  return (
    <span className={`delta delta--${delta.direction}`} data-testid={testId} title={delta.text}>
      <span aria-hidden="true">
        {ARROW[delta.direction]} {delta.short}
      </span>
      <span className="sr-only">{delta.text}</span>
    </span>
  );
}
