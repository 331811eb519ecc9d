import { createHash, randomBytes } from 'node:crypto';

/** A new random credential (bearer token or session id): 256 bits, URL-safe. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What is stored instead of the credential itself. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
