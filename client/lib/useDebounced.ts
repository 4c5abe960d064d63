import { useEffect, useState } from 'react';

/**
 * `value`, once it has stopped changing for `ms` milliseconds. Compared by JSON, so a new object
 * with the same content does not restart the wait.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => clearTimeout(t);
  }, [key, ms]);
  return settled;
}
