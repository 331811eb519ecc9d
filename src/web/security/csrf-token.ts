import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * CSRF tokens as `nonce.mac`, where mac = HMAC-SHA256(key, binding + nonce). The binding is the session
 * cookie (synchroniser token tied to the session) or, before sign-in, a random cookie (signed double
 * submit). A fresh nonce per page keeps each rendered token different, so compression cannot leak it.
 */
export function issueCsrfToken(key: Buffer, binding: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${mac(key, binding, nonce)}`;
}

export function isValidCsrfToken(key: Buffer, binding: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length > 200) return false;
  const [nonce, given, ...rest] = token.split('.');
  if (!nonce || !given || rest.length) return false;
  const expected = Buffer.from(mac(key, binding, nonce));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function mac(key: Buffer, binding: string, nonce: string): string {
  return createHmac('sha256', key).update(`${binding}\n${nonce}`).digest('base64url');
}
