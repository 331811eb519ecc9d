import { randomInt } from 'node:crypto';
import { passwordProblems } from '../../identity/password-policy';

// No 0/O, 1/l/I: the administrator may have to read it out.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random first password for a new user, in groups of four (about 95 bits), meeting the password policy. */
export function temporaryPassword(context: { email: string; name: string }): string {
  for (;;) {
    const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const password = chars.replace(/(.{4})(?!$)/g, '$1-');
    if (passwordProblems(password, context).length === 0) return password;
  }
}
