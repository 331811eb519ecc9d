import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { signIn } from './support/auth';
import { createTestApp } from './support/test-app';
import {
  api,
  clock,
  createPartnership,
  Deadline,
  neglectDeath,
  Partnership,
  setNow,
} from './serious-incidents.fixtures';

describe('serious incident notification', () => {
  let app: NestExpressApplication;
  let p: Partnership;

  beforeAll(async () => {
    app = await createTestApp();
    p = await createPartnership(app);
    setNow(app, '2026-03-06T10:00:00Z');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens a draft with a reference, the criteria reasoning and the route', async () => {
    const res = await api(app, p.notifier)
      .post('/api/serious-incidents', neglectDeath(p.la.id, '2026-03-02'))
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      criteriaMet: true,
      route: 'full-review',
      leadLocalAuthorityId: p.la.id,
      partnershipId: p.partnership.id,
      version: expect.any(Number),
    });
    expect(res.body.reference).toMatch(/^SI-2026-\d{4}$/);
    expect(res.body.criteriaReasons[0]).toContain('Abuse or neglect is suspected');
    expect(res.body.routeReason).toContain('rapid review');

    const deadlines: Deadline[] = (
      await api(app, p.notifier).get(`/api/serious-incidents/${res.body.id}/deadlines`).expect(200)
    ).body;
    // 2 March 2026 is a Monday: 5 working days later is Monday 9 March.
    expect(clock(deadlines, 'SI-NOTIFY')).toMatchObject({
      basisDate: '2026-03-02',
      dueDate: '2026-03-09',
      status: 'pending',
    });
    expect(clock(deadlines, 'SI-PARTNERS')).toMatchObject({ dueDate: '2026-03-09' });
    expect(clock(deadlines, 'SI-RAPID-REVIEW')).toBeUndefined();
  });

  it('refuses bad input with 400 naming the field', async () => {
    const bad = await api(app, p.notifier)
      .post('/api/serious-incidents', neglectDeath(p.la.id, '2026-02-30', { type: 'other' }))
      .expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        expect.stringContaining('becameAwareOn'),
        expect.stringContaining('otherRationale'),
      ]),
    );
    const unknown = await api(app, p.notifier)
      .post('/api/serious-incidents', neglectDeath(p.la.id, '2026-03-02', { colour: 'red' }))
      .expect(400);
    expect(unknown.body.message).toEqual([expect.stringContaining('colour')]);
    const child = await api(app, p.notifier)
      .post(
        '/api/serious-incidents',
        neglectDeath(p.la.id, '2026-03-02', { children: [{ identityKnown: true, legalStatus: 'orphan' }] }),
      )
      .expect(400);
    expect(child.body.message).toEqual([expect.stringContaining('children[0].legalStatus')]);
  });

  it('will not submit without the DCS sign-off, and only the DCS of the notifying area signs off', async () => {
    const { body: draft } = await api(app, p.notifier)
      .post('/api/serious-incidents', neglectDeath(p.la.id, '2026-03-02'))
      .expect(201);
    const refused = await api(app, p.notifier)
      .post(`/api/serious-incidents/${draft.id}/submit`, {})
      .expect(422);
    expect(refused.body.message).toEqual([expect.stringContaining('not signed off')]);

    const elsewhere = await signIn(app, {
      roles: ['dcs'],
      organisationIds: [(await createPartnership(app)).la.id],
    });
    await api(app, elsewhere).post(`/api/serious-incidents/${draft.id}/sign-off`).expect(403);
    await api(app, p.notifier).post(`/api/serious-incidents/${draft.id}/sign-off`).expect(403);

    const signed = await api(app, p.dcs).post(`/api/serious-incidents/${draft.id}/sign-off`).expect(200);
    expect(signed.body).toMatchObject({ status: 'signed-off', signOff: { byName: 'Dana Director' } });

    const submitted = await api(app, p.notifier)
      .post(`/api/serious-incidents/${draft.id}/submit`, {
        submittedOn: '2026-03-05',
        nationalReference: 'CSPRP-123',
      })
      .expect(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      submittedOn: '2026-03-05',
      nationalReference: 'CSPRP-123',
    });
    const deadlines: Deadline[] = (
      await api(app, p.manager).get(`/api/serious-incidents/${draft.id}/deadlines`).expect(200)
    ).body;
    expect(clock(deadlines, 'SI-NOTIFY')).toMatchObject({ status: 'met' });
    // Thursday 5 March + 15 working days = Thursday 26 March.
    expect(clock(deadlines, 'SI-RAPID-REVIEW')).toMatchObject({
      basisDate: '2026-03-05',
      dueDate: '2026-03-26',
      status: 'pending',
    });
  });

  it('hides incidents from other areas (404) and refuses their actions (403)', async () => {
    const { body: draft } = await api(app, p.notifier)
      .post('/api/serious-incidents', neglectDeath(p.la.id, '2026-03-02'))
      .expect(201);
    const other = await createPartnership(app);
    await api(app, other.notifier).get(`/api/serious-incidents/${draft.id}`).expect(404);
    await api(app, other.notifier).get(`/api/serious-incidents/${randomUUID()}`).expect(404);
    await api(app, other.notifier)
      .patch(`/api/serious-incidents/${draft.id}`, { version: draft.version, summary: 'x' })
      .expect(403);
    await api(app, other.notifier)
      .post('/api/serious-incidents', neglectDeath(p.la.id, '2026-03-02'))
      .expect(403);
    // The partnership and each partner see it.
    for (const who of [p.manager, p.icbPartner, p.policePartner]) {
      await api(app, who).get(`/api/serious-incidents/${draft.id}`).expect(200);
    }
  });

  it('lets the other areas involved see the incident, and records the lead area', async () => {
    const other = await createPartnership(app);
    const { body: draft } = await api(app, p.notifier)
      .post('/api/serious-incidents', neglectDeath(p.la.id, '2026-03-02'))
      .expect(201);
    expect(draft.leadLocalAuthorityId).toBe(p.la.id);
    await api(app, other.notifier).get(`/api/serious-incidents/${draft.id}`).expect(404);
    const bad = await api(app, p.notifier)
      .patch(`/api/serious-incidents/${draft.id}`, {
        version: draft.version,
        leadLocalAuthorityId: other.la.id,
      })
      .expect(400);
    expect(bad.body.message).toEqual([expect.stringContaining('leadLocalAuthorityId')]);
    const shared = await api(app, p.notifier)
      .patch(`/api/serious-incidents/${draft.id}`, {
        version: draft.version,
        involvedLocalAuthorityIds: [other.la.id],
        leadLocalAuthorityId: other.la.id,
      })
      .expect(200);
    expect(shared.body).toMatchObject({
      leadLocalAuthorityId: other.la.id,
      involvedLocalAuthorityIds: [other.la.id],
    });
    for (const who of [other.notifier, other.manager, other.policePartner]) {
      await api(app, who).get(`/api/serious-incidents/${draft.id}`).expect(200);
    }
  });

  it('submits a multi-child incident with one child unknown, then completes that child without losing anything', async () => {
    const { body: draft } = await api(app, p.notifier)
      .post(
        '/api/serious-incidents',
        neglectDeath(p.la.id, '2026-03-02', {
          type: 'serious-harm',
          abuseOrNeglect: 'known',
          widerRisk: true,
          children: [
            {
              givenName: 'Leo',
              familyName: 'Stone',
              identityKnown: true,
              ageYears: 6,
              sex: 'male',
              legalStatus: 'child-protection-plan',
              ethnicity: 'White British',
            },
            { identityKnown: false, ageYears: 3, legalStatus: 'none', natureOfHarm: 'Fractures' },
          ],
        }),
      )
      .expect(201);
    await api(app, p.dcs).post(`/api/serious-incidents/${draft.id}/sign-off`).expect(200);
    const submitted = await api(app, p.notifier)
      .post(`/api/serious-incidents/${draft.id}/submit`, { submittedOn: '2026-03-04' })
      .expect(200);
    const unknown = submitted.body.children.find((c: { identityKnown: boolean }) => !c.identityKnown);

    await api(app, p.notifier)
      .patch(`/api/serious-incidents/${draft.id}/children/${unknown.id}`, {
        version: unknown.version + 5,
        givenName: 'Mia',
      })
      .expect(409);
    const completed = await api(app, p.notifier)
      .patch(`/api/serious-incidents/${draft.id}/children/${unknown.id}`, {
        version: unknown.version,
        identityKnown: true,
        givenName: 'Mia',
        familyName: 'Stone',
        dateOfBirth: '2022-11-20',
      })
      .expect(200);
    expect(completed.body.status).toBe('submitted');
    expect(completed.body.widerRisk).toBe(true);
    expect(completed.body.children).toEqual([
      expect.objectContaining({
        position: 1,
        givenName: 'Leo',
        ethnicity: 'White British',
        legalStatus: 'child-protection-plan',
      }),
      expect.objectContaining({
        position: 2,
        identityKnown: true,
        givenName: 'Mia',
        familyName: 'Stone',
        dateOfBirth: '2022-11-20',
        ageYears: 3,
        natureOfHarm: 'Fractures',
        legalStatus: 'none',
      }),
    ]);
    const national = await api(app, p.manager)
      .get(`/api/serious-incidents/${draft.id}/national-notification`)
      .expect(200);
    expect(national.body).toMatchObject({ numberOfChildren: 2, furtherChildren: '' });
    expect(national.body.children[1]).toMatchObject({
      childNumber: 2,
      givenName: 'Mia',
      legalStatus: 'None',
    });
  });
});
