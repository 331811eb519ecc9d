import type { NcmdCase } from './export-case';
import { mapToNcmdCase } from './mappings';
import { reviewedCaseSource } from './testing/reviewed-case-source';
import { validateCase, validateDocument } from './validate';

function mappedCase(): NcmdCase {
  const result = mapToNcmdCase(reviewedCaseSource());
  if (!result.mapped) throw new Error('expected a mapped case');
  return JSON.parse(JSON.stringify(result.candidate)) as NcmdCase;
}

describe('validateCase', () => {
  it('accepts a complete finalised case', () => {
    expect(validateCase(mappedCase())).toEqual({ valid: true, case: mappedCase() });
  });

  it('rejects a case without a primary category, naming the field', () => {
    const { primaryCategory: _removed, ...analysis } = mappedCase().analysis;
    const candidate = { ...mappedCase(), analysis };
    expect(validateCase(candidate)).toEqual({
      valid: false,
      reasons: [{ field: 'analysis.primaryCategory', message: 'is required' }],
    });
  });

  it('reports every problem field by field in plain words', () => {
    const candidate = mappedCase() as unknown as Record<string, Record<string, unknown>>;
    candidate.identity.sex = 'm';
    candidate.death.dateOfDeath = '2026-02-30';
    candidate.death.placeOfDeath = undefined;
    candidate.analysis.primaryCategory = 11;
    candidate.analysis.otherCategories = [3, 3];
    candidate.analysis.icd10Codes = ['asthma'];
    (candidate.analysis.domains as { factors: { score: number }[] }[])[0].factors[1].score = 3;
    candidate.reporting.agenciesAsked = 2.5;
    candidate.process.notifiedAt = '2026-01-15T08:05:00';
    candidate.identity.favouriteColour = 'blue';
    const result = validateCase(candidate);
    expect(result.valid).toBe(false);
    expect(!result.valid && result.reasons).toEqual(
      expect.arrayContaining([
        { field: 'identity.sex', message: 'must be one of: male, female, indeterminate, not-known' },
        { field: 'identity.favouriteColour', message: 'is not a field of this export' },
        { field: 'death.dateOfDeath', message: 'must be a real date as YYYY-MM-DD' },
        { field: 'death.placeOfDeath', message: 'is required' },
        { field: 'analysis.primaryCategory', message: 'must be 10 or less' },
        { field: 'analysis.otherCategories', message: 'must not list the same item twice' },
        { field: 'analysis.icd10Codes.0', message: 'must be an ICD-10 code such as R95 or J18.9' },
        { field: 'analysis.domains.0.factors.1.score', message: 'must be one of: 0, 1, 2' },
        { field: 'reporting.agenciesAsked', message: 'must be a whole number' },
        { field: 'process.notifiedAt', message: 'must be an ISO 8601 date and time with an offset' },
      ]),
    );
  });

  it('needs exactly one of NHS number and the reason it is missing', () => {
    const neither = mappedCase();
    delete neither.identity.nhsNumber;
    expect(validateCase(neither)).toEqual({
      valid: false,
      reasons: [
        { field: 'identity.nhsNumber', message: 'is required unless nhsNumberMissingReason is given' },
      ],
    });

    const both = mappedCase();
    both.identity.nhsNumberMissingReason = 'not-yet-available';
    expect(validateCase(both)).toEqual({
      valid: false,
      reasons: [
        { field: 'identity.nhsNumberMissingReason', message: 'must be left out when nhsNumber is given' },
      ],
    });

    const reasonOnly = mappedCase();
    delete reasonOnly.identity.nhsNumber;
    reasonOnly.identity.nhsNumberMissingReason = 'not-resident-in-england';
    expect(validateCase(reasonOnly).valid).toBe(true);
  });

  it('rejects an NHS number whose check digit is wrong, without repeating the number', () => {
    const candidate = mappedCase();
    candidate.identity.nhsNumber = '9990001234';
    const result = validateCase(candidate);
    expect(result).toEqual({
      valid: false,
      reasons: [{ field: 'identity.nhsNumber', message: 'has a check digit that does not match' }],
    });
    expect(JSON.stringify(result)).not.toContain('9990001234');
  });

  it('rejects domains that are not exactly A, B, C and D in order', () => {
    const candidate = mappedCase();
    candidate.analysis.domains = candidate.analysis.domains.slice(1);
    const result = validateCase(candidate);
    expect(!result.valid && result.reasons).toEqual(
      expect.arrayContaining([
        { field: 'analysis.domains', message: 'must have at least 4 items' },
        { field: 'analysis.domains.0.domain', message: 'must be "A"' },
      ]),
    );
  });
});

describe('validateDocument', () => {
  const header = {
    ncmdExportVersion: '1.0',
    generatedAt: '2026-07-01T10:00:00+01:00',
    cdop: { id: 'c0a80101-0000-4000-8000-000000000001', code: 'CDOP-WY', name: 'West Yorkshire CDOP' },
    rejected: [],
  };

  it('checks each case against the schema of the document mode', () => {
    expect(validateDocument({ ...header, mode: 'ncmd', cases: [mappedCase()] })).toEqual({ valid: true });
    const result = validateDocument({ ...header, mode: 'deidentified', cases: [mappedCase()] });
    expect(!result.valid && result.reasons).toEqual(
      expect.arrayContaining([
        { field: 'cases.0.identity.givenName', message: 'is not a field of this export' },
        { field: 'cases.0.identity.nhsNumber', message: 'is not a field of this export' },
      ]),
    );
  });
});
