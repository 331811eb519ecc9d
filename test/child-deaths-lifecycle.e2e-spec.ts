import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { ReminderScheduler } from '../src/reminders/reminder.scheduler';
import { createTestApp } from './support/test-app';
import {
  api,
  clock,
  createFootprint,
  Deadline,
  Footprint,
  setNow,
  sudiNotification,
  testNhsNumber,
} from './child-deaths.fixtures';

describe('child death review: the case over time', () => {
  let app: NestExpressApplication;
  let f: Footprint;

  const notify = async (body: object = sudiNotification(f)) =>
    (await api(app, f.hospitalNotifier).post('/api/child-deaths/notifications', body).expect(201)).body as {
      caseId: string;
      caseReference: string;
    };
  const view = async (caseId: string, who = f.admin) =>
    (await api(app, who).get(`/api/child-deaths/${caseId}`).expect(200)).body;
  const deadlines = async (caseId: string): Promise<Deadline[]> =>
    (await api(app, f.admin).get(`/api/child-deaths/${caseId}/deadlines`).expect(200)).body;

  /** Takes a new case through its review meeting, with a complete draft analysis with the CDOP. */
  async function caseAwaitingCdop(): Promise<string> {
    setNow(app, '2026-03-02T12:00:00Z');
    const { caseId } = await notify();
    await api(app, f.doctor).post(`/api/child-deaths/${caseId}/jar/decision`, { required: true }).expect(200);
    const meeting = await api(app, f.admin)
      .post(`/api/child-deaths/${caseId}/review-meetings`, {
        scheduledFor: '2026-04-14T10:00:00+01:00',
        attendees: [{ name: 'Dr Dee', role: 'Chair', organisation: 'CDOP' }],
      })
      .expect(201);
    setNow(app, '2026-04-14T15:00:00Z');
    await api(app, f.admin)
      .post(`/api/child-deaths/${caseId}/review-meetings/${meeting.body.id}/held`, {
        heldOn: '2026-04-14',
        attended: ['Dr Dee'],
      })
      .expect(200);
    const draft = await api(app, f.doctor)
      .put(`/api/child-deaths/${caseId}/analysis`, {
        formVersion: '2026-04',
        domains: [{ domain: 'A', factors: [{ code: 'A03', label: 'Acute or chronic illness', score: 1 }] }],
        modifiableFactors: 'no',
        primaryCategory: 9,
        otherCategories: [3],
        causeOfDeath: 'Pneumococcal meningitis',
        icd10Codes: ['G00.1'],
        learningPoints: ['No learning identified'],
        actions: [],
        referredToSafeguarding: false,
      })
      .expect(200);
    expect(draft.body.warnings).toEqual([expect.objectContaining({ field: 'primaryCategory' })]);
    await api(app, f.doctor).post(`/api/child-deaths/${caseId}/analysis/send-to-cdop`, {}).expect(200);
    return caseId;
  }

  beforeAll(async () => {
    app = await createTestApp();
    f = await createFootprint(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('makes the CDOP where the child lived the reviewer of a non-resident death, visible to both', async () => {
    setNow(app, '2026-03-02T12:00:00Z');
    const home = await createFootprint(app);
    const { caseId } = await notify(
      sudiNotification(
        f,
        {},
        { residentLocalAuthorityId: home.la.id, placeOfDeathLocalAuthorityId: f.la.id },
      ),
    );
    const seen = await view(caseId, home.admin);
    expect(seen.owningCdop.id).toBe(home.cdop.id);
    expect(seen.sharedWithCdops.map((c: { id: string }) => c.id)).toEqual([f.cdop.id]);
    expect((await view(caseId, f.admin)).reviewingCdopId).toBe(home.cdop.id);

    const handed = await api(app, home.admin)
      .post(`/api/child-deaths/${caseId}/reviewing-cdop`, {
        cdopId: f.cdop.id,
        reason: 'Agreed by both designated doctors',
      })
      .expect(200);
    expect(handed.body).toMatchObject({ owningCdopId: f.cdop.id, sharedWithCdopIds: [home.cdop.id] });
  });

  it('keeps what was done when the designated doctor changes the decision afterwards', async () => {
    setNow(app, '2026-03-02T12:00:00Z');
    const { caseId } = await notify();
    const decided = await api(app, f.doctor)
      .post(`/api/child-deaths/${caseId}/jar/decision`, { required: true })
      .expect(200);
    await api(app, f.admin)
      .put(`/api/child-deaths/${caseId}/jar/record`, {
        version: decided.body.version,
        professionals: [],
        informationSharing: { heldAt: '2026-03-02T11:30:00+00:00' },
      })
      .expect(200);
    const changed = await api(app, f.doctor)
      .post(`/api/child-deaths/${caseId}/jar/decision`, {
        required: false,
        reason: 'The post-mortem found a natural cause',
      })
      .expect(200);
    expect(changed.body).toMatchObject({ required: false, outcome: 'overridden' });
    const list = await deadlines(caseId);
    expect(clock(list, 'CDR-JAR-MEETING')).toMatchObject({ status: 'met' });
    expect(clock(list, 'CDR-HOME-VISIT')).toMatchObject({ status: 'not-applicable' });
  });

  it('merges a duplicate case by hand and splits it out again, with both recorded in the audit trail', async () => {
    setNow(app, '2026-03-02T12:00:00Z');
    const first = await notify();
    const second = await notify();
    const merged = await api(app, f.admin)
      .post(`/api/child-deaths/${first.caseId}/merge`, {
        duplicateCaseId: second.caseId,
        reason: 'Same child: NHS number mistyped',
      })
      .expect(200);
    expect(merged.body.id).toBe(first.caseId);
    const target = await view(first.caseId);
    expect(target.notifications).toHaveLength(2);
    expect((await view(second.caseId)).mergedIntoCaseId).toBe(first.caseId);
    const stopped = await deadlines(second.caseId);
    expect(stopped.every((d) => d.status === 'not-applicable' || d.status === 'met')).toBe(true);
    await api(app, f.admin)
      .post(`/api/child-deaths/${second.caseId}/pause`, { reason: 'inquest' })
      .expect(409);

    const split = await api(app, f.admin)
      .post(`/api/child-deaths/${first.caseId}/split`, {
        notificationIds: [target.notifications[1].id],
        reason: 'Different child after all',
      })
      .expect(201);
    expect(split.body.id).not.toBe(first.caseId);
    expect((await view(split.body.id)).notifications).toHaveLength(1);
    expect((await view(first.caseId)).notifications).toHaveLength(1);

    const audit = (await api(app, f.admin).get(`/api/audit?caseId=${first.caseId}`).expect(200)).body as {
      action: string;
      details: { event?: string; reason?: string };
    }[];
    expect(audit.map((a) => a.details.event)).toEqual(expect.arrayContaining(['merged-from', 'split']));
    expect(audit.find((a) => a.details.event === 'merged-from')?.details.reason).toBe(
      'Same child: NHS number mistyped',
    );
  });

  it('pauses the review meeting and CDOP review clocks while a criminal investigation runs', async () => {
    setNow(app, '2026-03-02T12:00:00Z');
    const { caseId } = await notify();
    await api(app, f.admin)
      .put(`/api/child-deaths/${caseId}/investigations`, {
        version: (await view(caseId)).version,
        criminalInvestigation: { status: 'ongoing' },
        pause: true,
      })
      .expect(200);
    const paused = await deadlines(caseId);
    expect(clock(paused, 'CDR-CDRM')).toMatchObject({
      status: 'paused',
      pausedReason: 'criminal-investigation-or-prosecution',
    });
    expect(clock(paused, 'CDR-CDOP-REVIEW')).toMatchObject({ status: 'paused' });
    expect(clock(paused, 'CDR-FAMILY-LEAFLET')).toMatchObject({ status: 'pending' });
    expect((await view(caseId)).paused).toMatchObject({ reason: 'criminal-investigation-or-prosecution' });

    setNow(app, '2026-03-12T12:00:00Z');
    await api(app, f.admin).post(`/api/child-deaths/${caseId}/resume`, {}).expect(200);
    const resumed = await deadlines(caseId);
    // Ten days paused: the 12-week window now ends ten days later than 25 May.
    expect(clock(resumed, 'CDR-CDRM')).toMatchObject({ status: 'pending', dueDate: '2026-06-04' });
  });

  it('chases an overdue form with a fresh link, after which the old link opens nothing', async () => {
    setNow(app, '2026-03-02T12:00:00Z');
    const { caseId } = await notify();
    const [request] = (
      await api(app, f.admin)
        .post(`/api/child-deaths/${caseId}/reporting-requests`, {
          requests: [
            {
              kind: 'supplementary',
              supplementaryType: 'sudi-sudc',
              recipient: { name: 'Dr Gee', role: 'GP', organisation: 'Mill Lane Surgery' },
            },
          ],
        })
        .expect(201)
    ).body;
    const oldToken = request.linkToken;
    setNow(app, '2026-04-06T09:00:00Z');
    const list = (await api(app, f.admin).get(`/api/child-deaths/${caseId}/reporting-requests`).expect(200))
      .body;
    expect(list[0]).toMatchObject({
      status: 'overdue',
      title: expect.stringContaining('Sudden unexpected death'),
    });

    const [chased] = (
      await api(app, f.admin)
        .post(`/api/child-deaths/${caseId}/reporting-requests/chase`, {
          requestIds: [request.id],
          reissueLinks: true,
        })
        .expect(200)
    ).body;
    expect(chased).toMatchObject({ chaseCount: 1, status: 'overdue' });
    expect(chased.link).not.toBe(request.link);
    await api(app).get(`/api/reporting-form-links?token=${oldToken}`).expect(404);
    const opened = await api(app).get(`/api/reporting-form-links?token=${chased.linkToken}`).expect(200);
    expect(opened.body.questions.map((q: { key: string }) => q.key)).toEqual(['summary', 'details']);
    const requests = (
      await api(app, f.admin).get(`/api/child-deaths/${caseId}/reporting-requests`).expect(200)
    ).body;
    expect(requests[0].openedAt).toBeDefined();
  });

  it('turns evidence of abuse or neglect into a serious incident notification draft the same day', async () => {
    setNow(app, '2026-03-02T12:00:00Z');
    const { caseId } = await notify();
    const res = await api(app, f.doctor)
      .post(`/api/child-deaths/${caseId}/abuse-or-neglect`, {
        summary: 'Skeletal survey shows old fractures.',
      })
      .expect(201);
    expect(res.body).toMatchObject({ localAuthorityId: f.la.id, incidentId: expect.any(String) });
    expect(clock(await deadlines(caseId), 'CDR-SI-REFERRAL')).toMatchObject({
      status: 'met',
      dueDate: '2026-03-02',
    });
    const rows: { abuse_or_neglect: string }[] = await app
      .get(DataSource)
      .query('SELECT abuse_or_neglect FROM serious_incident WHERE id = $1 AND child_death_case_id = $2', [
        res.body.incidentId,
        caseId,
      ]);
    expect(rows).toEqual([{ abuse_or_neglect: 'suspected' }]);
  });

  it('puts cases awaiting the CDOP on a panel meeting, whose agreed outcome finalises the analysis', async () => {
    const caseId = await caseAwaitingCdop();
    setNow(app, '2026-05-05T09:00:00Z');
    const ready = (
      await api(app, f.panel).get(`/api/cdop/panel-meetings/ready?cdopId=${f.cdop.id}`).expect(200)
    ).body;
    expect(ready.map((r: { caseId: string }) => r.caseId)).toContain(caseId);

    const meeting = (
      await api(app, f.admin)
        .post('/api/cdop/panel-meetings', { cdopId: f.cdop.id, meetingOn: '2026-05-05' })
        .expect(201)
    ).body;
    expect(meeting.agenda.map((a: { caseId: string }) => a.caseId)).toContain(caseId);
    const pack = (await api(app, f.panel).get(`/api/cdop/panel-meetings/${meeting.id}/pack`).expect(200))
      .body;
    const inPack = pack.cases.find((c: { case: { id: string } }) => c.case.id === caseId);
    expect(inPack.analysis.primaryCategoryLabel).toBe('Infection');

    const outcome = await api(app, f.admin)
      .post(`/api/cdop/panel-meetings/${meeting.id}/outcomes`, {
        caseId,
        outcome: 'analysis-agreed',
        notes: 'Agreed as drafted',
      })
      .expect(200);
    expect(outcome.body.agenda.find((a: { caseId: string }) => a.caseId === caseId)).toMatchObject({
      outcome: 'analysis-agreed',
      analysisStatus: 'final',
      status: 'reviewed-by-cdop',
    });
    expect((await view(caseId)).cdopReviewedOn).toBe('2026-05-05');
    expect(clock(await deadlines(caseId), 'CDR-NCMD-SUBMIT')).toMatchObject({
      status: 'pending',
      dueDate: '2026-05-12',
    });

    const elsewhere = (await createFootprint(app)).admin;
    await api(app, elsewhere).get(`/api/cdop/panel-meetings/${meeting.id}`).expect(404);
  });

  it('tracks the actions of a finalised analysis, each with a clock that reminds the administrators', async () => {
    const caseId = await caseAwaitingCdop();
    setNow(app, '2026-05-05T09:00:00Z');
    const form = (await api(app, f.admin).get(`/api/child-deaths/${caseId}/analysis`).expect(200)).body;
    await api(app, f.admin)
      .put(`/api/child-deaths/${caseId}/analysis`, {
        ...form.answers,
        formVersion: form.formVersion,
        version: form.version,
        actions: [
          {
            owner: 'Northshire Hospitals',
            description: 'Review triage of febrile infants',
            dueDate: '2026-06-01',
          },
          { owner: 'Northshire Police', description: 'Brief response officers', dueDate: '2026-06-03' },
        ],
      })
      .expect(200);
    await api(app, f.admin)
      .post(`/api/child-deaths/${caseId}/analysis/finalise`, { reviewedOn: '2026-05-05' })
      .expect(200);
    const actions = (await api(app, f.admin).get(`/api/cdop/actions?caseId=${caseId}`).expect(200)).body;
    const [triage, briefing] = actions;
    expect(triage).toMatchObject({ status: 'open', owner: 'Northshire Hospitals', overdue: false });
    const actionClocks = async () =>
      (await api(app, f.admin).get(`/api/deadlines?organisationId=${f.cdop.id}`).expect(200)).body
        .filter((d: { caseId: string; rule: string }) => d.caseId === caseId && d.rule === 'CDR-ACTION-DUE')
        .map((d: { subject: string; dueDate: string; status: string }) => [d.subject, d.dueDate, d.status]);
    expect(await actionClocks()).toEqual([
      [triage.id, '2026-06-01', 'pending'],
      [briefing.id, '2026-06-03', 'pending'],
    ]);

    setNow(app, '2026-06-02T09:00:00Z');
    expect(await actionClocks()).toEqual([
      [triage.id, '2026-06-01', 'overdue'],
      [briefing.id, '2026-06-03', 'pending'],
    ]);
    await app.get(ReminderScheduler).tick();
    const inbox = (await api(app, f.admin).get('/api/reminders').expect(200)).body;
    expect(
      inbox.reminders
        .filter((r: { caseId: string; rule: string }) => r.caseId === caseId && r.rule === 'CDR-ACTION-DUE')
        .map((r: { kind: string; dueDate: string }) => [r.kind, r.dueDate])
        .sort(),
    ).toEqual([
      ['due-soon', '2026-06-03'],
      ['overdue', '2026-06-01'],
    ]);

    const done = await api(app, f.admin)
      .patch(`/api/cdop/actions/${triage.id}`, {
        version: triage.version,
        status: 'completed',
        note: 'Audit complete',
      })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'completed', completedOn: '2026-06-02' });
    await api(app, f.admin)
      .patch(`/api/cdop/actions/${triage.id}`, { version: triage.version, status: 'open' })
      .expect(409);
    await api(app, f.admin)
      .patch(`/api/cdop/actions/${briefing.id}`, {
        version: briefing.version,
        status: 'cancelled',
        note: 'Covered by the force-wide briefing',
      })
      .expect(200);
    expect(await actionClocks()).toEqual([
      [triage.id, '2026-06-01', 'met-late'],
      [briefing.id, '2026-06-03', 'not-applicable'],
    ]);
  });

  it('keeps a new NHS number apart from every other case', async () => {
    setNow(app, '2026-03-02T12:00:00Z');
    const nhsNumber = testNhsNumber();
    const found = await notify(sudiNotification(f, { nhsNumber }));
    const search = (await api(app, f.admin).get(`/api/child-deaths?q=${nhsNumber}`).expect(200)).body;
    expect(search.cases.map((c: { id: string }) => c.id)).toEqual([found.caseId]);
    const byReference = (
      await api(app, f.admin).get(`/api/child-deaths?q=${found.caseReference}`).expect(200)
    ).body;
    expect(byReference.total).toBe(1);
  });
});
