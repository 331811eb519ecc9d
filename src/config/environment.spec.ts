import { loadEnvironment, EnvironmentError } from './environment';

describe('loadEnvironment', () => {
  it('applies the documented defaults when nothing is set', () => {
    const env = loadEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./.data');
    expect(env.MFA_REQUIRED_ROLES).toEqual(['system-admin', 'cdop-admin']);
    expect(env.LOGIN_LOCKOUT_ATTEMPTS).toBe(5);
  });

  it('stops with a reason naming PORT when it is not a number', () => {
    expect(() => loadEnvironment({ PORT: 'abc' })).toThrow(EnvironmentError);
    expect(() => loadEnvironment({ PORT: 'abc' })).toThrow(/PORT must be a whole number/);
  });

  it('names an unknown role in MFA_REQUIRED_ROLES', () => {
    expect(() => loadEnvironment({ MFA_REQUIRED_ROLES: 'system-admin,wizard' })).toThrow(
      /MFA_REQUIRED_ROLES/,
    );
  });

  it('accepts an empty MFA_REQUIRED_ROLES as no roles', () => {
    expect(loadEnvironment({ MFA_REQUIRED_ROLES: '' }).MFA_REQUIRED_ROLES).toEqual([]);
  });

  it('refuses a plain http public address in production', () => {
    expect(() => loadEnvironment({ NODE_ENV: 'production', PUBLIC_URL: 'http://portal.example' })).toThrow(
      /PUBLIC_URL must be an https/,
    );
  });
});
