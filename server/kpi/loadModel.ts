// Turns raw operational signals into hours of ops load.
// Every component is expressed in hours so that they can be added and compared
// with sprint capacity; the breakdown is the single source of the total.

import { published, publishedOrNull } from './format';

export interface LoadModel {
  /** Multiplier for page hours during business hours. */
  businessWeight: number;
  /** Multiplier for page hours outside business hours (evenings, weekends). */
  offHoursWeight: number;
  /** Multiplier for page hours that interrupted sleep. */
  sleepWeight: number;
  /** Triage cost of a single non-paging alert. */
  minutesPerAlert: number;
  /** Rollback / fix-forward cost of a failed deploy. */
  hoursPerFailedDeploy: number;
  /** Cap applied upstream (hour classification) so one runaway page cannot dominate. */
  maxHoursPerPage: number;
}

// Neutral weights: an hour of paging costs an hour, whatever the time of day.
// Teams that want to penalise night pages raise sleepWeight explicitly.
export const DEFAULT_LOAD_MODEL: LoadModel = {
  businessWeight: 1,
  offHoursWeight: 1,
  sleepWeight: 1,
  minutesPerAlert: 5,
  hoursPerFailedDeploy: 2,
  maxHoursPerPage: 8,
};

export interface LoadSignals {
  businessPageHours: number;
  offHoursPageHours: number;
  sleepPageHours: number;
  alerts: number;
  failedDeploys: number;
  toilHours: number;
}

export interface OpsBreakdown {
  pages: number;
  alerts: number;
  failedDeploys: number;
  toil: number;
}

/** Ops load per source, in hours, each part as published (rounded, see format.ts). */
export function opsBreakdown(s: LoadSignals, m: LoadModel): OpsBreakdown {
  return {
    pages: published(
      'hours',
      s.businessPageHours * m.businessWeight + s.offHoursPageHours * m.offHoursWeight + s.sleepPageHours * m.sleepWeight,
    ),
    alerts: published('hours', (s.alerts * m.minutesPerAlert) / 60),
    failedDeploys: published('hours', s.failedDeploys * m.hoursPerFailedDeploy),
    toil: published('hours', s.toilHours),
  };
}

/**
 * Total ops hours. Always derived from the breakdown (never computed separately)
 * so that the parts shown in the UI add up exactly to the headline number.
 */
export function opsHours(b: OpsBreakdown): number {
  // The parts are already rounded; rounding the sum only strips the noise of adding them.
  return published('hours', b.pages + b.alerts + b.failedDeploys + b.toil);
}

/**
 * Fraction of capacity spent on ops.
 * Zero rule: with no capacity (or a nonsensical negative / non-finite one) the
 * share is undefined → null, never Infinity or NaN. Callers treat null as "unknown".
 */
export function opsShare(opsHours: number, capacityHours: number): number | null {
  if (!Number.isFinite(capacityHours) || capacityHours <= 0) return null;
  if (!Number.isFinite(opsHours)) return null;
  return publishedOrNull('share', opsHours / capacityHours);
}
