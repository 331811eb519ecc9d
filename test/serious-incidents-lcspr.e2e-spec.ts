import { NestExpressApplication } from '@nestjs/platform-express';
import { signIn, SignedIn } from './support/auth';
import { createTestApp } from './support/test-app';
import { api, createPartnership, neglectDeath, Partnership, setNow } from './serious-incidents.fixtures';

const assessment = [
  'knowledge',
  'research',
  'complexity',
  'hindsight',
  'communication',
  'conflict-of-interest',
].map((quality) => ({ quality, met: true, evidence: 'Interviewed by the partners on 10 February.' }));

describe('LCSPR: reviewer, declaration, supervision and publication', () => {
  let app: NestExpressApplication;
  let p: Partnership;
  let reviewer: SignedIn;
  let id: string;

  beforeAll(async () => {
    app = await createTestApp();
    p = await createPartnership(app);
    reviewer = await signIn(app, { roles: ['reviewer'], organisationIds: [], name: 'Dr Jo Rivers' });
    setNow(app, '2026-02-20T10:00:00Z');
    const { body } = await api(app, p.notifier)
      .post('/api/serious-incidents', neglectDeath(p.la.id, '2026-01-12'))
      .expect(201);
    id = body.id;
    await api(app, p.dcs).post(`/api/serious-incidents/${id}/sign-off`).expect(200);
    await api(app, p.notifier)
      .post(`/api/serious-incidents/${id}/submit`, { submittedOn: '2026-01-13' })
      .expect(200);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('names the field when the decision is incomplete', async () => {
    const res = await api(app, p.manager)
      .post(`/api/serious-incidents/${id}/lcspr`, {
        decision: 'lcspr',
        decidedOn: '2026-02-04',
        rationale: 'Learning',
        criteria: [],
      })
      .expect(400);
    expect(res.body.message).toEqual([expect.stringContaining('criteria')]);
    const unknown = await api(app, p.manager)
      .post(`/api/serious-incidents/${id}/lcspr`, {
        decision: 'lcspr',
        decidedOn: '2026-02-04',
        rationale: 'Learning',
        criteria: ['gut-feeling'],
      })
      .expect(400);
    expect(unknown.body.message).toEqual([expect.stringContaining('criteria must be from')]);
  });

  it('hides the case from a commissioned reviewer until their declaration is made', async () => {
    await api(app, p.manager)
      .post(`/api/serious-incidents/${id}/lcspr`, {
        decision: 'lcspr',
        decidedOn: '2026-02-04',
        rationale: 'Multi-agency learning.',
        criteria: ['multi-agency-concerns'],
      })
      .expect(201);
    const commissioned = await api(app, p.manager)
      .put(`/api/serious-incidents/${id}/lcspr/reviewer`, {
        reviewerName: 'Dr Jo Rivers',
        reviewerUserId: reviewer.user.id,
        commissionedOn: '2026-02-12',
        assessment,
      })
      .expect(200);
    expect(commissioned.body.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('cannot see the case yet')]),
    );

    await api(app, reviewer).get(`/api/serious-incidents/${id}`).expect(404);
    await api(app, reviewer).get(`/api/serious-incidents/${id}/lcspr`).expect(404);
    expect((await api(app, reviewer).get('/api/serious-incidents').expect(200)).body).toEqual([]);

    // Declaring a conflict keeps the case hidden until the partners accept how it is managed.
    await api(app, reviewer)
      .post(`/api/serious-incidents/${id}/lcspr/reviewer/declaration`, {
        hasConflict: true,
        details: 'I supervised the health visitor in 2019.',
      })
      .expect(200);
    await api(app, reviewer).get(`/api/serious-incidents/${id}`).expect(404);
    await api(app, p.manager)
      .put(`/api/serious-incidents/${id}/lcspr/reviewer/conflict-decision`, {
        accepted: true,
        how: 'A second reviewer leads on health practice.',
        decidedOn: '2026-02-16',
      })
      .expect(200);
    const seen = await api(app, reviewer).get(`/api/serious-incidents/${id}`).expect(200);
    expect(seen.body.reference).toMatch(/^SI-/);
    expect((await api(app, reviewer).get('/api/serious-incidents').expect(200)).body).toHaveLength(1);

    // The reviewer is not a partner: they cannot change the decision or the publication plan.
    await api(app, reviewer)
      .put(`/api/serious-incidents/${id}/lcspr/publication`, {
        plannedPublicationDate: '2026-07-15',
        publishFullReport: true,
      })
      .expect(403);
  });

  it('keeps written supervision requests with their answers, and the involvement log', async () => {
    const requested = await api(app, p.manager)
      .post(`/api/serious-incidents/${id}/lcspr/supervision`, {
        requestedOn: '2026-02-18',
        requestedBy: 'Partnership business manager',
        request: 'Please send a progress note on practitioner interviews.',
      })
      .expect(201);
    const entry = requested.body.supervisionLog[0];
    await api(app, reviewer)
      .put(`/api/serious-incidents/${id}/lcspr/supervision/${entry.id}`, {
        respondedOn: '2026-02-19',
        response: 'Six of nine interviews done.',
      })
      .expect(200);
    await api(app, reviewer)
      .post(`/api/serious-incidents/${id}/lcspr/involvement`, {
        kind: 'family',
        who: 'Mother',
        invitedOn: '2026-02-19',
        outcome: 'Agreed to meet the reviewer at home.',
        expectationsNotes: 'Explained the review will not apportion blame.',
      })
      .expect(201);
    const lcspr = await api(app, p.manager).get(`/api/serious-incidents/${id}/lcspr`).expect(200);
    expect(lcspr.body.supervisionLog).toEqual([
      expect.objectContaining({
        request: 'Please send a progress note on practitioner interviews.',
        response: 'Six of nine interviews done.',
      }),
    ]);
    expect(lcspr.body.involvementLog).toEqual([expect.objectContaining({ kind: 'family', who: 'Mother' })]);
  });

  it('warns when publication will miss the six months, until the delay reasons are sent', async () => {
    const late = await api(app, p.manager)
      .put(`/api/serious-incidents/${id}/lcspr/publication`, {
        plannedPublicationDate: '2026-10-01',
        publishFullReport: true,
      })
      .expect(200);
    expect(late.body.warnings).toEqual(expect.arrayContaining([expect.stringContaining('after 2026-08-04')]));
    const explained = await api(app, p.manager)
      .put(`/api/serious-incidents/${id}/lcspr/publication`, {
        plannedPublicationDate: '2026-10-01',
        publishFullReport: true,
        delayReason: 'Criminal trial listed for September.',
        delayReasonSentOn: '2026-02-20',
        version: late.body.version,
      })
      .expect(200);
    expect(explained.body.warnings.some((w: string) => w.includes('after 2026-08-04'))).toBe(false);
    await api(app, p.manager)
      .put(`/api/serious-incidents/${id}/lcspr/publication`, {
        plannedPublicationDate: '2026-10-01',
        publishFullReport: true,
        version: late.body.version,
      })
      .expect(409);
  });
});
