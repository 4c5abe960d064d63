import { describe, it, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { signature, signatureHeader, verifySignature } from '../../../../server/notifications/signature';

const SECRET = 'hrwh_test-secret';
const BODY = '{"id":"1","event":"test"}';
const T = 1_764_633_600;

describe('X-Headroom-Signature', () => {
  it('is HMAC-SHA256 of "<t>.<body>" in hex, as the README tells receivers to compute it', () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(signature(SECRET, T, BODY)).toBe(expected);
    expect(signatureHeader(SECRET, T, BODY)).toBe(`t=${T},v1=${expected}`);
  });

  it.each([
    ['the header as sent', signatureHeader(SECRET, T, BODY), BODY, T, true],
    ['with spaces after the comma', signatureHeader(SECRET, T, BODY).replace(',', ', '), BODY, T, true],
    ['at the edge of the 5-minute tolerance', signatureHeader(SECRET, T, BODY), BODY, T + 300, true],
    ['older than 5 minutes (a replay)', signatureHeader(SECRET, T, BODY), BODY, T + 301, false],
    ['a changed body', signatureHeader(SECRET, T, BODY), BODY.replace('test', 'tast'), T, false],
    ['another secret', signatureHeader('another', T, BODY), BODY, T, false],
    ['the timestamp changed but not the MAC', signatureHeader(SECRET, T, BODY).replace(`t=${T}`, `t=${T + 1}`), BODY, T, false],
    ['no header', undefined, BODY, T, false],
    ['a malformed header', 'v1=abc', BODY, T, false],
  ])('%s → %s', (_name, header, body, now, valid) => {
    expect(verifySignature(SECRET, header, body, now)).toBe(valid);
  });
});
