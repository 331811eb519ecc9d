import { passwordProblems } from './password-policy';

describe('password policy', () => {
  it.each(['short pass1', 'abc'])('refuses %p as shorter than 12 characters', (password) => {
    expect(passwordProblems(password)).toEqual(['password must be at least 12 characters']);
  });

  it.each([
    'password1234',
    'Password1234!',
    'P@ssw0rd2026!!',
    'qwertyuiop123',
    '123456789012',
    '111111111111',
    'abcabcabcabc',
    'Summer2026!!!',
    'passwordpassword',
    'Safeguarding2026',
    'correcthorsebatterystaple',
  ])('refuses the guessable %p', (password) => {
    expect(passwordProblems(password)[0]).toMatch(/too common or too easy to guess/);
  });

  it.each(['plum kettle orbit 42', 'Tiny-Harbour-Violin-7', 'v8#Kq2!mZr4@Lp'])('accepts %p', (password) => {
    expect(passwordProblems(password)).toEqual([]);
  });

  it('refuses a password containing the person’s name or email', () => {
    expect(passwordProblems('kettle-okafor-orbit', { name: 'Grace Okafor' })).toEqual([
      'password must not contain your name or email address',
    ]);
    expect(passwordProblems('gokafor kettle orbit', { email: 'gokafor@example.org' })).toHaveLength(1);
  });
});
