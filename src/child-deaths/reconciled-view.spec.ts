import {
  combinedJarEvaluation,
  professionalsOf,
  reconciledView,
  StoredNotification,
} from './reconciled-view';

const hospital: StoredNotification = {
  id: 'n1',
  notifiedAt: new Date('2026-03-02T08:00:00Z'),
  answers: {
    child: { givenName: 'Olivia', familyName: 'Hartley', sex: 'female' },
    expected: false,
    circumstances: { suddenNoApparentCause: true },
    notifier: { name: 'Dr A', role: 'Paediatrician', organisation: 'Trust' },
    professionals: [{ name: 'Dr A', role: 'Paediatrician', organisation: 'Trust' }],
  },
};
const police: StoredNotification = {
  id: 'n2',
  notifiedAt: new Date('2026-03-02T11:00:00Z'),
  answers: {
    child: { givenName: 'Olivia', familyName: 'Hartly', sex: 'female' },
    expected: false,
    circumstances: { suspiciousCircumstances: true },
    notifier: { name: 'DC B', role: 'Investigator', organisation: 'Police' },
    professionals: [
      { name: 'dr a ', role: 'Paediatrician', organisation: 'trust' },
      { name: 'DC B', role: 'Investigator', organisation: 'Police' },
    ],
  },
};

describe('reconciledView', () => {
  it('gives one nested answer per question and flags the family name the notifiers disagree on', () => {
    const view = reconciledView([hospital, police]);
    expect(view.answers.child).toEqual({ givenName: 'Olivia', familyName: 'Hartly', sex: 'female' });
    expect(view.reconciliation.disagreements).toEqual(['child.familyName']);
  });

  it('leaves who notified and whom they listed out of the comparison', () => {
    const view = reconciledView([hospital, police]);
    expect(view.reconciliation.fields.map((f) => f.field)).not.toContain('notifier.name');
    expect(view.answers).not.toHaveProperty('professionals');
  });
});

describe('combinedJarEvaluation', () => {
  it('keeps every criterion any notifier reported', () => {
    expect(combinedJarEvaluation([hospital, police]).criteria).toEqual([
      'sudden-no-apparent-cause',
      'suspicious-circumstances',
    ]);
  });

  it('requires no response when no notifier reported a criterion', () => {
    const expectedDeath = { ...hospital, answers: { ...hospital.answers, circumstances: {} } };
    expect(combinedJarEvaluation([expectedDeath]).required).toBe(false);
  });
});

describe('professionalsOf', () => {
  it('lists each professional once, however the notifiers typed the name', () => {
    expect(professionalsOf([hospital, police]).map((p) => p.name)).toEqual(['Dr A', 'DC B']);
  });
});
