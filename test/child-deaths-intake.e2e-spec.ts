import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { signIn, SignedIn } from './support/auth';
import { createTestApp } from './support/test-app';
import {
  api,
  childDeathRowCounts,
  clock,
  createFootprint,
  Deadline,
  Footprint,
  setNow,
  sudiNotification,
  testFamilyName,
  testNhsNumber,
} from './child-deaths.fixtures';

/** An expected death from a long illness, notified by the hospital the next morning. */
function expectedDeath(f: Footprint, extra: object = {}) {
  return sudiNotification(
    f,
    {},
    {
      child: {
        givenName: 'Isaac',
        familyName: testFamilyName(),
        dateOfBirth: '2015-06-02',
        sex: 'male',
        nhsNumber: testNhsNumber(),
      },
      dateOfDeath: '2026-03-01',
      timeOfDeath: '14:25',
      placeOfDeath: 'hospital',
      notifiedAt: '2026-03-02T09:00:00+00:00',
      expected: true,
      circumstances: {},
      postMortemRequired: false,
      coronerInvolved: false,
      ...extra,
    },
  );
}

describe('child death review: notification and immediate decisions', () => {
  let app: NestExpressApplication;
  let f: Footprint;

  beforeAll(async () => {
    app = await createTestApp();
    f = await createFootprint(app);
    setNow(app, '2026-03-02T12:00:00Z');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('gives an expected death from a chronic condition no joint agency response and a lighter process', async () => {
    const res = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', expectedDeath(f))
      .expect(201);
    expect(res.body).toMatchObject({
      duplicateOfExistingCase: false,
      jar: { required: false, criteria: [] },
    });
    const caseId = res.body.caseId;

    const deadlines: Deadline[] = (
      await api(app, f.admin).get(`/api/child-deaths/${caseId}/deadlines`).expect(200)
    ).body;
    expect(deadlines.map((d) => d.rule).sort()).toEqual([
      'CDR-CDOP-REVIEW',
      'CDR-CDRM',
      'CDR-DESIGNATED-DR',
      'CDR-FAMILY-LEAFLET',
      'CDR-NOTIFY',
    ]);
    const version = (await api(app, f.admin).get(`/api/child-deaths/${caseId}`).expect(200)).body.version;
    await api(app, f.admin)
      .put(`/api/child-deaths/${caseId}/jar/record`, { version, professionals: [] })
      .expect(409);

    const overrideWithoutReason = await api(app, f.doctor)
      .post(`/api/child-deaths/${caseId}/jar/decision`, { required: true })
      .expect(400);
    expect(overrideWithoutReason.body.message).toEqual([expect.stringMatching(/^reason: /)]);
    const confirmed = await api(app, f.doctor)
      .post(`/api/child-deaths/${caseId}/jar/decision`, { required: false })
      .expect(200);
    expect(confirmed.body).toMatchObject({ outcome: 'confirmed', status: 'information-gathering' });
  });

  it('opens the serious incident notification the rules require when a looked after child dies', async () => {
    const res = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', expectedDeath(f, { lookedAfter: true }))
      .expect(201);
    const view = (await api(app, f.admin).get(`/api/child-deaths/${res.body.caseId}`).expect(200)).body;
    expect(view.lookedAfterLinkPending).toBe(false);
    expect(view.seriousIncidentLinks).toEqual([
      expect.objectContaining({ reason: 'looked-after-child-death', localAuthorityId: f.la.id }),
    ]);

    const laNotifier = await signIn(app, { roles: ['la-notifier'], organisationIds: [f.la.id] });
    const incident = (
      await api(app, laNotifier)
        .get(`/api/serious-incidents/${view.seriousIncidentLinks[0].incidentId}`)
        .expect(200)
    ).body;
    expect(incident).toMatchObject({ childDeathCaseId: res.body.caseId, type: 'death', status: 'draft' });
    expect(incident.children).toEqual([expect.objectContaining({ legalStatus: 'looked-after' })]);
  });

  it('refuses bad input with 400 naming the field, and leaves nothing half-saved', async () => {
    const before = await childDeathRowCounts(app);
    const refuse = async (body: object, field: string, status = 400) => {
      const res = await api(app, f.hospitalNotifier)
        .post('/api/child-deaths/notifications', body)
        .expect(status);
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringContaining(field)]));
      return res.body;
    };
    const base = sudiNotification(f);
    await refuse({ ...base, child: { ...base.child, nhsNumber: '9990001234' } }, 'child.nhsNumber');
    await refuse({ ...base, child: { ...base.child, nhsNumber: undefined } }, 'child.nhsNumberMissingReason');
    await refuse({ ...base, dateOfDeath: '2026-03-03' }, 'dateOfDeath');
    await refuse({ ...base, dateOfDeath: '2025-11-30' }, 'dateOfDeath');
    await refuse({ ...base, notifiedAt: '2026-03-04T08:00:00+00:00' }, 'notifiedAt');
    await refuse({ ...base, child: { ...base.child, dateOfBirth: '2008-03-01' } }, 'child.dateOfBirth');
    await refuse({ ...base, colour: 'red' }, 'colour');
    await refuse(
      { ...base, circumstances: { suddenNoApparentCause: 'yes' } },
      'circumstances.suddenNoApparentCause',
    );
    await refuse({ ...base, cdopId: f.la.id }, 'cdopId');
    const outOfScope = await refuse(
      { ...base, stillbirth: true, medicalAttendanceAtBirth: true },
      'stillbirth where a healthcare professional was in attendance',
      422,
    );
    expect(outOfScope.reason).toBe('stillbirth-with-medical-attendance');

    const opened = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', sudiNotification(f))
      .expect(201);
    const afterOne = await childDeathRowCounts(app);
    const category = await api(app, f.doctor)
      .put(`/api/child-deaths/${opened.body.caseId}/analysis`, {
        formVersion: '2026-04',
        primaryCategory: 11,
      })
      .expect(400);
    expect(category.body.message).toEqual([expect.stringContaining('primaryCategory')]);
    await api(app, f.doctor)
      .put(`/api/child-deaths/${opened.body.caseId}/analysis`, { formVersion: '2019-01' })
      .expect(400);

    expect(await childDeathRowCounts(app)).toEqual(afterOne);
    expect(afterOne.cdr_case).toBe(before.cdr_case + 1);
    expect(afterOne.cdr_notification).toBe(before.cdr_notification + 1);
  });

  it('accepts a stillbirth with no healthcare professional present, and requires a joint agency response', async () => {
    const res = await api(app, f.policeNotifier)
      .post(
        '/api/child-deaths/notifications',
        sudiNotification(
          f,
          {},
          {
            child: {
              givenName: 'Baby',
              familyName: testFamilyName(),
              dateOfBirth: '2026-03-01',
              sex: 'not-known',
              nhsNumberMissingReason: 'not-yet-available',
            },
            dateOfDeath: '2026-03-01',
            circumstances: { stillbirthNoHealthProfessional: true },
            stillbirth: true,
          },
        ),
      )
      .expect(201);
    expect(res.body.jar).toEqual({ required: true, criteria: ['stillbirth-no-health-professional'] });
  });

  it('attaches a later notification with the same NHS number whatever the name, and keeps each as submitted', async () => {
    const nhsNumber = testNhsNumber();
    const first = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', sudiNotification(f, { nhsNumber }))
      .expect(201);
    const registrar = sudiNotification(
      f,
      { nhsNumber: `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}` },
      {
        notifiedAt: '2026-03-02T11:00:00+00:00',
        child: {
          givenName: 'Livvy',
          familyName: testFamilyName(),
          dateOfBirth: '2025-12-01',
          sex: 'female',
          nhsNumber,
        },
      },
    );
    const second = await api(app, f.policeNotifier)
      .post('/api/child-deaths/notifications', registrar)
      .expect(201);
    expect(second.body).toMatchObject({
      caseId: first.body.caseId,
      duplicateOfExistingCase: true,
      matchedOn: 'nhs-number',
    });

    const view = (await api(app, f.admin).get(`/api/child-deaths/${first.body.caseId}`).expect(200)).body;
    expect(
      view.notifications.map((n: { answers: { child: { givenName: string } } }) => n.answers.child.givenName),
    ).toEqual(['Olivia', 'Livvy']);
    expect(view.reconciliation.disagreements).toEqual(
      expect.arrayContaining(['child.givenName', 'child.familyName']),
    );
  });

  it('keeps twins apart: same dates, names one letter apart, no NHS numbers', async () => {
    const familyName = testFamilyName();
    const twin = (givenName: string) =>
      sudiNotification(
        f,
        {},
        {
          child: {
            givenName,
            familyName,
            dateOfBirth: '2026-01-20',
            sex: 'male',
            nhsNumberMissingReason: 'not-yet-available',
          },
        },
      );
    const jack = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', twin('Jack'))
      .expect(201);
    const jake = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', twin('Jake'))
      .expect(201);
    expect(jake.body.duplicateOfExistingCase).toBe(false);
    expect(jake.body.caseId).not.toBe(jack.body.caseId);
  });

  it('repeats the first answer for a repeated Idempotency-Key and creates nothing new', async () => {
    const body = sudiNotification(f);
    const key = `cdr-${testNhsNumber()}`;
    const first = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', body)
      .set('Idempotency-Key', key)
      .expect(201);
    const counts = await childDeathRowCounts(app);
    const again = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', body)
      .set('Idempotency-Key', key)
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(await childDeathRowCounts(app)).toEqual(counts);
  });

  it('tells the designated doctor of every death, and records how when the CDOP has no doctor account', async () => {
    const res = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', sudiNotification(f))
      .expect(201);
    const notices = (await api(app, f.doctor).get('/api/child-death-notices').expect(200)).body;
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'death-notified',
          caseId: res.body.caseId,
          message: expect.stringContaining(res.body.caseReference),
        }),
      ]),
    );
    // Notices never carry the child's name.
    expect(JSON.stringify(notices)).not.toContain('Olivia');

    const lone = await createFootprint(app);
    await app
      .get(DataSource)
      .query(`UPDATE app_user SET active = false WHERE id = $1`, [lone.doctor.user.id]);
    const other = await api(app, lone.hospitalNotifier)
      .post('/api/child-deaths/notifications', sudiNotification(lone))
      .expect(201);
    const pending = (
      await api(app, lone.admin).get(`/api/child-deaths/${other.body.caseId}/deadlines`).expect(200)
    ).body;
    expect(clock(pending, 'CDR-DESIGNATED-DR')).toMatchObject({ status: 'pending' });
    await api(app, lone.admin)
      .post(`/api/child-deaths/${other.body.caseId}/designated-doctor-informed`, { names: ['Dr On Call'] })
      .expect(200);
    const met = (
      await api(app, lone.admin).get(`/api/child-deaths/${other.body.caseId}/deadlines`).expect(200)
    ).body;
    expect(clock(met, 'CDR-DESIGNATED-DR')).toMatchObject({ status: 'met' });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const res = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', sudiNotification(f))
      .expect(201);
    const caseId = res.body.caseId;
    const version = (await api(app, f.admin).get(`/api/child-deaths/${caseId}`).expect(200)).body.version;
    const keyWorker = {
      name: 'Kim Keyworker',
      role: 'Specialist nurse',
      organisation: 'Northshire Hospitals',
    };
    await api(app, f.admin)
      .put(`/api/child-deaths/${caseId}/key-worker`, { version, ...keyWorker })
      .expect(200);
    await api(app, f.admin)
      .put(`/api/child-deaths/${caseId}/key-worker`, { version, ...keyWorker, name: 'Someone Else' })
      .expect(409);
    const view = (await api(app, f.admin).get(`/api/child-deaths/${caseId}`).expect(200)).body;
    expect(view.keyWorker.name).toBe('Kim Keyworker');
  });

  it('answers 404 to people outside the CDOP and 403 to the wrong role', async () => {
    const res = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', sudiNotification(f))
      .expect(201);
    const elsewhere: SignedIn = (await createFootprint(app)).admin;
    await api(app, elsewhere).get(`/api/child-deaths/${res.body.caseId}`).expect(404);
    await api(app, elsewhere)
      .post(`/api/child-deaths/${res.body.caseId}/pause`, { reason: 'inquest' })
      .expect(403);
    await api(app, f.panel)
      .post(`/api/child-deaths/${res.body.caseId}/pause`, { reason: 'inquest' })
      .expect(403);
    await api(app, f.admin).get('/api/child-deaths/not-a-case').expect(404);
  });
});
