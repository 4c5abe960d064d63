import { describe, it, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { hmacSha256Hex, verifyGitHubSignature, verifyPagerDutySignature } from '../../../../server/webhooks/signature';

const secret = "It's a Secret to Everybody";
const body = Buffer.from('Hello, World!');
// GitHub's documented test vector for this secret and payload.
const GITHUB_DOC_DIGEST = '757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
const good = createHmac('sha256', secret).update(body).digest('hex');
const other = createHmac('sha256', 'another secret').update(body).digest('hex');

describe('hmacSha256Hex', () => {
  it('matches GitHub’s documented example', () => {
    expect(hmacSha256Hex(secret, body)).toBe(GITHUB_DOC_DIGEST);
  });
});

describe('verifyPagerDutySignature', () => {
  const cases: [string, string | undefined, boolean][] = [
    ['one valid v1 signature', `v1=${good}`, true],
    ['valid signature second of two (secret rotation)', `v1=${other},v1=${good}`, true],
    ['valid signature first of two', `v1=${good},v1=${other}`, true],
    ['spaces after commas', `v1=${other}, v1=${good}`, true],
    ['upper-case hex', `v1=${good.toUpperCase()}`, true],
    ['missing header', undefined, false],
    ['empty header', '', false],
    ['signature of another secret', `v1=${other}`, false],
    ['right digest, unknown version', `v2=${good}`, false],
    ['no version prefix', good, false],
    ['truncated digest', `v1=${good.slice(0, 63)}`, false],
    ['digest with extra characters', `v1=${good}00`, false],
    ['empty digest', 'v1=', false],
    ['GitHub-style prefix', `sha256=${good}`, false],
  ];
  it.each(cases)('%s', (_name, header, expected) => {
    expect(verifyPagerDutySignature(body, header, secret)).toBe(expected);
  });

  it('refuses a body changed by a single byte', () => {
    expect(verifyPagerDutySignature(Buffer.from('Hello, World?'), `v1=${good}`, secret)).toBe(false);
  });
});

describe('verifyGitHubSignature', () => {
  const cases: [string, string | undefined, boolean][] = [
    ['documented example', `sha256=${GITHUB_DOC_DIGEST}`, true],
    ['missing header', undefined, false],
    ['empty header', '', false],
    ['signature of another secret', `sha256=${other}`, false],
    ['SHA-1 style header', `sha1=${good}`, false],
    ['no prefix', good, false],
    ['truncated digest', `sha256=${good.slice(0, 10)}`, false],
    ['PagerDuty-style prefix', `v1=${good}`, false],
    ['two signatures are not a GitHub format', `sha256=${good},sha256=${other}`, false],
  ];
  it.each(cases)('%s', (_name, header, expected) => {
    expect(verifyGitHubSignature(body, header, secret)).toBe(expected);
  });
});
