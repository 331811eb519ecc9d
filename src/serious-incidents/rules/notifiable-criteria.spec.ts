import { IncidentChild } from './incident';
import { checkNotifiableCriteria, CriteriaFacts } from './notifiable-criteria';

const child: IncidentChild = {
  identityKnown: true,
  legalStatus: 'none',
  normallyResidentLocalAuthorityId: 'la-leeds',
};
const neglectDeath: CriteriaFacts = {
  localAuthorityId: 'la-leeds',
  type: 'death',
  abuseOrNeglect: 'suspected',
  location: 'in-area',
  children: [child],
};

describe('checkNotifiableCriteria', () => {
  it('meets the criteria for a death with suspected neglect in the area, showing each condition', () => {
    const result = checkNotifiableCriteria(neglectDeath);
    expect(result.criteriaMet).toBe(true);
    expect(result.reasons).toEqual([
      expect.stringMatching(/^Abuse or neglect is suspected.*paragraph 362/),
      expect.stringMatching(/^The child died/),
      expect.stringMatching(/in the notifying local authority's area \(section 16C\(1\)\(a\)/),
      'The criteria for a serious incident notification are met.',
    ]);
  });

  it('explains that abuse or neglect not suspected means no notification, and offers a local learning review', () => {
    const result = checkNotifiableCriteria({ ...neglectDeath, abuseOrNeglect: 'not-suspected' });
    expect(result.criteriaMet).toBe(false);
    expect(result.conditions.abuseOrNeglect).toEqual({
      met: false,
      reason: expect.stringMatching(/neither known nor suspected/),
    });
    expect(result.reasons.at(-1)).toMatch(
      /local learning review, which is not a local child safeguarding practice review/,
    );
  });

  it('cites paragraph 367 for serious harm', () => {
    const result = checkNotifiableCriteria({ ...neglectDeath, type: 'serious-harm' });
    expect(result.conditions.deathOrSeriousHarm).toEqual({
      met: true,
      reason: expect.stringMatching(/even if the child recovers.*367/),
    });
  });

  it('accepts "other" only with a rationale, citing paragraph 375', () => {
    expect(checkNotifiableCriteria({ ...neglectDeath, type: 'other' }).conditions.deathOrSeriousHarm).toEqual(
      {
        met: false,
        reason: expect.stringMatching(/without a rationale.*375/),
      },
    );
    expect(
      checkNotifiableCriteria({ ...neglectDeath, type: 'other', otherRationale: '  ' }).criteriaMet,
    ).toBe(false);
    expect(
      checkNotifiableCriteria({ ...neglectDeath, type: 'other', otherRationale: 'Harm to an unborn child' })
        .criteriaMet,
    ).toBe(true);
  });

  it('covers harm outside England only for children normally resident in the area', () => {
    const abroad = { ...neglectDeath, location: 'outside-england' as const };
    expect(checkNotifiableCriteria(abroad).criteriaMet).toBe(true);
    const visitor = { ...abroad, children: [{ ...child, normallyResidentLocalAuthorityId: 'la-york' }] };
    expect(checkNotifiableCriteria(visitor).conditions.location).toEqual({
      met: false,
      reason: expect.stringMatching(/no child involved is recorded as normally resident/),
    });
  });

  it('leaves an incident elsewhere in England to that area', () => {
    const result = checkNotifiableCriteria({ ...neglectDeath, location: 'elsewhere-in-england' });
    expect(result.criteriaMet).toBe(false);
    expect(result.conditions.location.reason).toMatch(
      /local authority for that area is the one that notifies/,
    );
  });
});
