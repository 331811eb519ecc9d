import { ageAtDeath, assessScope, checkDeathDates, ScopeInput } from './scope';

const liveborn: ScopeInput = {
  dateOfBirth: '2025-01-10',
  dateOfDeath: '2025-03-01',
  stillbirth: false,
  medicalAttendance: true,
  lawfulTermination: false,
};

describe('assessScope', () => {
  it('accepts a liveborn baby and gives the age at death', () => {
    expect(assessScope(liveborn)).toEqual({ inScope: true, ageAtDeath: { days: 50, years: 0 } });
  });

  it('refuses a stillbirth with medical attendance, saying why', () => {
    const decision = assessScope({ ...liveborn, dateOfDeath: '2025-01-10', stillbirth: true });
    expect(decision).toMatchObject({ inScope: false, reason: 'stillbirth-with-medical-attendance' });
    expect(decision.inScope || decision.message).toMatch(/healthcare professional/);
  });

  it('accepts a stillbirth with no healthcare professional present', () => {
    const decision = assessScope({
      ...liveborn,
      dateOfDeath: '2025-01-10',
      stillbirth: true,
      medicalAttendance: false,
    });
    expect(decision).toEqual({ inScope: true, ageAtDeath: { days: 0, years: 0 } });
  });

  it('refuses a lawful termination of pregnancy', () => {
    expect(assessScope({ ...liveborn, lawfulTermination: true })).toMatchObject({
      inScope: false,
      reason: 'lawful-termination',
    });
  });

  it('accepts a death the day before the 18th birthday and refuses one on it', () => {
    const young = { ...liveborn, dateOfBirth: '2007-06-15' };
    expect(assessScope({ ...young, dateOfDeath: '2025-06-14' })).toMatchObject({
      inScope: true,
      ageAtDeath: { years: 17 },
    });
    const adult = assessScope({ ...young, dateOfDeath: '2025-06-15' });
    expect(adult).toMatchObject({ inScope: false, reason: 'age-18-or-over' });
    expect(adult.inScope || adult.message).toMatch(/was 18 at death/);
  });
});

describe('ageAtDeath', () => {
  it('counts days and completed years', () => {
    expect(ageAtDeath('2020-02-29', '2024-02-28')).toEqual({ days: 1460, years: 3 });
    expect(ageAtDeath('2020-02-29', '2024-02-29')).toEqual({ days: 1461, years: 4 });
  });
});

describe('checkDeathDates', () => {
  const today = '2025-05-20';

  it('passes sound dates, including birth and death on the same day and death today', () => {
    expect(checkDeathDates({ dateOfBirth: '2025-05-20', dateOfDeath: '2025-05-20', today })).toEqual([]);
  });

  it('names the death date when it is before the birth', () => {
    expect(checkDeathDates({ dateOfBirth: '2025-01-10', dateOfDeath: '2025-01-09', today })).toEqual([
      { field: 'dateOfDeath', message: 'Date of death cannot be before the date of birth' },
    ]);
  });

  it('refuses future dates', () => {
    expect(checkDeathDates({ dateOfBirth: '2025-05-21', dateOfDeath: '2025-05-22', today })).toEqual([
      { field: 'child.dateOfBirth', message: 'Date of birth cannot be in the future' },
      { field: 'dateOfDeath', message: 'Date of death cannot be in the future' },
    ]);
  });

  it('refuses dates that do not exist or are not YYYY-MM-DD', () => {
    expect(
      checkDeathDates({ dateOfBirth: '2025-02-30', dateOfDeath: '20/05/2025', today }).map((p) => p.field),
    ).toEqual(['child.dateOfBirth', 'dateOfDeath']);
  });
});
