import { reconcile, SubmittedNotification } from './reconciliation';

const hospital: SubmittedNotification = {
  notificationId: 'n-hospital',
  submittedAt: '2026-03-14T09:00:00+00:00',
  answers: {
    child: { givenName: 'Olivia', familyName: 'Khan', sex: 'female', postcode: '' },
    placeOfDeath: 'hospital',
    circumstances: { suddenNoApparentCause: true },
  },
};
const police: SubmittedNotification = {
  notificationId: 'n-police',
  submittedAt: '2026-03-14T11:30:00+00:00',
  answers: {
    child: { givenName: 'OLIVIA ', familyName: 'Khan', sex: 'male', postcode: 'LS1 4AP' },
    placeOfDeath: 'home',
    circumstances: { suddenNoApparentCause: true },
  },
};

describe('reconcile', () => {
  it('flags the fields the notifications answer differently', () => {
    expect(reconcile([police, hospital]).disagreements).toEqual(['child.sex', 'placeOfDeath']);
  });

  it('keeps every answer as submitted, in submission order', () => {
    const sex = reconcile([police, hospital]).fields.find((f) => f.field === 'child.sex');
    expect(sex?.answers).toEqual([
      { notificationId: 'n-hospital', value: 'female' },
      { notificationId: 'n-police', value: 'male' },
    ]);
  });

  it('shows the most common answer, or the latest one on a tie', () => {
    const registrar: SubmittedNotification = {
      notificationId: 'n-registrar',
      submittedAt: '2026-03-16T10:00:00+00:00',
      answers: { child: { sex: 'female' }, placeOfDeath: 'home' },
    };
    const value = (field: string, notifications: SubmittedNotification[]) =>
      reconcile(notifications).fields.find((f) => f.field === field)?.value;
    expect(value('child.sex', [hospital, police])).toBe('male');
    expect(value('child.sex', [hospital, police, registrar])).toBe('female');
    expect(value('placeOfDeath', [hospital, police, registrar])).toBe('home');
  });

  it('lets a blank answer be filled in by another notification without a disagreement', () => {
    const postcode = reconcile([hospital, police]).fields.find((f) => f.field === 'child.postcode');
    expect(postcode).toMatchObject({ value: 'LS1 4AP', disagreement: false });
  });

  it('does not count differences of case or spacing as disagreement', () => {
    const given = reconcile([hospital, police]).fields.find((f) => f.field === 'child.givenName');
    expect(given?.disagreement).toBe(false);
  });
});
