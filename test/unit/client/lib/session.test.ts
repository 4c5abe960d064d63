import { describe, expect, it } from 'vitest';
import { codeFromHash, safeNext, signInPath } from '../../../../client/lib/session';

describe('codeFromHash', () => {
  it.each([
    ['#code=abc_123-x', 'abc_123-x'],
    ['code=abc', 'abc'],
    ['#a=1&code=xyz', 'xyz'],
    ['#code=%20spaced%20', 'spaced'],
    ['#code=', null],
    ['#codes=x', null],
    // Sign-in links no longer carry tokens: a token in the address bar is not taken.
    ['#token=hr_abc123', null],
    ['', null],
  ])('%j → %j', (hash, want) => expect(codeFromHash(hash)).toBe(want));
});

describe('safeNext', () => {
  it.each([
    ['/teams/payments?from=2026-01-01&to=2026-01-28', '/teams/payments?from=2026-01-01&to=2026-01-28'],
    ['/', '/'],
    [null, '/'],
    ['', '/'],
    // Anything that could leave the site is refused.
    ['https://evil.example/', '/'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/teams/x\n', '/'],
    // Never back to the sign-in page itself.
    ['/signin', '/'],
    ['/signin?next=/x', '/'],
    ['/signin#token=hr_x', '/'],
    ['/signing-up', '/signing-up'],
  ])('%j → %j', (next, want) => expect(safeNext(next)).toBe(want));
});

describe('signInPath', () => {
  it('comes back to the page and its query afterwards', () => {
    expect(signInPath('/teams/payments', '?from=2026-01-01&to=2026-01-28')).toBe('/signin?next=%2Fteams%2Fpayments%3Ffrom%3D2026-01-01%26to%3D2026-01-28');
  });

  it('needs no next for the overview or the sign-in page', () => {
    expect(signInPath('/')).toBe('/signin');
    expect(signInPath('/signin', '?next=%2Fx')).toBe('/signin');
  });
});
