import { NestExpressApplication } from '@nestjs/platform-express';
import { SeriousIncidentReferralService } from '../src/serious-incidents/serious-incident-referral.service';
import { createTestApp } from './support/test-app';
import { api, clock, createPartnership, Deadline, Partnership, setNow } from './serious-incidents.fixtures';

const AWARE = '2026-03-02'; // Monday; SI clocks of 5 working days fall due on Monday 9 March

describe('which route an incident takes, and which clocks it starts', () => {
  let app: NestExpressApplication;
  let p: Partnership;

  beforeAll(async () => {
    app = await createTestApp();
    p = await createPartnership(app);
    setNow(app, '2026-03-04T10:00:00Z');
  });

  afterAll(async () => {
    await app?.close();
  });

  const notify = async (child: object, extra: object = {}) =>
    (
      await api(app, p.notifier)
        .post('/api/serious-incidents', {
          localAuthorityId: p.la.id,
          becameAwareOn: AWARE,
          incidentDate: '2026-02-28',
          type: 'death',
          abuseOrNeglect: 'not-suspected',
          location: 'in-area',
          summary: 'Died in hospital.',
          children: [{ identityKnown: true, givenName: 'Sam', familyName: 'Reed', ...child }],
          ...extra,
        })
        .expect(201)
    ).body;
  const deadlines = async (id: string): Promise<Deadline[]> =>
    (await api(app, p.notifier).get(`/api/serious-incidents/${id}/deadlines`).expect(200)).body;
  const signAndSubmit = async (id: string) => {
    await api(app, p.dcs).post(`/api/serious-incidents/${id}/sign-off`).expect(200);
    return api(app, p.notifier).post(`/api/serious-incidents/${id}/submit`, {});
  };

  it('a looked after child dying of natural causes: notification only, with SI-LAC-DEATH', async () => {
    const incident = await notify({ legalStatus: 'looked-after', dateOfBirth: '2012-05-01' });
    expect(incident).toMatchObject({ criteriaMet: false, route: 'notification-only' });
    expect(incident.routeReason).toContain('looked after child died');
    expect(incident.routeReason).toContain('no rapid review');

    const before = await deadlines(incident.id);
    expect(before.map((d) => d.rule)).toEqual(['SI-LAC-DEATH']);
    expect(clock(before, 'SI-LAC-DEATH')).toMatchObject({ dueDate: '2026-03-09', status: 'pending' });

    // The Secretary of State and Ofsted are told through the national service although s16C is not met.
    const submitted = await signAndSubmit(incident.id);
    expect(submitted.status).toBe(200);
    const after = await deadlines(incident.id);
    expect(clock(after, 'SI-LAC-DEATH')).toMatchObject({ status: 'met' });
    expect(clock(after, 'SI-RAPID-REVIEW')).toBeUndefined();
    await api(app, p.manager)
      .put(`/api/serious-incidents/${incident.id}/rapid-review`, { facts: 'x' })
      .expect(422);
  });

  it('a care leaver aged 20: notification only, with SI-CARE-LEAVER-DEATH', async () => {
    const incident = await notify(
      { legalStatus: 'care-leaver', dateOfBirth: '2005-09-14' },
      { abuseOrNeglect: 'suspected' },
    );
    expect(incident.route).toBe('notification-only');
    expect(incident.routeReason).toContain('care leaver aged 20');
    expect((await deadlines(incident.id)).map((d) => d.rule)).toEqual(['SI-CARE-LEAVER-DEATH']);
    expect((await signAndSubmit(incident.id)).status).toBe(200);
    expect((await deadlines(incident.id)).map((d) => [d.rule, d.status])).toEqual([
      ['SI-CARE-LEAVER-DEATH', 'met'],
    ]);
  });

  it('a care leaver aged 17 with neglect: the full route', async () => {
    const incident = await notify(
      { legalStatus: 'care-leaver', dateOfBirth: '2008-11-02' },
      { abuseOrNeglect: 'suspected', abuseCategories: ['neglect'] },
    );
    expect(incident).toMatchObject({ criteriaMet: true, route: 'full-review' });
    expect(incident.routeReason).toContain('full learning process');
    expect((await deadlines(incident.id)).map((d) => d.rule).sort()).toEqual([
      'SI-CARE-LEAVER-DEATH',
      'SI-NOTIFY',
      'SI-PARTNERS',
    ]);
    expect((await signAndSubmit(incident.id)).status).toBe(200);
    // Submitted on Wednesday 4 March: the rapid review is due 15 working days later, Wednesday 25 March.
    expect(clock(await deadlines(incident.id), 'SI-RAPID-REVIEW')).toMatchObject({
      dueDate: '2026-03-25',
      status: 'pending',
    });
  });

  it('abuse not suspected, not looked after or a care leaver: criteria not met, explained, and a local learning review allowed', async () => {
    const incident = await notify({ legalStatus: 'child-in-need', dateOfBirth: '2015-01-01' });
    expect(incident).toMatchObject({ criteriaMet: false, route: 'criteria-not-met' });
    expect(incident.criteriaReasons).toEqual([
      expect.stringContaining('neither known nor suspected'),
      expect.stringContaining('The child died'),
      expect.stringContaining("notifying local authority's area"),
      expect.stringContaining('may still hold a local learning review'),
    ]);
    expect(incident.routeReason).toContain('not a looked after child or a care leaver');
    expect(await deadlines(incident.id)).toEqual([]);

    await api(app, p.dcs).post(`/api/serious-incidents/${incident.id}/sign-off`).expect(422);
    const refused = await api(app, p.notifier)
      .post(`/api/serious-incidents/${incident.id}/submit`, {})
      .expect(422);
    expect(refused.body.message[0]).toContain('There is nothing to notify');

    const llr = await api(app, p.manager)
      .put(`/api/serious-incidents/${incident.id}/local-learning-review`, {
        decidedOn: '2026-03-04',
        rationale: 'Learning about hospital discharge planning.',
      })
      .expect(200);
    expect(llr.body.localLearningReview).toMatchObject({ decidedOn: '2026-03-04' });
  });

  it('sets aside clocks the notification no longer needs when the answers change', async () => {
    const incident = await notify(
      { legalStatus: 'none', dateOfBirth: '2016-01-01' },
      { abuseOrNeglect: 'suspected' },
    );
    expect((await deadlines(incident.id)).map((d) => d.rule).sort()).toEqual(['SI-NOTIFY', 'SI-PARTNERS']);
    const changed = await api(app, p.notifier)
      .patch(`/api/serious-incidents/${incident.id}`, {
        version: incident.version,
        abuseOrNeglect: 'not-suspected',
      })
      .expect(200);
    expect(changed.body.route).toBe('criteria-not-met');
    expect((await deadlines(incident.id)).map((d) => d.status)).toEqual(['not-applicable', 'not-applicable']);
    await api(app, p.notifier)
      .patch(`/api/serious-incidents/${incident.id}`, { version: incident.version, summary: 'stale' })
      .expect(409);
  });

  it('an adult harmed in childhood cannot be notified until the Panel consultation is recorded', async () => {
    const incident = await notify(
      { legalStatus: 'none', dateOfBirth: '2007-01-10' },
      { type: 'serious-harm', abuseOrNeglect: 'known', incidentDate: '2024-06-01' },
    );
    expect(incident).toMatchObject({ route: 'full-review', panelConsultation: 'required' });
    const blocked = await api(app, p.dcs).post(`/api/serious-incidents/${incident.id}/sign-off`).expect(422);
    expect(blocked.body.message).toEqual([expect.stringContaining('consultation with the Panel')]);
    const consulted = await api(app, p.notifier)
      .patch(`/api/serious-incidents/${incident.id}`, {
        version: incident.version,
        panelConsultedOn: '2026-03-03',
        panelConsultationNotes: 'Panel advised notifying.',
      })
      .expect(200);
    expect(consulted.body.panelConsultation).toBe('recorded');
    expect((await signAndSubmit(incident.id)).status).toBe(200);
  });

  it('opens a draft from a child death case, once, with the clocks its route needs', async () => {
    const referrals = app.get(SeriousIncidentReferralService);
    const input = {
      childDeathCaseId: '6f1c1f5e-2b8e-4a57-9d1e-0d6f3d1f6a01',
      caseReference: 'CDR-2026-0042',
      localAuthorityId: p.la.id,
      reason: 'looked-after-child-death' as const,
      child: {
        givenName: 'Kai',
        familyName: 'Moss',
        dateOfBirth: '2013-07-07',
        legalStatus: 'looked-after' as const,
      },
      dateOfDeath: '2026-02-28',
      becameAwareOn: AWARE,
      summary: 'Died in hospital after a short illness.',
      actor: { ...p.notifier.user, via: 'token' as const },
    };
    const { incidentId } = await referrals.referFromChildDeath(input);
    expect(await referrals.referFromChildDeath(input)).toEqual({ incidentId });
    const incident = await api(app, p.notifier).get(`/api/serious-incidents/${incidentId}`).expect(200);
    expect(incident.body).toMatchObject({
      status: 'draft',
      type: 'death',
      abuseOrNeglect: 'not-suspected',
      childDeathCaseId: input.childDeathCaseId,
      route: 'notification-only',
      children: [expect.objectContaining({ givenName: 'Kai', legalStatus: 'looked-after' })],
    });
    expect((await deadlines(incidentId)).map((d) => d.rule)).toEqual(['SI-LAC-DEATH']);
  });
});
