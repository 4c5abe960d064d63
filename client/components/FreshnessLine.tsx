import { useEffect, useState } from 'react';
import { FRESHNESS } from '../graphql/operations';
import { freshnessText } from '../lib/freshness';
import { LIVE_REFRESH_MS } from '../lib/queryClient';
import { useQuery } from '../lib/useQuery';

const NO_VARS = {};

/** One line under the page title saying how current the figures are, per source. */
export function FreshnessLine() {
  const q = useQuery(FRESHNESS, NO_VARS, { refetchInterval: LIVE_REFRESH_MS });
  // Re-read the clock each minute so "5 min ago" does not go stale on an open tab (not announced:
  // a line that changes every minute must not interrupt a screen reader).
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(t);
  }, []);

  let text: string;
  if (q.error) text = `Data freshness unknown: ${q.error.message}`;
  else if (!q.data) text = 'Checking how current the data is…';
  else text = freshnessText(q.data.freshness, now);

  return (
    <p className={`freshness${q.error ? ' freshness--error' : ''}`} data-testid="freshness">
      <span className="freshness__icon" aria-hidden="true">
        ◷
      </span>{' '}
      {text}
      {q.data && q.data.freshness.length > 0 && (
        <span className="sr-only"> Times are when each source last sent data.</span>
      )}
    </p>
  );
}
