import type { NcmdCase } from '../export-case';
import { reviewedCaseSource } from '../testing/reviewed-case-source';
import { mapToNcmdCase, SUPPORTED_FORM_VERSIONS } from '.';

const expectedCase: NcmdCase = {
  identity: {
    caseId: '3f6c2a9e-8d41-4c7b-9a55-1e2f3d4c5b6a',
    cdopCode: 'CDOP-WY',
    nhsNumber: '9990001235',
    nhsNumberMissingReason: undefined,
    givenName: 'Amelia-Rose',
    familyName: "O'Sullivan",
    dateOfBirth: '2014-03-07',
    sex: 'female',
    ethnicity: 'C',
    postcode: 'LS6 2AB',
    residentLocalAuthority: 'E08000035',
  },
  death: {
    dateOfDeath: '2026-01-15',
    timeOfDeath: '03:40',
    placeOfDeath: 'home',
    ageAtDeathDays: 4332,
    expected: false,
    suspectedStillbirthAtHome: false,
    lookedAfter: false,
    childProtectionPlan: true,
  },
  process: {
    notifiedAt: '2026-01-15T08:05:00.000Z',
    jarRequired: true,
    jarCriteria: ['sudden-no-apparent-cause'],
    postMortem: true,
    coronerInvolved: true,
    inquestConcluded: false,
    cdrmHeldOn: '2026-04-20',
    cdopReviewedOn: '2026-06-09',
    referredToSafeguarding: false,
  },
  reporting: {
    agenciesAsked: 6,
    agenciesReturned: 5,
    livedInPovertyOrDeprivation: 'yes',
    barriersToAccessingServices: ['No interpreter offered at GP appointments'],
    bereavementSupportOffered: 'no',
    supplementaryForms: ['asthma-anaphylaxis'],
  },
  analysis: {
    analysisFormVersion: '2026-04',
    domains: [
      {
        domain: 'A',
        factors: [
          { code: 'A1', label: 'Severe asthma', score: 2, modifiable: false },
          { code: 'A7', label: 'Eczema', score: 1, modifiable: false },
        ],
      },
      { domain: 'B', factors: [{ code: 'B2', label: 'Parental smoking', score: 2, modifiable: true }] },
      { domain: 'C', factors: [] },
      { domain: 'D', factors: [{ code: 'D3', label: 'Missed asthma review', score: 2, modifiable: true }] },
    ],
    modifiableFactors: 'yes',
    primaryCategory: 5,
    otherCategories: [9],
    causeOfDeath: 'Acute severe asthma',
    icd10Codes: ['J46', 'J18.9'],
    learningPoints: ['Asthma plans must be reviewed after every emergency attendance'],
    actions: [
      {
        owner: 'Leeds Teaching Hospitals NHS Trust',
        description: 'Audit asthma follow-up after emergency attendances',
        dueDate: '2026-09-30',
        status: 'open',
      },
    ],
  },
  revision: 2,
  lastChangedAt: '2026-06-10T09:30:00.000Z',
};

describe('mapToNcmdCase', () => {
  it('maps a finalised 2026-04 case field by field, domains in order A to D', () => {
    expect(mapToNcmdCase(reviewedCaseSource())).toStrictEqual({ mapped: true, candidate: expectedCase });
  });

  it('rejects an analysis form version that has no mapping, naming the versions it knows', () => {
    const source = reviewedCaseSource();
    const result = mapToNcmdCase({ ...source, analysis: { ...source.analysis, formVersion: '2019-04' } });
    expect(result).toEqual({
      mapped: false,
      reasons: [
        {
          field: 'analysis.analysisFormVersion',
          message: 'has no NCMD mapping (mapped versions: 2026-04)',
        },
      ],
    });
    expect(SUPPORTED_FORM_VERSIONS).toEqual(['2026-04']);
  });

  it('leaves out answers the database holds as null, and reads missing yes/no answers as not known', () => {
    const source = reviewedCaseSource();
    source.child.ethnicity = null;
    source.child.postcode = null;
    source.death.timeOfDeath = null;
    source.process.cdrmHeldOn = null;
    source.reporting.livedInPovertyOrDeprivation = null;
    const { primaryCategory: _omitted, ...analysis } = source.analysis;
    const result = mapToNcmdCase({ ...source, analysis: { ...analysis, icd10Codes: null } });
    if (!result.mapped) throw new Error('expected a mapped case');
    const json = JSON.parse(JSON.stringify(result.candidate));
    expect(json.identity.ethnicity).toBe('Z');
    expect(json.identity).not.toHaveProperty('postcode');
    expect(json.death).not.toHaveProperty('timeOfDeath');
    expect(json.process).not.toHaveProperty('cdrmHeldOn');
    expect(json.reporting.livedInPovertyOrDeprivation).toBe('not-known');
    expect(json.analysis).not.toHaveProperty('primaryCategory');
    expect(json.analysis.icd10Codes).toEqual([]);
  });

  it('passes an unknown domain through unchanged so that validation can reject it', () => {
    const source = reviewedCaseSource();
    const domains = [{ domain: 'E', factors: [{ code: 'E1', label: 'x', score: 1, modifiable: false }] }];
    const result = mapToNcmdCase({ ...source, analysis: { ...source.analysis, domains } });
    if (!result.mapped) throw new Error('expected a mapped case');
    expect(result.candidate.analysis?.domains).toEqual(domains);
  });
});
