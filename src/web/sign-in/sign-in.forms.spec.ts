import { safeReturnTo } from './sign-in.forms';

describe('returnTo after sign-in', () => {
  it('keeps a path on this service, with its query', () => {
    expect(safeReturnTo('/admin/users?page=2')).toBe('/admin/users?page=2');
  });

  it('never sends the user to another site or back to sign-in', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'admin',
      '/sign-in',
      '/sign-out',
      7,
    ]) {
      expect(safeReturnTo(bad)).toBe('/');
    }
  });
});
