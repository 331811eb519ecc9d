import { passwordProblems } from '../../identity/password-policy';
import { temporaryPassword } from './temporary-password';

describe('temporary passwords for invited users', () => {
  it('meets the password policy and is different every time', () => {
    const context = { email: 'sam.patel@northshire.gov.uk', name: 'Sam Patel' };
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const password = temporaryPassword(context);
      expect(password).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
      expect(passwordProblems(password, context)).toEqual([]);
      seen.add(password);
    }
    expect(seen.size).toBe(50);
  });
});
