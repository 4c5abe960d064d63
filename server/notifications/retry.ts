/**
 * When a failed delivery is tried again: 1 min, 5 min, 30 min, 2 h, 12 h after the 1st to 5th
 * failed attempt; the 6th failure gives up (FAILED). About 15 hours of an unreachable receiver are
 * covered, and a receiver back within minutes gets its message within minutes.
 */
export const RETRY_DELAYS_SECONDS = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600] as const;

/** Attempts in all, the first one included. */
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** Seconds to wait after `attempts` failed attempts (1-based), or null when it is time to give up. */
export function retryDelaySeconds(attempts: number): number | null {
  return attempts >= 1 && attempts <= RETRY_DELAYS_SECONDS.length ? RETRY_DELAYS_SECONDS[attempts - 1] : null;
}

/** How long one request may take before it counts as a failed attempt. */
export const SEND_TIMEOUT_MS = 10_000;
