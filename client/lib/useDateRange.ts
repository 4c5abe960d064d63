import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DateRange } from '../graphql/operations';
import { localToday, parseRange, presetOf, withRangeParams, type Preset } from './dateRange';

export interface DateRangeState {
  range: DateRange;
  today: string;
  /** The preset matching the range, or undefined for a custom range. */
  preset: Preset | undefined;
  /** False when the URL held a range that was refused and the default is shown instead. */
  urlValid: boolean;
  setRange(range: DateRange): void;
}

/** The page's date range, kept in the URL (`?from=YYYY-MM-DD&to=YYYY-MM-DD`); bad values fall back to the default. */
export function useDateRange(): DateRangeState {
  const [params, setParams] = useSearchParams();
  const today = localToday();
  const parsed = useMemo(() => parseRange(params, today), [params, today]);
  const { from, to } = parsed.range;
  const range = useMemo(() => ({ from, to }), [from, to]);

  const setRange = useCallback(
    (next: DateRange) => setParams((current) => withRangeParams(current, next)),
    [setParams],
  );

  return { range, today, preset: presetOf(range, today), urlValid: parsed.valid, setRange };
}
