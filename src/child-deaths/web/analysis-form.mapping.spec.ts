import { ANALYSIS_FORM_DEFINITIONS } from '../rules/analysis-form';
import { analysisPageModel, readAnalysisPage } from './analysis-form.mapping';

const definition = ANALYSIS_FORM_DEFINITIONS[0];

describe('readAnalysisPage', () => {
  it('turns the page into the contract body, leaving out factors that were not scored', () => {
    const read = readAnalysisPage(definition, {
      'factor.B05.score': '2',
      'factor.B05.modifiable': 'yes',
      'factor.B06.score': '',
      'other.B.0.label': 'Co-sleeping on a sofa',
      'other.B.0.score': '1',
      'other.B.1.label': '',
      'other.B.1.score': '',
      modifiableFactors: 'yes',
      primaryCategory: '10',
      otherCategories: ['10', '9'],
      causeOfDeath: 'Unexplained',
      icd10Codes: 'r95, j18.9',
      learningPoints: 'Safer sleep advice\n\nRepeat it',
      'action.0.owner': 'Community Health',
      'action.0.description': 'Audit advice',
      'action.0.dueDate-day': '30',
      'action.0.dueDate-month': '9',
      'action.0.dueDate-year': '2026',
      'action.1.owner': '',
      'action.1.description': '',
      referredToSafeguarding: 'no',
    });
    expect(read).toEqual({
      value: {
        formVersion: '2026-04',
        domains: [
          {
            domain: 'B',
            factors: [
              { code: 'B05', label: 'Unsafe sleeping arrangements', score: 2, modifiable: true },
              { label: 'Co-sleeping on a sofa', score: 1, modifiable: false },
            ],
          },
        ],
        modifiableFactors: 'yes',
        primaryCategory: 10,
        otherCategories: [9],
        causeOfDeath: 'Unexplained',
        icd10Codes: ['R95', 'J18.9'],
        learningPoints: ['Safer sleep advice', 'Repeat it'],
        actions: [{ owner: 'Community Health', description: 'Audit advice', dueDate: '2026-09-30' }],
        referredToSafeguarding: false,
      },
    });
  });

  it('asks for the score of a factor the panel described', () => {
    const read = readAnalysisPage(definition, { 'other.A.0.label': 'Obesity', 'other.A.0.score': '' });
    expect(read).toEqual({ errors: [{ field: 'other.A.0.score', text: 'Score the factor “Obesity”' }] });
  });
});

describe('analysisPageModel', () => {
  it('shows saved scores against the suggested factors and the panel’s own below them', () => {
    const model = analysisPageModel(definition, {
      domains: [
        {
          domain: 'C',
          factors: [
            { code: 'C02', label: 'Road safety or transport', score: 2, modifiable: true },
            { label: 'Unlit lane', score: 1 },
          ],
        },
      ],
      actions: [{ owner: 'Council', description: 'Lighting', dueDate: '2026-10-01' }],
    });
    const c = model.domains.find((d) => d.domain === 'C')!;
    expect(c.suggested.find((f) => f.code === 'C02')).toMatchObject({ score: '2', modifiable: true });
    expect(c.others.map((o) => o.label)).toEqual(['Unlit lane', '', '']);
    expect(model.actions[0]).toMatchObject({
      owner: 'Council',
      date: { day: '1', month: '10', year: '2026' },
    });
    expect(model.actions).toHaveLength(3);
  });
});
