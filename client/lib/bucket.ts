import type { Bucket, DateRange } from '../graphql/operations';
import { daysInRange } from './dateRange';

/** Longest range still drawn with one point per day by default (about six weeks). */
export const MAX_DAILY_DAYS = 45;

/** The `bucket` URL parameter when valid, else day points for short ranges and week points beyond. */
export function bucketFor(param: string | null, range: DateRange): Bucket {
  if (param === 'DAY' || param === 'WEEK' || param === 'SPRINT') return param;
  return daysInRange(range) <= MAX_DAILY_DAYS ? 'DAY' : 'WEEK';
}

/** "day", "week", "sprint": what one point of a series covers. */
export function bucketWord(bucket: Bucket): string {
  return bucket === 'DAY' ? 'day' : bucket === 'WEEK' ? 'week' : 'sprint';
}
