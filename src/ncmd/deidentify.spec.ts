import { deidentifyCase, pseudonymFor } from './deidentify';
import type { NcmdCase } from './export-case';
import { mapToNcmdCase } from './mappings';
import { reviewedCaseSource } from './testing/reviewed-case-source';
import { validateDeidentifiedCase } from './validate';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

function ncmdCase(): NcmdCase {
  const result = mapToNcmdCase(reviewedCaseSource());
  if (!result.mapped) throw new Error('expected a mapped case');
  return result.candidate as NcmdCase;
}

describe('pseudonymFor', () => {
  it('is stable for a case and secret, and differs between cases and between secrets', () => {
    const id = '3f6c2a9e-8d41-4c7b-9a55-1e2f3d4c5b6a';
    expect(pseudonymFor(id, SECRET)).toBe(pseudonymFor(id, SECRET));
    expect(pseudonymFor(id, SECRET)).toMatch(/^[0-9a-f]{24}$/);
    expect(pseudonymFor('another-case', SECRET)).not.toBe(pseudonymFor(id, SECRET));
    expect(pseudonymFor(id, `${SECRET}x`)).not.toBe(pseudonymFor(id, SECRET));
  });

  it('refuses a short secret', () => {
    expect(() => pseudonymFor('case', 'short')).toThrow('at least 32 characters');
  });
});

describe('deidentifyCase', () => {
  it('drops the identifying fields, keeps the district and adds the age in years', () => {
    const deidentified = deidentifyCase(ncmdCase(), SECRET);
    expect(JSON.parse(JSON.stringify(deidentified.identity))).toEqual({
      caseId: pseudonymFor('3f6c2a9e-8d41-4c7b-9a55-1e2f3d4c5b6a', SECRET),
      cdopCode: 'CDOP-WY',
      sex: 'female',
      ethnicity: 'C',
      postcodeDistrict: 'LS6',
      residentLocalAuthority: 'E08000035',
    });
    expect(deidentified.death).toEqual({
      dateOfDeath: '2026-01-15',
      placeOfDeath: 'home',
      ageAtDeathDays: 4332,
      ageAtDeathYears: 11,
      expected: false,
      suspectedStillbirthAtHome: false,
      lookedAfter: false,
      childProtectionPlan: true,
    });
    expect(validateDeidentifiedCase(deidentified).valid).toBe(true);
  });

  it('keeps the reason an NHS number is missing, which identifies nobody', () => {
    const exported = ncmdCase();
    delete exported.identity.nhsNumber;
    exported.identity.nhsNumberMissingReason = 'not-resident-in-england';
    expect(deidentifyCase(exported, SECRET).identity.nhsNumberMissingReason).toBe('not-resident-in-england');
  });

  it('redacts the child’s identifiers from every free-text field and leaves the rest as entered', () => {
    const exported = ncmdCase();
    exported.reporting.barriersToAccessingServices = ['Amelia missed clinic'];
    exported.analysis.domains[0].factors[0].label = 'Severe asthma (Amelia-Rose)';
    exported.analysis.causeOfDeath = 'Asthma; Miss O’Sullivan collapsed at 03:40';
    exported.analysis.learningPoints = ['Born 7 March 2014, NHS 999 000 1235, of LS6 2AB'];
    exported.analysis.actions[0].owner = 'GP of Amelia';
    exported.analysis.actions[0].description = "Review Rose O'Sullivan's records";
    const { reporting, analysis } = deidentifyCase(exported, SECRET);
    expect(reporting.barriersToAccessingServices).toEqual(['[name] missed clinic']);
    expect(analysis.domains[0].factors[0].label).toBe('Severe asthma ([name])');
    expect(analysis.causeOfDeath).toBe('Asthma; Miss [name] collapsed at [time]');
    expect(analysis.learningPoints).toEqual(['Born [date of birth], NHS [nhs number], of [postcode]']);
    expect(analysis.actions[0]).toEqual({
      owner: 'GP of [name]',
      description: "Review [name] [name]'s records",
      dueDate: '2026-09-30',
      status: 'open',
    });
    expect(analysis.icd10Codes).toEqual(['J46', 'J18.9']);
  });
});
