import { randomBytes } from 'node:crypto';
import { isValidCsrfToken, issueCsrfToken } from './csrf-token';

describe('CSRF tokens', () => {
  const key = randomBytes(32);

  it('accepts a token issued for the same session', () => {
    const token = issueCsrfToken(key, 'session-a');
    expect(isValidCsrfToken(key, 'session-a', token)).toBe(true);
  });

  it('gives each page a different token that is still valid', () => {
    const first = issueCsrfToken(key, 'session-a');
    const second = issueCsrfToken(key, 'session-a');
    expect(first).not.toBe(second);
    expect(isValidCsrfToken(key, 'session-a', second)).toBe(true);
  });

  it('refuses a token from another session, another key, or a tampered one', () => {
    const token = issueCsrfToken(key, 'session-a');
    expect(isValidCsrfToken(key, 'session-b', token)).toBe(false);
    expect(isValidCsrfToken(randomBytes(32), 'session-a', token)).toBe(false);
    expect(isValidCsrfToken(key, 'session-a', `${token.split('.')[0]}.x${token.split('.')[1]}`)).toBe(false);
  });

  it('refuses a missing or malformed token', () => {
    for (const bad of [undefined, '', 'abc', 'a.b.c', 42, ['a.b']]) {
      expect(isValidCsrfToken(key, 'session-a', bad)).toBe(false);
    }
  });
});
