import { describe, expect, it } from 'vitest';
import { describeDelta, formatKpiValue } from '../../../../../client/pages/snapshots/snapshotFormat';
import { fieldErrorsOf } from '../../../../../client/pages/snapshots/fieldErrors';
import { GraphQLRequestError } from '../../../../../client/graphql/request';

describe('describeDelta', () => {
  it.each([
    ['alerts', 6, { direction: 'up', arrow: '▲', short: '+6', spoken: 'up by 6' }],
    ['alerts', -2, { direction: 'down', arrow: '▼', short: '−2', spoken: 'down by 2' }],
    ['opsHours', 3.5, { direction: 'up', arrow: '▲', short: '+3.5 h', spoken: 'up by 3.5 hours' }],
    ['opsHours', -0.04, { direction: 'down', arrow: '▼', short: '−0.04 h', spoken: 'down by 0.04 hours' }],
    ['opsShare', 0.075, { direction: 'up', arrow: '▲', short: '+7.5 pts', spoken: 'up by 7.5 percentage points' }],
    // Below a point, two decimals, so "1.2% → 1.2%" does not read as a tenth of a point.
    ['opsShare', -0.0006, { direction: 'down', arrow: '▼', short: '−0.06 pts', spoken: 'down by 0.06 percentage points' }],
    ['changeFailureRate', null, { direction: 'none', arrow: '', short: '—', spoken: 'not comparable (a side has no value)' }],
    ['alerts', 0, { direction: 'none', arrow: '', short: '0', spoken: 'unchanged' }],
    ['somethingNew', 1.25, { direction: 'up', arrow: '▲', short: '+1.3 h', spoken: 'up by 1.3 hours' }],
  ] as const)('%s %s', (kpi, delta, expected) => {
    expect(describeDelta(kpi, delta)).toEqual(expected);
  });
});

describe('formatKpiValue', () => {
  it.each([
    ['alerts', 18, '18'],
    ['pageHours', 6, '6.0 h'],
    ['opsShare', 0.028, '2.8%'],
    ['changeFailureRate', null, '—'],
    ['toilHours', null, '—'],
  ] as const)('%s %s → %s', (kpi, value, text) => {
    expect(formatKpiValue(kpi, value)).toBe(text);
  });
});

describe('fieldErrorsOf', () => {
  it('puts each bad-input record beside its field, joining several for one field', () => {
    const e = new GraphQLRequestError('Invalid snapshot', {
      code: 'BAD_USER_INPUT',
      records: [
        { index: 0, field: 'label', message: 'must not be empty' },
        { index: 0, field: 'label', message: 'must not contain control characters' },
        { index: 0, field: 'range.from', message: 'must be a real date written YYYY-MM-DD' },
        { index: 0, field: 'range', message: 'spans 2000 days; at most 1098 are allowed' },
        { index: 1, field: 'teams', message: 'no team with slug "nobody"' },
        { index: 0, field: 'teams.3', message: 'must be 1–64 characters of a-z, 0-9 and -' },
        { index: 0, field: 'after', message: 'is not a cursor' },
      ],
    });
    expect(fieldErrorsOf(e)).toEqual({
      label: 'Must not be empty; Must not contain control characters',
      from: 'Must be a real date written YYYY-MM-DD',
      range: 'Spans 2000 days; at most 1098 are allowed',
      teams: 'No team with slug "nobody"; Must be 1–64 characters of a-z, 0-9 and -',
      form: 'after: is not a cursor',
    });
  });

  it('gives any other failure to the form, with its code', () => {
    expect(fieldErrorsOf(new GraphQLRequestError('This needs the "plan" scope.', { code: 'FORBIDDEN' }))).toEqual({
      form: 'This needs the "plan" scope. (FORBIDDEN)',
    });
    expect(fieldErrorsOf(new GraphQLRequestError('Variable "$input" got invalid value', { code: 'BAD_USER_INPUT' }))).toEqual({
      form: 'Variable "$input" got invalid value (BAD_USER_INPUT)',
    });
    expect(fieldErrorsOf(new Error('boom'))).toEqual({ form: 'boom' });
  });
});
