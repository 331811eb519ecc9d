import { checkNotification, NotificationFacts } from './notification-checks';

const now = new Date('2026-03-05T12:00:00Z');
const valid: NotificationFacts = {
  child: { dateOfBirth: '2026-01-10', nhsNumber: '9990001235' },
  dateOfDeath: '2026-03-02',
  notifiedAt: '2026-03-02T08:05:00+00:00',
  circumstances: {},
};
const fields = (facts: NotificationFacts) => {
  const check = checkNotification(facts, now);
  return check.outcome === 'invalid' ? check.problems.map((p) => p.field) : [];
};

describe('checkNotification', () => {
  it('accepts an infant death notified the same day', () => {
    expect(checkNotification(valid, now)).toEqual({ outcome: 'accepted' });
  });

  it('names the NHS number when its check digit is wrong', () => {
    expect(fields({ ...valid, child: { ...valid.child, nhsNumber: '9990001234' } })).toEqual([
      'child.nhsNumber',
    ]);
  });

  it('needs a reason when there is no NHS number', () => {
    expect(fields({ ...valid, child: { dateOfBirth: '2026-01-10' } })).toEqual([
      'child.nhsNumberMissingReason',
    ]);
  });

  it('refuses a death in the future and a death before birth', () => {
    expect(fields({ ...valid, dateOfDeath: '2026-03-06' })).toEqual(['dateOfDeath']);
    expect(fields({ ...valid, dateOfDeath: '2026-01-09' })).toEqual(['dateOfDeath']);
  });

  it('refuses a notification stamped in the future or before the death', () => {
    expect(fields({ ...valid, notifiedAt: '2026-03-06T08:00:00Z' })).toEqual(['notifiedAt']);
    expect(fields({ ...valid, notifiedAt: '2026-03-01T08:00:00Z' })).toEqual(['notifiedAt']);
  });

  it('refuses someone aged 18 at death, naming the date of birth', () => {
    expect(fields({ ...valid, child: { ...valid.child, dateOfBirth: '2008-03-02' } })).toEqual([
      'child.dateOfBirth',
    ]);
    expect(
      checkNotification({ ...valid, child: { ...valid.child, dateOfBirth: '2008-03-03' } }, now).outcome,
    ).toBe('accepted');
  });

  it('refuses a stillbirth with medical attendance and a lawful termination as out of scope', () => {
    expect(
      checkNotification({ ...valid, stillbirth: true, medicalAttendanceAtBirth: true }, now),
    ).toMatchObject({
      outcome: 'out-of-scope',
      reason: 'stillbirth-with-medical-attendance',
    });
    expect(checkNotification({ ...valid, lawfulTermination: true }, now)).toMatchObject({
      outcome: 'out-of-scope',
      reason: 'lawful-termination',
    });
  });

  it('accepts a stillbirth with no healthcare professional present', () => {
    const unattended = { ...valid, circumstances: { stillbirthNoHealthProfessional: true } };
    expect(checkNotification(unattended, now)).toEqual({ outcome: 'accepted' });
  });

  it('refuses answers that contradict the unattended stillbirth', () => {
    const contradictory = {
      ...valid,
      circumstances: { stillbirthNoHealthProfessional: true },
      medicalAttendanceAtBirth: true,
    };
    expect(fields(contradictory)).toEqual(['medicalAttendanceAtBirth']);
  });
});
