import type { SignalSums } from './queries';

/** The KPI figures derived from summed signals; pure, so the same rule serves every view. */
export interface SignalKpis extends SignalSums {
  businessPageHours: number;
  changeFailureRate: number | null;
}

/** n / d, or null when d is 0: a rate over nothing is undefined, not zero. */
export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

/** Business hours are what is left of page hours after off and sleep hours (never negative). */
export function signalKpis(s: SignalSums): SignalKpis {
  return {
    ...s,
    businessPageHours: Math.max(0, s.pageHours - s.offHoursPageHours - s.sleepPageHours),
    changeFailureRate: ratio(s.failedDeploys, s.deploys),
  };
}
