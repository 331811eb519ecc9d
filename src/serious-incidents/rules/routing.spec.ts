import { IncidentChild } from './incident';
import { decideRoute, RoutingFacts } from './routing';

const child = (overrides: Partial<IncidentChild> = {}): IncidentChild => ({
  identityKnown: true,
  legalStatus: 'none',
  dateOfBirth: '2015-03-01',
  ...overrides,
});

const incident = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  localAuthorityId: 'la-leeds',
  becameAwareOn: '2026-04-14',
  incidentDate: '2026-04-12',
  type: 'death',
  abuseOrNeglect: 'suspected',
  location: 'in-area',
  children: [child()],
  ...overrides,
});

describe('decideRoute: the cases issue 7 must show', () => {
  it('routes a looked after child dying of natural causes to notification only, with SI-LAC-DEATH', () => {
    const decision = decideRoute(
      incident({ abuseOrNeglect: 'not-suspected', children: [child({ legalStatus: 'looked-after' })] }),
    );
    expect(decision.route).toBe('notification-only');
    expect(decision.clockRules).toEqual(['SI-LAC-DEATH']);
    expect(decision.routeReason).toMatch(
      /looked after child died.*whatever the cause.*paragraph 381.*no rapid review/,
    );
    expect(decision.submitBlockers).toEqual([]);
  });

  it('routes the death of a care leaver aged 20 to notification only', () => {
    const decision = decideRoute(
      incident({ children: [child({ legalStatus: 'care-leaver', dateOfBirth: '2005-09-30' })] }),
    );
    expect(decision.route).toBe('notification-only');
    expect(decision.clockRules).toEqual(['SI-CARE-LEAVER-DEATH']);
    expect(decision.routeReason).toMatch(/care leaver aged 20 died.*no rapid review.*paragraph 384/);
  });

  it('gives the full route to a care leaver aged 17 who died with neglect', () => {
    const decision = decideRoute(
      incident({
        abuseOrNeglect: 'known',
        children: [child({ legalStatus: 'care-leaver', dateOfBirth: '2008-11-02' })],
      }),
    );
    expect(decision.route).toBe('full-review');
    expect(decision.clockRules).toEqual([
      'SI-NOTIFY',
      'SI-PARTNERS',
      'SI-CARE-LEAVER-DEATH',
      'SI-RAPID-REVIEW',
    ]);
    expect(decision.routeReason).toMatch(/care leaver under 18 died.*full learning process.*paragraph 383/);
  });

  it('explains why an incident without suspected abuse, and no looked after child or care leaver, is not notifiable', () => {
    const decision = decideRoute(incident({ abuseOrNeglect: 'not-suspected' }));
    expect(decision.route).toBe('criteria-not-met');
    expect(decision.clockRules).toEqual([]);
    expect(decision.routeReason).toMatch(/neither known nor suspected.*section 16C\(1\)/);
    expect(decision.routeReason).toMatch(/not a looked after child or a care leaver/);
    expect(decision.criteria.criteriaMet).toBe(false);
    expect(decision.submitBlockers).toEqual([expect.stringMatching(/^There is nothing to notify/)]);
  });
});

describe('decideRoute: other rules', () => {
  it('sends a death with suspected neglect down the full route', () => {
    const decision = decideRoute(incident());
    expect(decision).toMatchObject({
      route: 'full-review',
      clockRules: ['SI-NOTIFY', 'SI-PARTNERS', 'SI-RAPID-REVIEW'],
    });
    expect(decision.routeReason).toMatch(/criteria are met.*5 working days.*rapid review/);
  });

  it('gives a looked after child who died with abuse both SI-LAC-DEATH and the full route', () => {
    const decision = decideRoute(incident({ children: [child({ legalStatus: 'looked-after' })] }));
    expect(decision.route).toBe('full-review');
    expect(decision.clockRules).toEqual(['SI-NOTIFY', 'SI-PARTNERS', 'SI-LAC-DEATH', 'SI-RAPID-REVIEW']);
  });

  it('gives a care leaver under 18 who died without abuse or neglect notification only', () => {
    const decision = decideRoute(
      incident({
        abuseOrNeglect: 'not-suspected',
        children: [child({ legalStatus: 'care-leaver', ageYears: 17, dateOfBirth: undefined })],
      }),
    );
    expect(decision).toMatchObject({ route: 'notification-only', clockRules: ['SI-CARE-LEAVER-DEATH'] });
  });

  it('stops care leaver death notifications at the 25th birthday', () => {
    const decision = decideRoute(
      incident({ children: [child({ legalStatus: 'care-leaver', dateOfBirth: '2001-04-12' })] }),
    );
    expect(decision.route).toBe('criteria-not-met');
    expect(decision.routeReason).toMatch(/Aged 25 at the incident.*up to and including age 24/);
  });

  it('routes a looked after child seriously harmed with abuse like any other child', () => {
    const decision = decideRoute(
      incident({ type: 'serious-harm', children: [child({ legalStatus: 'looked-after' })] }),
    );
    expect(decision.clockRules).toEqual(['SI-NOTIFY', 'SI-PARTNERS', 'SI-RAPID-REVIEW']);
  });

  it('requires a recorded Panel consultation before notifying harm in childhood of someone now an adult', () => {
    const facts = incident({
      type: 'serious-harm',
      incidentDate: '2019-06-01',
      children: [child({ dateOfBirth: '2006-01-15' })],
    });
    const before = decideRoute(facts);
    expect(before.route).toBe('full-review');
    expect(before.panelConsultation).toBe('required');
    expect(before.children[0]).toMatchObject({ ageAtIncident: 13, adultHarmedInChildhood: true });
    expect(before.submitBlockers).toEqual([
      expect.stringMatching(/consultation with the Panel.*paragraph 377/),
    ]);
    expect(before.clockRules).toEqual(['SI-RAPID-REVIEW']);

    const after = decideRoute({ ...facts, panelConsultedOn: '2026-04-20' });
    expect(after.panelConsultation).toBe('recorded');
    expect(after.submitBlockers).toEqual([]);
  });

  it('works out adulthood from the age at the incident when the date of birth is unknown', () => {
    const facts = incident({
      type: 'serious-harm',
      incidentDate: '2018-04-01',
      children: [child({ dateOfBirth: undefined, ageYears: 12 })],
    });
    expect(decideRoute(facts).panelConsultation).toBe('required');
    expect(decideRoute({ ...facts, incidentDate: '2022-04-01' }).panelConsultation).toBe('not-needed');
  });

  it('refuses harm to someone already an adult at the time', () => {
    const decision = decideRoute(
      incident({ type: 'serious-harm', children: [child({ dateOfBirth: '2007-01-01' })] }),
    );
    expect(decision.route).toBe('criteria-not-met');
    expect(decision.routeReason).toMatch(
      /Aged 19 at the incident: section 16C\(1\) applies to children under 18/,
    );
  });

  it('takes the fullest route any child needs and every child’s clocks', () => {
    const decision = decideRoute(
      incident({
        children: [
          child({ legalStatus: 'care-leaver', dateOfBirth: '2004-01-01' }),
          child({ identityKnown: false, dateOfBirth: undefined }),
        ],
      }),
    );
    expect(decision.route).toBe('full-review');
    expect(decision.clockRules).toEqual([
      'SI-NOTIFY',
      'SI-PARTNERS',
      'SI-CARE-LEAVER-DEATH',
      'SI-RAPID-REVIEW',
    ]);
    expect(decision.routeReason).toMatch(/^Child 2: Abuse or neglect is suspected/);
    expect(decision.children.map((c) => c.route)).toEqual(['notification-only', 'full-review']);
  });

  it('routes harm outside England by each child’s home area', () => {
    const decision = decideRoute(
      incident({
        location: 'outside-england',
        children: [
          child({ normallyResidentLocalAuthorityId: 'la-york' }),
          child({ normallyResidentLocalAuthorityId: 'la-leeds' }),
        ],
      }),
    );
    expect(decision.children.map((c) => c.route)).toEqual(['criteria-not-met', 'full-review']);
    expect(decision.children[0].reason).toMatch(/not recorded as normally resident/);
  });

  it('blocks submission with no children recorded, or "other" without a rationale', () => {
    expect(decideRoute(incident({ children: [] })).submitBlockers).toEqual([
      'Record at least one child; their identity may still be unknown.',
    ]);
    const other = decideRoute(incident({ type: 'other' }));
    expect(other.route).toBe('criteria-not-met');
    expect(other.submitBlockers).toContainEqual(expect.stringMatching(/rationale for notifying as "other"/));
  });
});
