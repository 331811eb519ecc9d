import { checkJarDecision, evaluateJointAgencyResponse, JAR_CRITERION_IDS } from './joint-agency-response';

describe('evaluateJointAgencyResponse', () => {
  it('requires a JAR for a sudden unexpected infant death and says why, citing WT 449', () => {
    const result = evaluateJointAgencyResponse({ suddenNoApparentCause: true, externalCause: false });
    expect(result.required).toBe(true);
    expect(result.criteria).toEqual(['sudden-no-apparent-cause']);
    expect(result.explanations).toEqual([
      {
        id: 'sudden-no-apparent-cause',
        text: expect.stringMatching(/no immediately apparent cause.*paragraph 449/),
      },
    ]);
  });

  it('needs no JAR for an expected death from a chronic condition', () => {
    expect(evaluateJointAgencyResponse({})).toEqual({ required: false, criteria: [], explanations: [] });
  });

  it('maps each contract answer to its criterion id', () => {
    const result = evaluateJointAgencyResponse({
      externalCause: true,
      suddenNoApparentCause: true,
      inCustodyOrDetainedMHA: true,
      suspiciousCircumstances: true,
      stillbirthNoHealthProfessional: true,
    });
    expect(result.criteria).toEqual([
      'external-cause',
      'sudden-no-apparent-cause',
      'custody-or-mha-detention',
      'suspicious-circumstances',
      'stillbirth-no-health-professional',
    ]);
    expect(JAR_CRITERION_IDS).toEqual(result.criteria);
    expect(result.explanations.map((e) => e.id)).toEqual(result.criteria);
  });

  it('triggers a JAR for a stillbirth with no healthcare professional present', () => {
    expect(evaluateJointAgencyResponse({ stillbirthNoHealthProfessional: true })).toMatchObject({
      required: true,
      criteria: ['stillbirth-no-health-professional'],
    });
  });
});

describe('checkJarDecision', () => {
  it('confirms without a reason when the doctor agrees', () => {
    expect(checkJarDecision({ required: true }, { required: true })).toEqual({
      ok: true,
      outcome: 'confirmed',
    });
  });

  it('refuses an override with no reason, or a blank one', () => {
    for (const reason of [undefined, '   ']) {
      expect(checkJarDecision({ required: true }, { required: false, reason })).toEqual({
        ok: false,
        problems: [expect.objectContaining({ field: 'reason' })],
      });
    }
  });

  it('records an override that gives a reason', () => {
    expect(
      checkJarDecision({ required: false }, { required: true, reason: 'Bruising noted by the paramedics' }),
    ).toEqual({ ok: true, outcome: 'overridden' });
  });
});
