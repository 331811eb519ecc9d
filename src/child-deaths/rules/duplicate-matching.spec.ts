import { DeathIdentity, findMatchingCase, matchDeath } from './duplicate-matching';

const hospital: DeathIdentity = {
  nhsNumber: '943 476 5919',
  givenName: 'Olivia',
  familyName: 'Khan',
  dateOfBirth: '2025-11-02',
  dateOfDeath: '2026-03-14',
};

describe('matchDeath', () => {
  it('matches on the NHS number however it was typed, whatever the names say', () => {
    expect(matchDeath({ ...hospital, nhsNumber: '943-476-5919', givenName: 'Baby' }, hospital)).toEqual({
      match: true,
      basis: 'nhs-number',
      score: 1,
    });
  });

  it('never matches two different NHS numbers', () => {
    expect(matchDeath({ ...hospital, nhsNumber: '9990000018' }, hospital)).toEqual({
      match: false,
      basis: 'nhs-number',
      score: 0,
    });
  });

  it('falls back to names and both dates when either notification has no NHS number', () => {
    const police = { ...hospital, nhsNumber: undefined, givenName: 'OLIVAI', familyName: 'Khan ' };
    const result = matchDeath(police, hospital);
    expect(result).toMatchObject({ match: true, basis: 'name-dob-dod' });
    expect(result.score).toBeGreaterThan(0.95);
  });

  it('matches names recorded the wrong way round or with accents', () => {
    expect(
      matchDeath({ ...hospital, nhsNumber: '', givenName: 'Khan', familyName: 'Olivia' }, hospital).match,
    ).toBe(true);
    expect(matchDeath({ ...hospital, nhsNumber: null, givenName: 'Olívia' }, hospital).match).toBe(true);
  });

  it('does not match when either date differs, even with the same name', () => {
    expect(matchDeath({ ...hospital, nhsNumber: undefined, dateOfDeath: '2026-03-15' }, hospital)).toEqual({
      match: false,
      basis: 'name-dob-dod',
      score: 0,
    });
    expect(matchDeath({ ...hospital, nhsNumber: undefined, dateOfBirth: '2025-11-03' }, hospital).match).toBe(
      false,
    );
  });

  it('keeps apart twins whose names differ by a letter', () => {
    const jack = { ...hospital, nhsNumber: undefined, givenName: 'Jack' };
    const result = matchDeath(jack, { ...jack, givenName: 'Jake' });
    expect(result.match).toBe(false);
    expect(result.score).toBeGreaterThan(0.8);
  });
});

describe('findMatchingCase', () => {
  const cases = [
    {
      caseId: 'c-1',
      identity: { ...hospital, nhsNumber: undefined, givenName: 'Olivia', familyName: 'Kahn' },
    },
    { caseId: 'c-2', identity: hospital },
  ];

  it('prefers an NHS number match over a name match', () => {
    expect(findMatchingCase(hospital, cases)).toMatchObject({ caseId: 'c-2', basis: 'nhs-number' });
  });

  it('returns the best name match, or null when nothing matches', () => {
    const candidate = { ...hospital, nhsNumber: undefined };
    expect(findMatchingCase(candidate, cases)).toMatchObject({ caseId: 'c-2', score: 1 });
    expect(findMatchingCase({ ...candidate, familyName: 'Jones' }, cases)).toBeNull();
  });
});
