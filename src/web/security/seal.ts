import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) of a small JSON value with an expiry, for state the browser
 * holds but must not read or alter.
 */
export function seal(key: Buffer, value: unknown, ttlSeconds: number, now = Date.now()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const plain = JSON.stringify({ v: value, exp: now + ttlSeconds * 1000 });
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

/** The sealed value, or undefined when it was altered, sealed with another key, or has expired. */
export function unseal<T>(key: Buffer, sealed: unknown, now = Date.now()): T | undefined {
  if (typeof sealed !== 'string' || sealed.length > 4000) return undefined;
  const [iv, tag, body, ...rest] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body || rest.length || iv.length !== 12 || tag.length !== 16) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    const parsed = JSON.parse(plain) as { v: T; exp: number };
    return parsed.exp > now ? parsed.v : undefined;
  } catch {
    return undefined;
  }
}
