import { BadInputError } from '../graphql/errors';
import { dateRangeProblems, type DateRange } from './dateRange';

/** Validates a DateRange argument, or throws BAD_USER_INPUT naming each problem. */
export function checkedRange(range: DateRange): DateRange {
  const problems = dateRangeProblems(range);
  if (problems.length) {
    throw new BadInputError(
      `Invalid range: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      problems.map((p) => ({ index: 0, ...p })),
    );
  }
  return range;
}
