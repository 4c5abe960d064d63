// DORA "four keys" with performance bands, so a team can see where it stands.
//
// Band table — source: Google Cloud / DORA, "Accelerate State of DevOps Report 2023",
// software delivery performance clusters (ELITE / HIGH / MEDIUM / LOW):
//
//   metric                        ELITE                 HIGH                           MEDIUM
//   deployment frequency          on demand             between once per day           between once per week
//                                 (multiple per day)    and once per week              and once per month
//   lead time for changes         less than one day     between one day and one week   between one week and one month
//   change failure rate           5%                    10%                            15%      (LOW cluster: 64%)
//   failed deployment             less than one hour    less than one day              between one day and one week
//   recovery time
//
// The report describes clusters, not cut-offs, so we turn them into thresholds:
// LOW is everything worse than MEDIUM; every value falls in exactly one band.
// Boundaries go to the better band for frequency / failure rate (≥ 1 per day is
// ELITE, exactly 5% is ELITE) and to the worse band for durations ("less than one
// day" means exactly one day is HIGH). A month is taken as 30 days.

import { published } from './format';

export const DORA_REPORT_YEAR = 2023;

export type DoraBand = 'ELITE' | 'HIGH' | 'MEDIUM' | 'LOW';

export interface DoraMetric {
  value: number | null;
  unit: string;
  band: DoraBand | null; // null exactly when value is null: no data, no verdict
}

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

/** Band for a "lower is better" duration: value < limit of the first matching band. */
function durationBand(seconds: number, elite: number, high: number, medium: number): DoraBand {
  if (seconds < elite) return 'ELITE';
  if (seconds < high) return 'HIGH';
  if (seconds < medium) return 'MEDIUM';
  return 'LOW';
}

/**
 * Deploys per day over the range.
 * Zero rule: a range of 0 (or negative) days has no frequency → null value, null band.
 */
export function deploymentFrequency(deploys: number, days: number): DoraMetric {
  const unit = 'deploys/day';
  if (!(days > 0)) return { value: null, unit, band: null };
  const value = published('perDay', deploys / days);
  // Bands compare counts, not the rounded rate: once a week is deploys × 7 ≥ days, exactly.
  const band: DoraBand =
    deploys >= days ? 'ELITE' : deploys * 7 >= days ? 'HIGH' : deploys * 30 >= days ? 'MEDIUM' : 'LOW';
  return { value, unit, band };
}

/**
 * Failed deploys / deploys, as a ratio (0.05 = 5%).
 * Zero rule: no deploys → no rate → null value, null band (not 0%, which would read as ELITE).
 */
export function changeFailureRate(deploys: number, failed: number): DoraMetric {
  const unit = 'ratio';
  if (!(deploys > 0)) return { value: null, unit, band: null };
  const value = published('share', failed / deploys);
  const band: DoraBand =
    value <= 0.05 ? 'ELITE' : value <= 0.1 ? 'HIGH' : value <= 0.15 ? 'MEDIUM' : 'LOW';
  return { value, unit, band };
}

/** Median lead time for changes (commit → production), in seconds. null → no data. */
export function leadTime(medianSeconds: number | null): DoraMetric {
  const unit = 'seconds';
  if (medianSeconds === null) return { value: null, unit, band: null };
  return { value: medianSeconds, unit, band: durationBand(medianSeconds, DAY, WEEK, MONTH) };
}

/** Median time to restore / resolve, in seconds. null → no data. */
export function timeToResolve(medianSeconds: number | null): DoraMetric {
  const unit = 'seconds';
  if (medianSeconds === null) return { value: null, unit, band: null };
  return { value: medianSeconds, unit, band: durationBand(medianSeconds, HOUR, DAY, WEEK) };
}

/**
 * Median, the DORA-recommended summary for skewed durations.
 * Empty → null; even count → mean of the two middle values. Does not mutate the input.
 */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] as number; // mid < length because length ≥ 1
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] as number) + hi) / 2;
}
