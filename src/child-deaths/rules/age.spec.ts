import { ageInYears, birthday } from './age';

describe('ageInYears', () => {
  it('reaches a new age on the birthday itself, not before', () => {
    expect(ageInYears('2007-06-15', '2025-06-14')).toBe(17);
    expect(ageInYears('2007-06-15', '2025-06-15')).toBe(18);
    expect(ageInYears('2025-12-31', '2026-01-01')).toBe(0);
  });

  it('treats 1 March as the birthday of someone born on 29 February in a common year', () => {
    expect(birthday('2008-02-29', 17)).toBe('2025-03-01');
    expect(ageInYears('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageInYears('2008-02-29', '2025-03-01')).toBe(17);
    expect(birthday('2008-02-29', 16)).toBe('2024-02-29');
  });
});
