import { checkLcsprDecision, LCSPR_CRITERIA, missingForSubmit, RapidReview } from './lcspr';

const complete: RapidReview = {
  facts: 'Infant admitted with head injury',
  agencyInvolvement: [{ agency: 'Health visiting', summary: 'Two visits in March' }],
  immediateSafetyActions: [{ action: 'Sibling placed with grandparents', owner: 'Children’s social care' }],
  learning: 'Information about the father was not shared',
  lcsprRecommended: true,
  nationalReviewMayBeAppropriate: false,
  familyInformed: { on: '2026-04-20', how: 'Home visit by the social worker' },
  signOffs: [{ partner: 'local-authority' }, { partner: 'icb' }, { partner: 'police' }],
};

const fields = (review: RapidReview) => missingForSubmit(review).map((p) => p.field);

describe('LCSPR criteria', () => {
  it('has the four ids, each citing paragraph 395', () => {
    expect(LCSPR_CRITERIA.map((c) => c.id)).toEqual([
      'improvements-needed',
      'recurrent-themes',
      'multi-agency-concerns',
      'panel-recommended-local-review',
    ]);
    for (const criterion of LCSPR_CRITERIA) expect(criterion.text).toMatch(/paragraph 395\)\.$/);
  });
});

describe('checkLcsprDecision', () => {
  it('accepts a reasoned decision for an LCSPR that names its criteria', () => {
    expect(
      checkLcsprDecision({
        decision: 'lcspr',
        decidedOn: '2026-05-01',
        rationale: 'Repeated themes',
        criteria: ['recurrent-themes'],
      }),
    ).toEqual([]);
  });

  it('accepts a decision against an LCSPR with no criteria', () => {
    expect(
      checkLcsprDecision({
        decision: 'no-lcspr',
        decidedOn: '2026-05-01',
        rationale: 'Rapid review learning suffices',
      }),
    ).toEqual([]);
  });

  it('needs a date, a rationale, known criteria, and at least one criterion for an LCSPR', () => {
    expect(
      checkLcsprDecision({ decision: 'lcspr', rationale: ' ', criteria: [] }).map((p) => p.field),
    ).toEqual(['decidedOn', 'rationale', 'criteria']);
    expect(
      checkLcsprDecision({
        decision: 'lcspr',
        decidedOn: '2026-05-01',
        rationale: 'x',
        criteria: ['gut-feeling'],
      }),
    ).toEqual([{ field: 'criteria[0]', message: expect.stringMatching(/^Unknown criterion/) }]);
  });
});

describe('missingForSubmit', () => {
  it('finds nothing missing in a complete, signed-off rapid review', () => {
    expect(missingForSubmit(complete)).toEqual([]);
  });

  it('lists every section and every sign-off missing from an empty review', () => {
    expect(fields({})).toEqual([
      'facts',
      'agencyInvolvement',
      'immediateSafetyActions',
      'learning',
      'lcsprRecommended',
      'nationalReviewMayBeAppropriate',
      'familyInformed.on',
      'familyInformed.how',
      'signOffs.local-authority',
      'signOffs.icb',
      'signOffs.police',
    ]);
  });

  it('needs all three partners to have signed off', () => {
    expect(
      missingForSubmit({
        ...complete,
        signOffs: [{ partner: 'local-authority' }, { partner: 'local-authority' }],
      }),
    ).toEqual([
      { field: 'signOffs.icb', message: 'Section 5: the sign-off from the integrated care board is missing' },
      { field: 'signOffs.police', message: 'Section 5: the sign-off from the police is missing' },
    ]);
  });

  it('accepts that no immediate action was needed, but needs an owner for any action taken', () => {
    expect(fields({ ...complete, immediateSafetyActions: [] })).toEqual([]);
    expect(
      fields({ ...complete, immediateSafetyActions: [{ action: 'Safety plan', dueDate: 'soon' }] }),
    ).toEqual(['immediateSafetyActions[0].owner', 'immediateSafetyActions[0].dueDate']);
  });

  it('treats a false answer as answered and blank text as missing', () => {
    expect(
      fields({
        ...complete,
        lcsprRecommended: false,
        learning: '  ',
        agencyInvolvement: [{ agency: 'Police' }],
      }),
    ).toEqual(['agencyInvolvement[0].summary', 'learning']);
  });
});
