import type { ReviewedCaseSource } from '../export-case';

/**
 * A complete, finalised case as the database layer would hand it over: every optional answer given.
 * Invented child; the NHS number is in the 999 range reserved for testing. A fresh copy on every call.
 */
export function reviewedCaseSource(): ReviewedCaseSource {
  return {
    caseId: '3f6c2a9e-8d41-4c7b-9a55-1e2f3d4c5b6a',
    cdopCode: 'CDOP-WY',
    revision: 2,
    lastChangedAt: new Date('2026-06-10T09:30:00.000Z'),
    child: {
      givenName: 'Amelia-Rose',
      familyName: "O'Sullivan",
      dateOfBirth: '2014-03-07',
      sex: 'female',
      ethnicity: 'C',
      nhsNumber: '999 000 1235',
      postcode: 'ls6 2ab',
      residentLocalAuthority: 'E08000035',
    },
    death: {
      dateOfDeath: '2026-01-15',
      timeOfDeath: '03:40',
      placeOfDeath: 'home',
      expected: false,
      suspectedStillbirthAtHome: false,
      lookedAfter: false,
      childProtectionPlan: true,
    },
    process: {
      notifiedAt: new Date('2026-01-15T08:05:00.000Z'),
      jarRequired: true,
      jarCriteria: ['sudden-no-apparent-cause'],
      postMortem: true,
      coronerInvolved: true,
      inquestConcluded: false,
      cdrmHeldOn: '2026-04-20',
      cdopReviewedOn: '2026-06-09',
    },
    reporting: {
      agenciesAsked: 6,
      agenciesReturned: 5,
      livedInPovertyOrDeprivation: true,
      barriersToAccessingServices: ['No interpreter offered at GP appointments'],
      bereavementSupportOffered: false,
      supplementaryForms: ['asthma-anaphylaxis'],
    },
    analysis: {
      formVersion: '2026-04',
      domains: [
        { domain: 'D', factors: [{ code: 'D3', label: 'Missed asthma review', score: 2, modifiable: true }] },
        {
          domain: 'A',
          factors: [
            { code: 'A1', label: 'Severe asthma', score: 2, modifiable: false },
            { code: 'A7', label: 'Eczema', score: 1, modifiable: false },
          ],
        },
        { domain: 'B', factors: [{ code: 'B2', label: 'Parental smoking', score: 2, modifiable: true }] },
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
        },
      ],
      referredToSafeguarding: false,
    },
  };
}
