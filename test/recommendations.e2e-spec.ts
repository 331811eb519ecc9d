import { NestExpressApplication } from '@nestjs/platform-express';
import { ReminderScheduler } from '../src/reminders/reminder.scheduler';
import { createOrganisation, signIn } from './support/auth';
import { createTestApp } from './support/test-app';
import { api, createPartnership, incidentWithLcspr, Partnership, setNow } from './serious-incidents.fixtures';

describe('recommendations and actions tracker', () => {
  let app: NestExpressApplication;
  let p: Partnership;
  let incidentId: string;

  beforeAll(async () => {
    app = await createTestApp();
    p = await createPartnership(app);
    setNow(app, '2026-05-11T09:00:00Z');
    incidentId = await incidentWithLcspr(app, p, '2026-01-12', '2026-02-04');
  });

  afterAll(async () => {
    await app?.close();
  });

  const recommend = (body: object) => api(app, p.manager).post('/api/recommendations', body);

  it('records a recommendation from an LCSPR with actions that have owners, due dates and RAG', async () => {
    const res = await recommend({
      sourceType: 'lcspr',
      sourceId: incidentId,
      text: 'Agencies escalate missed health appointments for children on plans.',
      themes: ['Neglect', 'information-sharing'],
      madeOn: '2026-04-20',
      actions: [
        {
          description: 'Audit escalation of missed appointments',
          ownerAgency: 'ICB',
          dueDate: '2026-05-01',
          rag: 'amber',
        },
        {
          description: 'Multi-agency training on neglect',
          ownerAgency: 'Local authority',
          dueDate: '2026-05-20',
        },
        { description: 'Review the neglect strategy', ownerAgency: 'Local authority', dueDate: '2026-09-30' },
      ],
    }).expect(201);
    expect(res.body).toMatchObject({
      sourceType: 'lcspr',
      themes: ['neglect', 'information-sharing'],
      status: 'open',
    });
    expect(res.body.reference).toMatch(/^REC-2026-\d{4}$/);
    expect(res.body.sourceReference).toMatch(/^SI-/);
    expect(res.body.actions.map((a: { status: string }) => a.status)).toEqual([
      'overdue',
      'due-soon',
      'open',
    ]);
  });

  it('tracks progress and completion with evidence of impact, and filters the partnership view', async () => {
    const { body: rec } = await recommend({
      sourceType: 'rapid-review',
      sourceId: incidentId,
      text: 'Safe sleep advice at every contact.',
      themes: ['safe-sleep'],
      madeOn: '2026-02-10',
      actions: [
        {
          description: 'Safe sleep checklist for health visitors',
          ownerAgency: 'Health visiting',
          dueDate: '2026-06-30',
        },
      ],
    }).expect(422);
    expect(rec.message).toEqual(['No rapid review has been recorded for this incident.']);

    const { body: created } = await recommend({
      sourceType: 'lcspr',
      sourceId: incidentId,
      text: 'Safe sleep advice at every contact.',
      themes: ['safe-sleep'],
      madeOn: '2026-02-10',
      actions: [
        {
          description: 'Safe sleep checklist for health visitors',
          ownerAgency: 'Health visiting',
          dueDate: '2026-06-30',
        },
      ],
    }).expect(201);
    const action = created.actions[0];
    const progressed = await api(app, p.icbPartner)
      .post(`/api/recommendations/actions/${action.id}/progress`, {
        on: '2026-05-11',
        note: 'Draft checklist agreed.',
        rag: 'amber',
      })
      .expect(200);
    expect(progressed.body).toMatchObject({
      rag: 'amber',
      progressUpdates: [expect.objectContaining({ byName: 'Ida Health' })],
    });
    await api(app, p.manager)
      .post(`/api/recommendations/actions/${action.id}/complete`, {
        completedOn: '2026-05-11',
        evidenceOfImpact: '',
      })
      .expect(400);
    await api(app, p.manager)
      .post(`/api/recommendations/actions/${action.id}/complete`, {
        completedOn: '2026-05-11',
        evidenceOfImpact: 'Audit: checklist used at 92% of contacts.',
        version: action.version,
      })
      .expect(409);
    const done = await api(app, p.manager)
      .post(`/api/recommendations/actions/${action.id}/complete`, {
        completedOn: '2026-05-11',
        evidenceOfImpact: 'Audit: checklist used at 92% of contacts.',
      })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'completed', completedOn: '2026-05-11', rag: 'green' });

    const byTheme = await api(app, p.manager).get('/api/recommendations?theme=safe-sleep').expect(200);
    expect(byTheme.body).toEqual([expect.objectContaining({ id: created.id, status: 'completed' })]);
    const byAgency = await api(app, p.manager)
      .get('/api/recommendations?agency=icb&status=overdue')
      .expect(200);
    expect(
      byAgency.body.map((r: { actions: { ownerAgency: string }[] }) => r.actions.map((a) => a.ownerAgency)),
    ).toEqual([['ICB']]);
    const completed = await api(app, p.policePartner)
      .get(`/api/recommendations?status=completed&partnershipId=${p.partnership.id}`)
      .expect(200);
    expect(completed.body.map((r: { id: string }) => r.id)).toEqual([created.id]);
    await api(app, p.manager).get('/api/recommendations?status=late').expect(400);
  });

  it('keeps another partnership out, and takes CDOP recommendations for the same area', async () => {
    const other = await createPartnership(app);
    expect((await api(app, other.manager).get('/api/recommendations').expect(200)).body).toEqual([]);
    await api(app, other.manager)
      .post('/api/recommendations', {
        sourceType: 'lcspr',
        sourceId: incidentId,
        text: 'x',
        madeOn: '2026-04-01',
      })
      .expect(403);

    const cdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [p.la.id] });
    const cdopAdmin = await signIn(app, { roles: ['cdop-admin'], organisationIds: [cdop.id] });
    const fromCdop = await api(app, cdopAdmin)
      .post('/api/recommendations', {
        sourceType: 'cdop',
        cdopId: cdop.id,
        sourceReference: 'CDOP review 2026/14',
        text: 'Water safety messages for families with young children.',
        themes: ['water-safety'],
        madeOn: '2026-03-15',
        actions: [{ description: 'Summer campaign', ownerAgency: 'Public health', dueDate: '2026-07-01' }],
      })
      .expect(201);
    const seenByPartnership = await api(app, p.manager)
      .get('/api/recommendations?sourceType=cdop')
      .expect(200);
    expect(seenByPartnership.body.map((r: { id: string }) => r.id)).toEqual([fromCdop.body.id]);
    await api(app, other.manager).get(`/api/recommendations/${fromCdop.body.id}`).expect(404);
  });
  it('runs a clock to each action’s due date that reminds the partnership manager, moves and is met', async () => {
    setNow(app, '2026-05-11T09:00:00Z');
    const { body: rec } = await recommend({
      sourceType: 'lcspr',
      sourceId: incidentId,
      text: 'Strategy meetings include the GP.',
      madeOn: '2026-04-01',
      actions: [
        { description: 'GP invitations in the strategy template', ownerAgency: 'ICB', dueDate: '2026-05-04' },
        { description: 'Audit GP attendance', ownerAgency: 'ICB', dueDate: '2026-07-31' },
      ],
    }).expect(201);
    const [late, later] = rec.actions as { id: string; version: number }[];
    const clocks = async () =>
      (await api(app, p.manager).get(`/api/deadlines?organisationId=${p.partnership.id}`).expect(200)).body
        .filter((c: { caseId: string }) => c.caseId === rec.id)
        .map((c: { rule: string; subject: string; dueDate: string; status: string; link: string }) => [
          c.rule,
          c.subject,
          c.dueDate,
          c.status,
          c.link,
        ]);
    expect(await clocks()).toEqual([
      ['SI-ACTION-DUE', late.id, '2026-05-04', 'overdue', '/recommendations'],
      ['SI-ACTION-DUE', later.id, '2026-07-31', 'pending', '/recommendations'],
    ]);

    await app.get(ReminderScheduler).tick();
    const inbox = (await api(app, p.manager).get('/api/reminders').expect(200)).body;
    expect(inbox.reminders.filter((r: { caseId: string }) => r.caseId === rec.id)).toEqual([
      expect.objectContaining({
        kind: 'overdue',
        forDate: '2026-05-11',
        rule: 'SI-ACTION-DUE',
        caseReference: rec.reference,
        dueDate: '2026-05-04',
      }),
    ]);
    // Local defaults have no window for a clock that runs to the action's own due date.
    await api(app, p.manager)
      .put(`/api/organisations/${p.partnership.id}/clock-defaults`, {
        defaults: [{ ruleId: 'SI-ACTION-DUE', amount: 5 }],
      })
      .expect(400);

    await api(app, p.manager)
      .patch(`/api/recommendations/actions/${later.id}`, { version: later.version, dueDate: '2026-06-30' })
      .expect(200);
    await api(app, p.manager)
      .post(`/api/recommendations/actions/${late.id}/complete`, {
        completedOn: '2026-05-11',
        evidenceOfImpact: 'Template changed; GPs invited to every strategy meeting since.',
        version: late.version,
      })
      .expect(200);
    expect(await clocks()).toEqual([
      ['SI-ACTION-DUE', late.id, '2026-05-04', 'met-late', '/recommendations'],
      ['SI-ACTION-DUE', later.id, '2026-06-30', 'pending', '/recommendations'],
    ]);
  });
});
