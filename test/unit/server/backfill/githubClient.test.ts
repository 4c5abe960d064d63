import { describe, it, expect } from 'vitest';
import { nextLink } from '../../../../server/backfill/githubClient';

const base = new URL('https://ghe.example.com/api/v3/');

describe('nextLink: the rel="next" page of a GitHub Link header', () => {
  it.each([
    ['next among prev, last and first', '<https://ghe.example.com/api/v3/repositories/1/deployments?page=1>; rel="prev", <https://ghe.example.com/api/v3/repositories/1/deployments?page=3>; rel="next", <https://ghe.example.com/api/v3/repositories/1/deployments?page=9>; rel="last"', 'https://ghe.example.com/api/v3/repositories/1/deployments?page=3'],
    ['the last page has none', '<https://ghe.example.com/api/v3/repositories/1/deployments?page=8>; rel="prev", <https://ghe.example.com/api/v3/repositories/1/deployments?page=1>; rel="first"', null],
    ['no header at all', null, null],
  ])('%s', (_, header, expected) => {
    expect(nextLink(header, base)?.href ?? null).toBe(expected);
  });

  it('refuses to follow a next page on another host, where the token would go', () => {
    expect(() => nextLink('<https://evil.example.net/page2>; rel="next"', base)).toThrow('not following it with the token');
  });
});
