import { describe, it, expect } from 'vitest';
import { isConnectionError, isPoolBusy } from '../../../../server/core/databaseErrors';

describe('isConnectionError', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '57P01' }, true],
    [{ code: '08006' }, true],
    [{ name: 'KnexTimeoutError' }, true],
    [{ message: 'Connection terminated unexpectedly' }, true],
    [{ message: 'wrapped', cause: { code: 'ECONNRESET' } }, true],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }, false],
    [{ code: '42P01' }, false],
    [null, false],
  ])('%j → %s', (e, expected) => {
    expect(isConnectionError(e)).toBe(expected);
  });
});

describe('isPoolBusy', () => {
  it.each([
    [{ name: 'KnexTimeoutError', message: 'Knex: Timeout acquiring a connection. The pool is probably full.' }, true],
    [{ name: 'KnexTimeoutError', message: 'Defined query timeout of 100ms exceeded' }, false],
    [{ code: 'ECONNREFUSED' }, false],
    [null, false],
  ])('%j → %s', (e, expected) => {
    expect(isPoolBusy(e)).toBe(expected);
  });
});
