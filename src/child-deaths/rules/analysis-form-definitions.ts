import { IsoDate } from '../../calendar/iso-date';

/**
 * Analysis form versions are data: NCMD revises the forms most Aprils, and a new version is one more
 * entry in ANALYSIS_FORM_DEFINITIONS, while every stored form keeps the version it was completed against.
 * NCMD publishes no factor dictionary, so the factor codes are the portal's own; they are suggestions and
 * a panel may record other factors.
 */
export type AnalysisDomainLetter = 'A' | 'B' | 'C' | 'D';
export type FactorScore = 0 | 1 | 2;
export type ModifiableFactorsAnswer = 'yes' | 'no' | 'insufficient-information';

export interface AnalysisFormDefinition {
  version: string;
  /** First date on which new drafts use this version. */
  inUseFrom: IsoDate;
  domains: {
    domain: AnalysisDomainLetter;
    label: string;
    suggestedFactors: { code: string; label: string }[];
  }[];
  scores: { score: FactorScore; meaning: string }[];
  modifiableFactorsOptions: { value: ModifiableFactorsAnswer; label: string }[];
}

export const ANALYSIS_FORM_DEFINITIONS: readonly AnalysisFormDefinition[] = [
  {
    version: '2026-04',
    inUseFrom: '2026-04-01',
    domains: [
      {
        domain: 'A',
        label: 'Factors intrinsic to the child',
        suggestedFactors: [
          { code: 'A01', label: 'Prematurity or low birth weight' },
          { code: 'A02', label: 'Congenital, chromosomal or genetic condition' },
          { code: 'A03', label: 'Acute or chronic illness' },
          { code: 'A04', label: 'Disability or learning difficulty' },
          { code: 'A05', label: 'Emotional, behavioural or mental health condition' },
          { code: 'A06', label: 'Substance or alcohol use by the child' },
          { code: 'A07', label: 'Risk-taking behaviour' },
        ],
      },
      {
        domain: 'B',
        label: 'Factors in the social environment, including family and parenting capacity',
        suggestedFactors: [
          { code: 'B01', label: 'Parental or carer mental health' },
          { code: 'B02', label: 'Parental or carer substance or alcohol misuse' },
          { code: 'B03', label: 'Domestic abuse' },
          { code: 'B04', label: 'Smoking in pregnancy or in the household' },
          { code: 'B05', label: 'Unsafe sleeping arrangements' },
          { code: 'B06', label: 'Poverty or deprivation' },
          { code: 'B07', label: 'Parenting capacity or supervision' },
          { code: 'B08', label: 'Child protection concerns' },
          { code: 'B09', label: 'Bullying, including online' },
          { code: 'B10', label: 'Barriers the family met in accessing services' },
        ],
      },
      {
        domain: 'C',
        label: 'Factors in the physical environment',
        suggestedFactors: [
          { code: 'C01', label: 'Housing conditions or overcrowding' },
          { code: 'C02', label: 'Road safety or transport' },
          { code: 'C03', label: 'Water hazards' },
          { code: 'C04', label: 'Fire or burns hazards' },
          { code: 'C05', label: 'Access to means of self-harm' },
          { code: 'C06', label: 'Unsafe products or equipment' },
        ],
      },
      {
        domain: 'D',
        label: 'Factors in service provision',
        suggestedFactors: [
          { code: 'D01', label: 'Delay in recognition or diagnosis' },
          { code: 'D02', label: 'Delay in treatment or referral' },
          { code: 'D03', label: 'Communication or information sharing between agencies' },
          { code: 'D04', label: 'Antenatal, perinatal or neonatal care' },
          { code: 'D05', label: 'Access to specialist services' },
          { code: 'D06', label: 'Safeguarding practice' },
          { code: 'D07', label: 'Transition between services' },
        ],
      },
    ],
    scores: [
      { score: 0, meaning: 'Information not available' },
      { score: 1, meaning: 'Factor identified, but unlikely to have contributed to the death' },
      {
        score: 2,
        meaning: 'Factor identified that may have contributed to the vulnerability, ill-health or death',
      },
    ],
    modifiableFactorsOptions: [
      { value: 'yes', label: 'Yes: modifiable factors were identified' },
      { value: 'no', label: 'No modifiable factors were identified' },
      { value: 'insufficient-information', label: 'Insufficient information to decide' },
    ],
  },
];

export function analysisFormDefinition(
  version: string,
  definitions: readonly AnalysisFormDefinition[] = ANALYSIS_FORM_DEFINITIONS,
): AnalysisFormDefinition | undefined {
  return definitions.find((definition) => definition.version === version);
}

/**
 * The version a new draft started on `on` should use: the latest one already in use that day, or the
 * earliest there is for a date before any.
 */
export function analysisFormInUseOn(
  on: IsoDate,
  definitions: readonly AnalysisFormDefinition[] = ANALYSIS_FORM_DEFINITIONS,
): AnalysisFormDefinition {
  const byDate = [...definitions].sort((a, b) => (a.inUseFrom < b.inUseFrom ? -1 : 1));
  return byDate.filter((definition) => definition.inUseFrom <= on).at(-1) ?? byDate[0];
}
