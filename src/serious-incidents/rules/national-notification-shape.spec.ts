import { IncidentChild, IncidentNotification } from './incident';
import { toNationalNotification } from './national-notification-shape';

const child = (n: number, overrides: Partial<IncidentChild> = {}): IncidentChild => ({
  identityKnown: true,
  givenName: `Child${n}`,
  familyName: 'Khan',
  dateOfBirth: `2015-0${n}-01`,
  sex: 'female',
  legalStatus: 'child-in-need',
  normallyResidentLocalAuthorityId: 'la-leeds',
  ...overrides,
});

const incident = (children: IncidentChild[]): IncidentNotification => ({
  localAuthorityId: 'la-leeds',
  becameAwareOn: '2026-04-14',
  type: 'serious-harm',
  abuseOrNeglect: 'suspected',
  location: 'in-area',
  summary: 'House fire',
  children,
});

const names: Record<string, string> = { 'la-leeds': 'Leeds', 'la-york': 'York' };

describe('toNationalNotification', () => {
  it('puts up to four children in structured fields and leaves the free text empty', () => {
    const shape = toNationalNotification(incident([1, 2, 3, 4].map((n) => child(n))), (id) => names[id]);
    expect(shape.numberOfChildren).toBe(4);
    expect(shape.children.map((c) => c.childNumber)).toEqual([1, 2, 3, 4]);
    expect(shape.children[0]).toEqual({
      childNumber: 1,
      identityKnown: true,
      givenName: 'Child1',
      familyName: 'Khan',
      dateOfBirth: '2015-01-01',
      ageYears: null,
      sex: 'female',
      legalStatus: 'Child in need',
      homeLocalAuthority: 'Leeds',
    });
    expect(shape.localAuthority).toBe('Leeds');
    expect(shape.incidentDate).toBeNull();
    expect(shape.furtherChildren).toBe('');
  });

  it('writes the fifth child onwards as free text, one line each, in the documented format', () => {
    const children = [
      ...[1, 2, 3, 4].map((n) => child(n)),
      child(5, {
        givenName: 'Amir',
        legalStatus: 'looked-after',
        normallyResidentLocalAuthorityId: 'la-york',
      }),
      child(6, {
        identityKnown: false,
        givenName: undefined,
        familyName: undefined,
        dateOfBirth: undefined,
        ageYears: 9,
        sex: undefined,
      }),
    ];
    const shape = toNationalNotification(incident(children), (id) => names[id]);
    expect(shape.numberOfChildren).toBe(6);
    expect(shape.children).toHaveLength(4);
    expect(shape.furtherChildren).toBe(
      [
        'Child 5: name: Amir Khan; date of birth: 2015-05-01; age: not known; sex: female; legal status: Looked after child; home local authority: York',
        'Child 6: name: not yet known; date of birth: not known; age: 9; sex: not known; legal status: Child in need; home local authority: Leeds',
      ].join('\n'),
    );
  });

  it('keeps each further child on one line whatever the names contain', () => {
    const children = [...[1, 2, 3, 4].map((n) => child(n)), child(5, { givenName: 'Amy;\nJo' })];
    const shape = toNationalNotification(incident(children));
    expect(shape.furtherChildren.split('\n')).toHaveLength(1);
    expect(shape.furtherChildren).toMatch(/^Child 5: name: Amy Jo Khan; /);
  });

  it('never sends the name of a child whose identity is marked unknown', () => {
    const shape = toNationalNotification(incident([child(1, { identityKnown: false })]));
    expect(shape.children[0]).toMatchObject({ identityKnown: false, givenName: null, familyName: null });
  });
});
