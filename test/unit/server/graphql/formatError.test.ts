import { describe, it, expect } from 'vitest';
import { recordOfVariableError } from '../../../../server/graphql/formatError';

describe('recordOfVariableError', () => {
  it.each([
    [
      'Variable "$m" got invalid value "2025-02-30" at "m[3].date"; Expected type "Date". Date must be a real calendar date written YYYY-MM-DD; got "2025-02-30"',
      { index: 3, field: 'date', message: 'Expected type "Date". Date must be a real calendar date written YYYY-MM-DD; got "2025-02-30"' },
    ],
    [
      'Variable "$input" got invalid value { team: "a", foo: 1 } at "input[0]"; Field "foo" is not defined by type "DailyMetricsInput".',
      { index: 0, field: 'foo', message: 'Field "foo" is not defined by type "DailyMetricsInput".' },
    ],
    [
      'Variable "$input" got invalid value "x" at "input.range.from"; Expected type "Date".',
      { index: 0, field: 'range.from', message: 'Expected type "Date".' },
    ],
    ['Something else entirely', null],
  ])('%s', (message, expected) => {
    expect(recordOfVariableError(message)).toEqual(expected);
  });
});
