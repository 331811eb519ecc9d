import { ageInCompletedYears, ageInDays } from './age';

describe('age at death', () => {
  it('counts whole days, including a death on the day of birth', () => {
    expect(ageInDays('2024-02-28', '2024-03-01')).toBe(2);
    expect(ageInDays('2025-06-01', '2025-06-01')).toBe(0);
    expect(ageInDays('2024-03-30', '2024-03-31')).toBe(1);
  });

  it('gives no age when a date is not a real date', () => {
    expect(ageInDays('2024-02-30', '2024-03-01')).toBeUndefined();
    expect(ageInCompletedYears('2024-01-01', '01/03/2024')).toBeUndefined();
  });

  it('counts completed years, a birthday completing the year', () => {
    expect(ageInCompletedYears('2010-05-20', '2026-05-19')).toBe(15);
    expect(ageInCompletedYears('2010-05-20', '2026-05-20')).toBe(16);
    expect(ageInCompletedYears('2025-12-31', '2026-01-01')).toBe(0);
  });

  it('treats 1 March as the birthday of a child born on 29 February in other years', () => {
    expect(ageInCompletedYears('2012-02-29', '2025-02-28')).toBe(12);
    expect(ageInCompletedYears('2012-02-29', '2025-03-01')).toBe(13);
  });
});
