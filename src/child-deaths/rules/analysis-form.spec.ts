import {
  ANALYSIS_FORM_DEFINITIONS,
  AnalysisDraft,
  AnalysisFormDefinition,
  analysisFormDefinition,
  analysisFormInUseOn,
  analysisWarnings,
  isIcd10Code,
  missingForFinalise,
} from './analysis-form';

const complete: AnalysisDraft = {
  formVersion: '2026-04',
  domains: [
    {
      domain: 'A',
      factors: [{ code: 'A01', label: 'Prematurity or low birth weight', score: 1, modifiable: false }],
    },
    {
      domain: 'B',
      factors: [{ code: 'B05', label: 'Unsafe sleeping arrangements', score: 2, modifiable: true }],
    },
    { domain: 'C', factors: [] },
    { domain: 'D', factors: [] },
  ],
  modifiableFactors: 'yes',
  primaryCategory: 10,
  otherCategories: [],
  causeOfDeath: 'Sudden unexpected death in infancy',
  icd10Codes: ['R95'],
  learningPoints: ['Safer sleep advice at every health visitor contact'],
  actions: [{ owner: 'Public health', description: 'Safer sleep campaign', dueDate: '2026-12-01' }],
  referredToSafeguarding: false,
  reviewedOn: '2026-09-14',
};

const fields = (draft: AnalysisDraft) => missingForFinalise(draft).map((p) => p.field);

describe('analysis form definitions', () => {
  it('describes four domains, scores 0 to 2 and the modifiable factors answers', () => {
    const definition = analysisFormDefinition('2026-04')!;
    expect(definition.domains.map((d) => `${d.domain} ${d.label}`)).toEqual([
      'A Factors intrinsic to the child',
      'B Factors in the social environment, including family and parenting capacity',
      'C Factors in the physical environment',
      'D Factors in service provision',
    ]);
    expect(definition.scores.map((s) => s.score)).toEqual([0, 1, 2]);
    expect(definition.modifiableFactorsOptions.map((o) => o.value)).toEqual([
      'yes',
      'no',
      'insufficient-information',
    ]);
    const codes = definition.domains.flatMap((d) => d.suggestedFactors.map((f) => f.code));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('picks up a new NCMD version from data alone', () => {
    const next: AnalysisFormDefinition = {
      ...ANALYSIS_FORM_DEFINITIONS[0],
      version: '2027-04',
      inUseFrom: '2027-04-01',
    };
    const definitions = [...ANALYSIS_FORM_DEFINITIONS, next];
    expect(analysisFormInUseOn('2025-06-01', definitions).version).toBe('2026-04');
    expect(analysisFormInUseOn('2027-03-31', definitions).version).toBe('2026-04');
    expect(analysisFormInUseOn('2027-04-01', definitions).version).toBe('2027-04');
    expect(missingForFinalise({ ...complete, formVersion: '2027-04' }, definitions)).toEqual([]);
    expect(fields({ ...complete, formVersion: '2027-04' })).toEqual(['formVersion']);
  });
});

describe('missingForFinalise', () => {
  it('finds nothing missing in a complete form', () => {
    expect(missingForFinalise(complete)).toEqual([]);
  });

  it('lists everything missing from an empty draft', () => {
    expect(fields({})).toEqual([
      'formVersion',
      'domains',
      'modifiableFactors',
      'primaryCategory',
      'causeOfDeath',
      'learningPoints',
      'referredToSafeguarding',
      'reviewedOn',
    ]);
  });

  it('needs a factor scored 2 to have been considered for modifiability', () => {
    const draft: AnalysisDraft = {
      ...complete,
      domains: [{ domain: 'B', factors: [{ code: 'B05', label: 'Unsafe sleeping arrangements', score: 2 }] }],
      modifiableFactors: 'insufficient-information',
    };
    expect(missingForFinalise(draft)).toEqual([
      { field: 'domains[0].factors[0].modifiable', message: expect.stringMatching(/scored 2.*modifiab/) },
    ]);
  });

  it('keeps the modifiable factors answer consistent with the factors marked modifiable', () => {
    const noneMarked = complete.domains!.map((d) => ({
      ...d,
      factors: d.factors.map((f) => ({ ...f, modifiable: false })),
    }));
    expect(fields({ ...complete, domains: noneMarked })).toEqual(['modifiableFactors']);
    expect(fields({ ...complete, modifiableFactors: 'no' })).toEqual(['modifiableFactors']);
  });

  it('refuses bad categories, scores, domains and codes by field', () => {
    expect(
      fields({
        ...complete,
        domains: [
          ...complete.domains!,
          { domain: 'E', factors: [] },
          { domain: 'A', factors: [{ label: 'Other', score: 3 }] },
        ],
        primaryCategory: 11,
        otherCategories: [2, 0],
        icd10Codes: ['R95', 'cot death'],
      }),
    ).toEqual([
      'domains[4].domain',
      'domains[5].domain',
      'domains[5].factors[0].score',
      'primaryCategory',
      'otherCategories[1]',
      'icd10Codes[1]',
    ]);
  });

  it('needs every action to have an owner, a description and a due date', () => {
    expect(fields({ ...complete, actions: [{ description: 'Audit', dueDate: '2026-13-01' }] })).toEqual([
      'actions[0].owner',
      'actions[0].dueDate',
    ]);
  });

  it('treats blank text as missing', () => {
    expect(fields({ ...complete, causeOfDeath: '  ', learningPoints: [' '] })).toEqual([
      'causeOfDeath',
      'learningPoints',
    ]);
  });
});

describe('analysisWarnings', () => {
  it('warns, without blocking, when a higher-ranked category is among the others', () => {
    const draft = { ...complete, primaryCategory: 10, otherCategories: [1] };
    expect(analysisWarnings(draft)).toEqual([
      { field: 'primaryCategory', message: expect.stringMatching(/^Category 1 /) },
    ]);
    expect(missingForFinalise(draft)).toEqual([]);
    expect(analysisWarnings(complete)).toEqual([]);
  });
});

describe('isIcd10Code', () => {
  it.each(['R95', 'J18.9', 'W75', 'U07.1', 'P07.32'])('accepts %s', (code) =>
    expect(isIcd10Code(code)).toBe(true),
  );
  it.each(['r95', 'R9', '95', 'R95.', 'SIDS'])('rejects %s', (code) => expect(isIcd10Code(code)).toBe(false));
});
