import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A table's horizontal scroll area (.table-scroll). When its content is wider than it, it becomes a
 * named, focusable region so keyboard users can scroll it with the arrow keys (WCAG 2.1.1; axe's
 * scrollable-region-focusable); when everything fits, it adds no tab stop.
 */
export function ScrollArea({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setScrollable(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={ref}
      className={['table-scroll', className].filter(Boolean).join(' ')}
      {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (scrolls sideways)` } : {})}
    >
      {children}
    </div>
  );
}
