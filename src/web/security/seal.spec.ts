import { randomBytes } from 'node:crypto';
import { seal, unseal } from './seal';

describe('sealed browser state', () => {
  const key = randomBytes(32);

  it('gives back what was sealed before it expires', () => {
    const sealed = seal(key, { email: 'a@example.org' }, 300, 1_000);
    expect(unseal(key, sealed, 1_000 + 299_000)).toEqual({ email: 'a@example.org' });
  });

  it('does not reveal the value in the sealed text', () => {
    expect(seal(key, { password: 'correct horse battery' }, 300)).not.toMatch(/horse/);
  });

  it('refuses it once expired, altered, or under another key', () => {
    const sealed = seal(key, { email: 'a@example.org' }, 300, 1_000);
    expect(unseal(key, sealed, 1_000 + 300_000)).toBeUndefined();
    expect(unseal(randomBytes(32), sealed, 1_000)).toBeUndefined();
    const [iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(unseal(key, [iv, tag, flipped.toString('base64url')].join('.'), 1_000)).toBeUndefined();
    expect(unseal(key, 'not sealed', 1_000)).toBeUndefined();
  });
});
