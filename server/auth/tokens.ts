import { createHash, randomBytes } from 'node:crypto';

/** A new secret: 32 random bytes, base64url, with a prefix that secret scanners can recognise. */
export function newSecret(): string {
  return `hr_${randomBytes(32).toString('base64url')}`;
}

/** Only this hash is stored. SHA-256 suffices: the secret has 256 bits of entropy, nothing to brute-force. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
