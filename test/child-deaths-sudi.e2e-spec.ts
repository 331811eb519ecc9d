import { NestExpressApplication } from '@nestjs/platform-express';
import { createTestApp } from './support/test-app';
import {
  api,
  clock,
  createFootprint,
  Deadline,
  Footprint,
  setNow,
  sudiNotification,
  testFamilyName,
} from './child-deaths.fixtures';

/**
 * A sudden unexpected infant death from notification to NCMD: notified by the hospital and then by the
 * police, one case; the joint agency response; agencies' reports; the review meeting; the analysis; and
 * every clock met on the way.
 */
describe('child death review: sudden unexpected death in infancy', () => {
  let app: NestExpressApplication;
  let f: Footprint;
  let caseId: string;
  const familyName = testFamilyName();

  const deadlines = async (): Promise<Deadline[]> =>
    (await api(app, f.admin).get(`/api/child-deaths/${caseId}/deadlines`).expect(200)).body;
  const version = async (): Promise<number> =>
    (await api(app, f.admin).get(`/api/child-deaths/${caseId}`).expect(200)).body.version;

  beforeAll(async () => {
    app = await createTestApp();
    f = await createFootprint(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens a case from the hospital notification, with a joint agency response required', async () => {
    setNow(app, '2026-03-02T08:05:30Z');
    const res = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', sudiNotification(f, { familyName }))
      .expect(201);
    expect(res.body).toMatchObject({
      duplicateOfExistingCase: false,
      jar: { required: true, criteria: ['sudden-no-apparent-cause'] },
    });
    expect(res.body.caseReference).toMatch(/^CDR-2026-\d{4}$/);
    caseId = res.body.caseId;

    const list = await deadlines();
    expect(clock(list, 'CDR-NOTIFY')).toMatchObject({ status: 'met' });
    expect(clock(list, 'CDR-JAR-DECISION')).toMatchObject({ status: 'pending', dueDate: '2026-03-02' });
    expect(clock(list, 'CDR-DESIGNATED-DR')).toMatchObject({ status: 'met' });
    expect(clock(list, 'CDR-CDRM')).toMatchObject({ status: 'pending', dueDate: '2026-05-25' });
  });

  it('attaches the police notification of the same death to the same case, matched on name and dates', async () => {
    setNow(app, '2026-03-02T09:30:00Z');
    const hospital = sudiNotification(f, { familyName: `${familyName}e` });
    const { nhsNumber: _none, ...child } = hospital.child;
    const police = {
      ...hospital,
      child: { ...child, nhsNumberMissingReason: 'not-yet-available' },
      notifiedAt: '2026-03-02T09:29:00+00:00',
      notifier: { name: 'DS Poppy Police', role: 'Detective sergeant', organisation: 'Northshire Police' },
    };
    const res = await api(app, f.policeNotifier).post('/api/child-deaths/notifications', police).expect(201);
    expect(res.body).toMatchObject({ caseId, duplicateOfExistingCase: true, matchedOn: 'name-dob-dod' });

    const view = (await api(app, f.admin).get(`/api/child-deaths/${caseId}`).expect(200)).body;
    expect(view.notifications).toHaveLength(2);
    expect(view.notifications[1].answers.child.familyName).toBe(`${familyName}e`);
    expect(view.reconciliation.disagreements).toEqual(['child.familyName']);
    expect(view.owningCdop.id).toBe(f.cdop.id);
    expect(view.jar).toMatchObject({ required: true, criteria: ['sudden-no-apparent-cause'] });
    expect(view.status).toBe('notified');
  });

  it('lets the designated doctor confirm the joint agency response, and records it', async () => {
    setNow(app, '2026-03-02T10:00:00Z');
    await api(app, f.admin).post(`/api/child-deaths/${caseId}/jar/decision`, { required: true }).expect(403);
    const decided = await api(app, f.doctor)
      .post(`/api/child-deaths/${caseId}/jar/decision`, { required: true })
      .expect(200);
    expect(decided.body).toMatchObject({ required: true, outcome: 'confirmed', status: 'jar-in-progress' });

    setNow(app, '2026-03-02T17:00:00Z');
    await api(app, f.admin)
      .put(`/api/child-deaths/${caseId}/jar/record`, {
        version: decided.body.version,
        professionals: [
          { name: 'Dr Dee', role: 'On-call paediatrician', organisation: 'Northshire Hospitals' },
          { name: 'DS Poppy Police', role: 'Investigator', organisation: 'Northshire Police' },
        ],
        informationSharing: { heldAt: '2026-03-02T14:00:00+00:00', notes: 'Strategy agreed' },
        homeVisit: { visitedAt: '2026-03-02T16:00:00+00:00' },
        policeInvestigationStatus: 'ongoing',
        section47: { relevant: false },
      })
      .expect(200);

    setNow(app, '2026-03-03T10:00:00Z');
    await api(app, f.admin)
      .put(`/api/child-deaths/${caseId}/key-worker`, {
        version: await version(),
        name: 'Kim Keyworker',
        role: 'Specialist nurse',
        organisation: 'Northshire Hospitals',
      })
      .expect(200);
    await api(app, f.admin)
      .post(`/api/child-deaths/${caseId}/family-contacts`, {
        contactedOn: '2026-03-03',
        method: 'in-person',
        contactBy: 'Kim Keyworker',
        guideOffered: true,
        questionsForCdrm: ['Could anything have been done differently at the first hospital visit?'],
      })
      .expect(201);

    const list = await deadlines();
    for (const rule of ['CDR-JAR-DECISION', 'CDR-JAR-MEETING', 'CDR-HOME-VISIT', 'CDR-FAMILY-LEAFLET']) {
      expect(clock(list, rule)).toMatchObject({ status: 'met' });
    }
  });

  it('asks two agencies for reports, which both return them: one signed in, one through its link', async () => {
    setNow(app, '2026-03-04T09:00:00Z');
    const asked = await api(app, f.admin)
      .post(`/api/child-deaths/${caseId}/reporting-requests`, {
        requests: [
          {
            kind: 'reporting',
            recipient: {
              name: 'Dr Hal Hospital',
              role: 'Consultant paediatrician',
              organisation: 'Northshire Hospitals',
            },
            agencyOrganisationId: f.trust.id,
          },
          { kind: 'reporting', recipient: { name: 'Dr Gee', role: 'GP', organisation: 'Mill Lane Surgery' } },
        ],
      })
      .expect(201);
    expect(asked.body).toHaveLength(2);
    const [trustRequest, gpRequest] = asked.body;
    expect(trustRequest).toMatchObject({ status: 'sent', dueDate: '2026-04-01' });
    expect(trustRequest.link).toBeUndefined();
    expect(gpRequest.link).toBe(`/reporting-forms/by-link?token=${gpRequest.linkToken}`);
    expect(gpRequest.linkToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    setNow(app, '2026-03-10T11:00:00Z');
    const mine = (await api(app, f.trustAgency).get('/api/reporting-forms').expect(200)).body;
    expect(mine.map((r: { id: string }) => r.id)).toContain(trustRequest.id);
    // An agency account sees its form, never the case itself.
    await api(app, f.trustAgency).get(`/api/child-deaths/${caseId}`).expect(404);
    const form = (await api(app, f.trustAgency).get(`/api/reporting-forms/${trustRequest.id}`).expect(200))
      .body;
    expect(form.questions.map((q: { key: string }) => q.key)).toContain('eventsLeadingToDeath');
    await api(app, f.trustAgency)
      .post(`/api/reporting-forms/${trustRequest.id}/return`, {
        answers: {
          agencyInvolvement: 'Seen at 6 weeks for a routine check.',
          eventsLeadingToDeath: 'Found unresponsive in the morning; resuscitation unsuccessful.',
          livedInPovertyOrDeprivation: true,
          bereavementSupportOffered: true,
        },
      })
      .expect(200);

    const token = gpRequest.linkToken;
    await api(app).get(`/api/reporting-form-links?token=${token}`).expect(200);
    await api(app)
      .post('/api/reporting-form-links/return', {
        token,
        answers: {
          agencyInvolvement: 'Registered at birth.',
          eventsLeadingToDeath: 'Not known to the practice.',
        },
      })
      .expect(200);
    await api(app).get(`/api/reporting-form-links?token=${token}`).expect(410);

    const requests = (
      await api(app, f.admin).get(`/api/child-deaths/${caseId}/reporting-requests`).expect(200)
    ).body;
    expect(requests.map((r: { status: string }) => r.status)).toEqual(['returned', 'returned']);
    const returns = (await deadlines()).filter((d) => d.rule === 'CDR-AGENCY-RETURN');
    expect(returns.map((d) => d.status)).toEqual(['met', 'met']);
  });

  it('schedules the review meeting with a warning while the post-mortem report is awaited, then holds it', async () => {
    setNow(app, '2026-03-05T09:00:00Z');
    const scheduled = await api(app, f.admin)
      .post(`/api/child-deaths/${caseId}/review-meetings`, {
        scheduledFor: '2026-04-20T09:30:00+01:00',
        location: 'Room 2, Civic Centre',
        attendees: [
          {
            name: 'Dr Dee',
            role: 'Designated doctor (chair)',
            organisation: 'CDOP',
            email: f.doctor.user.email,
          },
          {
            name: 'Lucy Hart',
            role: 'Health visitor',
            organisation: 'Northshire Community Health',
            email: 'lucy@nhs.example',
          },
        ],
      })
      .expect(201);
    expect(scheduled.body.warnings).toEqual([expect.stringContaining('post-mortem report is not in')]);

    const notices = (await api(app, f.doctor).get('/api/child-death-notices').expect(200)).body;
    expect(notices.map((n: { kind: string }) => n.kind)).toEqual(
      expect.arrayContaining(['death-notified', 'cdrm-invitation']),
    );
    const ics = await api(app, f.doctor)
      .get(`/api/child-deaths/${caseId}/review-meetings/${scheduled.body.id}/invitation.ics`)
      .expect(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.text).toContain('DTSTART:20260420T083000Z');

    setNow(app, '2026-04-01T12:00:00Z');
    await api(app, f.admin)
      .put(`/api/child-deaths/${caseId}/investigations`, {
        version: await version(),
        postMortem: { status: 'report-received', reportReceivedOn: '2026-04-01' },
        coroner: { involved: true, inquest: 'none' },
      })
      .expect(200);

    setNow(app, '2026-04-20T15:00:00Z');
    await api(app, f.admin)
      .post(`/api/child-deaths/${caseId}/review-meetings/${scheduled.body.id}/held`, {
        heldOn: '2026-04-20',
        attended: ['Dr Dee', 'Lucy Hart'],
        notes: 'Family questions discussed.',
      })
      .expect(200);
    const list = await deadlines();
    expect(clock(list, 'CDR-CDRM')).toMatchObject({ status: 'met' });
    // Ten working days from Monday 20 April, skipping the May Day bank holiday.
    expect(clock(list, 'CDR-DRAFT-ANALYSIS')).toMatchObject({ status: 'pending', dueDate: '2026-05-05' });
  });

  it('drafts the analysis, refuses to finalise it while incomplete, then finalises it', async () => {
    setNow(app, '2026-04-24T10:00:00Z');
    const draft = await api(app, f.doctor)
      .put(`/api/child-deaths/${caseId}/analysis`, {
        formVersion: '2026-04',
        domains: [
          {
            domain: 'B',
            factors: [{ code: 'B05', label: 'Unsafe sleeping arrangements', score: 2, modifiable: true }],
          },
        ],
        modifiableFactors: 'yes',
        primaryCategory: 10,
        otherCategories: [],
      })
      .expect(200);
    expect(draft.body.missing.map((p: { field: string }) => p.field)).toEqual(
      expect.arrayContaining(['causeOfDeath', 'learningPoints', 'referredToSafeguarding']),
    );
    await api(app, f.doctor)
      .post(`/api/child-deaths/${caseId}/analysis/send-to-cdop`, { version: draft.body.version })
      .expect(200);

    setNow(app, '2026-05-12T16:00:00Z');
    const refused = await api(app, f.admin)
      .post(`/api/child-deaths/${caseId}/analysis/finalise`, { reviewedOn: '2026-05-12' })
      .expect(422);
    expect(refused.body.missing.map((p: { field: string }) => p.field)).toEqual([
      'causeOfDeath',
      'learningPoints',
      'referredToSafeguarding',
    ]);

    const complete = await api(app, f.admin)
      .put(`/api/child-deaths/${caseId}/analysis`, {
        version: draft.body.version + 1,
        formVersion: '2026-04',
        domains: [
          {
            domain: 'B',
            factors: [{ code: 'B05', label: 'Unsafe sleeping arrangements', score: 2, modifiable: true }],
          },
        ],
        modifiableFactors: 'yes',
        primaryCategory: 10,
        otherCategories: [],
        causeOfDeath: 'Sudden unexpected death in infancy, unexplained',
        icd10Codes: ['R95'],
        learningPoints: ['Safer sleep advice must be repeated at every health visitor contact.'],
        actions: [
          {
            owner: 'Northshire Community Health',
            description: 'Audit safer sleep advice',
            dueDate: '2026-09-30',
          },
        ],
        referredToSafeguarding: false,
      })
      .expect(200);
    expect(complete.body.missing).toEqual([]);
    const final = await api(app, f.panel)
      .post(`/api/child-deaths/${caseId}/analysis/finalise`, {
        reviewedOn: '2026-05-12',
        version: complete.body.version,
      })
      .expect(200);
    expect(final.body).toMatchObject({ status: 'final', reviewedOn: '2026-05-12' });

    const actions = (await api(app, f.admin).get(`/api/cdop/actions?caseId=${caseId}`).expect(200)).body;
    expect(actions).toEqual([expect.objectContaining({ status: 'open', dueDate: '2026-09-30' })]);
  });

  it('records the NCMD submission, after which every clock is met and the case can close', async () => {
    setNow(app, '2026-05-14T10:00:00Z');
    await api(app, f.admin).post(`/api/child-deaths/${caseId}/close`, {}).expect(422);
    await api(app, f.admin)
      .post(`/api/child-deaths/${caseId}/ncmd-submission`, { submittedOn: '2026-05-14' })
      .expect(200);
    const [action] = (await api(app, f.admin).get(`/api/cdop/actions?caseId=${caseId}`).expect(200)).body;
    await api(app, f.admin)
      .patch(`/api/cdop/actions/${action.id}`, {
        version: action.version,
        status: 'completed',
        completedOn: '2026-05-14',
      })
      .expect(200);

    const list = await deadlines();
    expect(list.map((d) => d.rule).sort()).toEqual([
      'CDR-ACTION-DUE',
      'CDR-AGENCY-RETURN',
      'CDR-AGENCY-RETURN',
      'CDR-CDOP-REVIEW',
      'CDR-CDRM',
      'CDR-DESIGNATED-DR',
      'CDR-DRAFT-ANALYSIS',
      'CDR-FAMILY-LEAFLET',
      'CDR-HOME-VISIT',
      'CDR-JAR-DECISION',
      'CDR-JAR-MEETING',
      'CDR-NCMD-SUBMIT',
      'CDR-NOTIFY',
    ]);
    expect(list.filter((d) => d.status !== 'met')).toEqual([]);

    const closed = await api(app, f.admin).post(`/api/child-deaths/${caseId}/close`, {}).expect(200);
    expect(closed.body.status).toBe('closed');
    const view = (await api(app, f.admin).get(`/api/child-deaths/${caseId}`).expect(200)).body;
    expect(view.timeline.map((t: { state: string }) => t.state)).toEqual([
      'notified',
      'jar-in-progress',
      'information-gathering',
      'awaiting-cdrm',
      'cdrm-held',
      'awaiting-cdop',
      'reviewed-by-cdop',
      'submitted-to-ncmd',
      'closed',
    ]);
  });
});
