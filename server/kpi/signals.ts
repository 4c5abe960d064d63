import { published, publishedOrNull } from './format';

/** Sums of the raw signals for one team over a window; every figure is a number, zero when empty. */
export interface SignalSums {
  alerts: number;
  pages: number;
  pageHours: number;
  offHoursPageHours: number;
  sleepPageHours: number;
  sleepInterruptions: number;
  deploys: number;
  failedDeploys: number;
  toilHours: number;
}

/** The KPI figures derived from summed signals; pure, so the same rule serves every view. */
export interface SignalKpis extends SignalSums {
  businessPageHours: number;
  changeFailureRate: number | null;
}

/** n / d, or null when d is 0: a rate over nothing is undefined, not zero. */
export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

/**
 * The published figures of summed signals: hours rounded to the published precision (sums of
 * many float rows carry noise), business hours what is left of page hours after off and sleep
 * hours (never negative).
 */
export function signalKpis(s: SignalSums): SignalKpis {
  const pageHours = published('hours', s.pageHours);
  const offHoursPageHours = published('hours', s.offHoursPageHours);
  const sleepPageHours = published('hours', s.sleepPageHours);
  // Written out field by field rather than spread from `s` (a row as the driver built it): an
  // overview builds hundreds of these, and objects of one literal shape are cheap to copy on.
  return {
    alerts: s.alerts,
    pages: s.pages,
    pageHours,
    offHoursPageHours,
    sleepPageHours,
    sleepInterruptions: s.sleepInterruptions,
    deploys: s.deploys,
    failedDeploys: s.failedDeploys,
    toilHours: published('hours', s.toilHours),
    businessPageHours: published('hours', Math.max(0, pageHours - offHoursPageHours - sleepPageHours)),
    changeFailureRate: publishedOrNull('share', ratio(s.failedDeploys, s.deploys)),
  };
}

/** The signals of several windows added up (windows that do not overlap, e.g. sprints). */
export function addSums(windows: readonly SignalSums[]): SignalSums {
  const total: SignalSums = { alerts: 0, pages: 0, pageHours: 0, offHoursPageHours: 0, sleepPageHours: 0, sleepInterruptions: 0, deploys: 0, failedDeploys: 0, toilHours: 0 };
  for (const w of windows) for (const k of Object.keys(total) as (keyof SignalSums)[]) total[k] += w[k];
  return total;
}

/** True when a window holds any signal at all; a window without one is judged NO_DATA. */
export function hasSignal(s: SignalSums): boolean {
  return s.alerts > 0 || s.pages > 0 || s.pageHours > 0 || s.sleepInterruptions > 0 || s.deploys > 0 || s.failedDeploys > 0 || s.toilHours > 0;
}
