import { NestExpressApplication } from '@nestjs/platform-express';
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

/*
 * Due dates worked out by hand on the 2026 England and Wales calendar (no bank holidays between January
 * and July other than Good Friday 3 April, Easter Monday 6 April, 4 and 25 May).
 */
const AWARE = '2026-01-12'; // Monday: day 0
const RAPID_REVIEW_SENT = '2026-01-28'; // 12 working days later: 13–16, 19–23, 26–28 January
const DECIDED = '2026-02-04';
const INFORMED = '2026-02-09';
const PLANNED = '2026-07-15'; // Wednesday
const SENT = '2026-07-06'; // 7 working days before: 14, 13, 10, 9, 8, 7, 6 July

const rapidReview = {
  facts: 'Ava, 7 months, was found unresponsive at home and died in hospital the same day.',
  agencyInvolvement: [
    { agency: 'Health visiting', summary: 'Missed two appointments in the last three months.' },
    { agency: 'Children’s social care', summary: 'Child in need plan since birth.' },
  ],
  immediateSafetyActions: [
    { action: 'Strategy discussion for the sibling', owner: 'Children’s social care', dueDate: '2026-01-14' },
  ],
  learning: 'Escalation when appointments are missed for a child on a child in need plan.',
  lcsprRecommended: true,
  lcsprCriteria: ['improvements-needed', 'multi-agency-concerns'],
  lcsprRationale: 'Agencies did not share concerns about missed appointments.',
  nationalReviewMayBeAppropriate: false,
  familyInformed: {
    on: '2026-01-20',
    how: 'Home visit by the social worker with the police family liaison officer',
  },
};

describe('a death with suspected neglect through the whole serious incident route', () => {
  let app: NestExpressApplication;
  let p: Partnership;

  beforeAll(async () => {
    app = await createTestApp();
    p = await createPartnership(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  const at = (date: string) => setNow(app, `${date}T10:00:00Z`);
  const deadlines = async (id: string): Promise<Deadline[]> =>
    (await api(app, p.manager).get(`/api/serious-incidents/${id}/deadlines`).expect(200)).body;

  async function notifyOnDayZero(): Promise<string> {
    at(AWARE);
    const { body } = await api(app, p.notifier)
      .post('/api/serious-incidents', neglectDeath(p.la.id, AWARE))
      .expect(201);
    await api(app, p.dcs).post(`/api/serious-incidents/${body.id}/sign-off`).expect(200);
    await api(app, p.notifier)
      .post(`/api/serious-incidents/${body.id}/submit`, { nationalReference: 'CSIN-0001' })
      .expect(200);
    return body.id;
  }

  async function signAndSubmitRapidReview(id: string, on: string) {
    at(on);
    await api(app, p.manager).put(`/api/serious-incidents/${id}/rapid-review`, rapidReview).expect(200);
    await api(app, p.laPartner)
      .post(`/api/serious-incidents/${id}/rapid-review/sign-off`, { partner: 'local-authority' })
      .expect(200);
    await api(app, p.icbPartner)
      .post(`/api/serious-incidents/${id}/rapid-review/sign-off`, { partner: 'icb' })
      .expect(200);
    await api(app, p.manager)
      .post(`/api/serious-incidents/${id}/rapid-review/sign-off`, {
        partner: 'police',
        agreedByName: 'DCI Rowe',
      })
      .expect(200);
    return api(app, p.manager).post(`/api/serious-incidents/${id}/rapid-review/submit`, {});
  }

  it('meets every clock on time, each due date as worked out by hand', async () => {
    const id = await notifyOnDayZero();
    await api(app, p.notifier)
      .post(`/api/serious-incidents/${id}/partners-informed`, { informedOn: AWARE })
      .expect(200);

    const submitted = await signAndSubmitRapidReview(id, RAPID_REVIEW_SENT);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      submittedOn: RAPID_REVIEW_SENT,
      missing: [],
    });
    expect(submitted.body.signOffs.find((s: { partner: string }) => s.partner === 'police')).toMatchObject({
      agreedByName: 'DCI Rowe',
    });

    at('2026-02-10');
    await api(app, p.manager)
      .put(`/api/serious-incidents/${id}/rapid-review/panel-reply`, {
        receivedOn: '2026-02-10',
        nationalReviewDecision: 'local-review',
      })
      .expect(200);
    at(DECIDED);
    const decided = await api(app, p.manager)
      .post(`/api/serious-incidents/${id}/lcspr`, {
        decision: 'lcspr',
        decidedOn: DECIDED,
        rationale: 'Concerns about agencies working together; learning for the whole partnership.',
        criteria: ['improvements-needed', 'multi-agency-concerns'],
      })
      .expect(201);
    expect(decided.body.warnings).toEqual([expect.stringContaining('Tell the Panel, Ofsted and the DfE')]);

    at(INFORMED);
    await api(app, p.manager)
      .post(`/api/serious-incidents/${id}/lcspr/informed`, {
        informedOn: INFORMED,
        reviewerName: 'Dr Jo Rivers',
      })
      .expect(200);

    at('2026-06-01');
    await api(app, p.manager)
      .put(`/api/serious-incidents/${id}/lcspr/publication`, {
        plannedPublicationDate: PLANNED,
        publishFullReport: true,
      })
      .expect(200);
    expect(clock(await deadlines(id), 'SI-LCSPR-PREPUB')).toMatchObject({
      basisDate: PLANNED,
      dueDate: SENT,
      status: 'pending',
    });

    at(SENT);
    await api(app, p.manager)
      .put(`/api/serious-incidents/${id}/lcspr/publication`, {
        plannedPublicationDate: PLANNED,
        publishFullReport: true,
        sentToPanelOn: SENT,
        sentToSecretaryOfStateOn: SENT,
        sentToOfstedOn: SENT,
      })
      .expect(200);

    at(PLANNED);
    const published = await api(app, p.manager)
      .put(`/api/serious-incidents/${id}/lcspr/publication`, {
        plannedPublicationDate: PLANNED,
        publishFullReport: true,
        publishedOn: PLANNED,
        publicationUrl: 'https://example-partnership.org.uk/lcspr/child-a',
        reviewerNames: ['Dr Jo Rivers'],
      })
      .expect(200);
    expect(published.body.publication).toMatchObject({
      publishedOn: PLANNED,
      sentToPanelOn: SENT,
      reviewerNames: ['Dr Jo Rivers'],
    });

    const all = await deadlines(id);
    const expected: [string, string, string][] = [
      ['SI-NOTIFY', AWARE, '2026-01-19'],
      ['SI-PARTNERS', AWARE, '2026-01-19'],
      ['SI-RAPID-REVIEW', AWARE, '2026-02-02'],
      ['SI-LCSPR-INFORM', DECIDED, '2026-02-11'],
      ['SI-LCSPR-COMPLETE', DECIDED, '2026-08-04'],
      ['SI-LCSPR-PREPUB', PLANNED, SENT],
    ];
    for (const [rule, basisDate, dueDate] of expected) {
      expect(clock(all, rule)).toMatchObject({ rule, basisDate, dueDate, status: 'met' });
    }
    // Publication starts the year the report must stay available; it runs until 15 July 2027.
    expect(clock(all, 'SI-LCSPR-AVAILABLE')).toMatchObject({
      basisDate: PLANNED,
      dueDate: '2027-07-15',
      status: 'pending',
    });
    expect(clock(all, 'SI-LAC-DEATH')).toBeUndefined();

    const incident = await api(app, p.manager).get(`/api/serious-incidents/${id}`).expect(200);
    expect(incident.body).toMatchObject({
      stage: 'published',
      rapidReviewSubmittedOn: RAPID_REVIEW_SENT,
      lcsprDecision: 'lcspr',
    });
  });

  it('shows a rapid review sent after 15 working days as met late', async () => {
    const id = await notifyOnDayZero();
    // Tuesday 3 February is the 16th working day after 12 January.
    const late = await signAndSubmitRapidReview(id, '2026-02-03');
    expect(late.status).toBe(200);
    expect(clock(await deadlines(id), 'SI-RAPID-REVIEW')).toMatchObject({
      dueDate: '2026-02-02',
      status: 'met-late',
    });
  });

  it('refuses to submit a rapid review with a section or a sign-off missing (422 naming each)', async () => {
    const id = await notifyOnDayZero();
    at('2026-01-20');
    const { facts: _facts, ...withoutFacts } = rapidReview;
    await api(app, p.manager).put(`/api/serious-incidents/${id}/rapid-review`, withoutFacts).expect(200);
    await api(app, p.icbPartner)
      .post(`/api/serious-incidents/${id}/rapid-review/sign-off`, { partner: 'icb' })
      .expect(422);
    await api(app, p.manager)
      .put(`/api/serious-incidents/${id}/rapid-review`, { facts: rapidReview.facts })
      .expect(200);
    await api(app, p.icbPartner)
      .post(`/api/serious-incidents/${id}/rapid-review/sign-off`, { partner: 'icb' })
      .expect(200);
    // The ICB partner cannot sign for the police, and a partnership manager must name who agreed.
    await api(app, p.icbPartner)
      .post(`/api/serious-incidents/${id}/rapid-review/sign-off`, { partner: 'police' })
      .expect(403);
    const unnamed = await api(app, p.manager)
      .post(`/api/serious-incidents/${id}/rapid-review/sign-off`, { partner: 'police' })
      .expect(400);
    expect(unnamed.body.message).toEqual([expect.stringContaining('agreedByName')]);

    const refused = await api(app, p.manager)
      .post(`/api/serious-incidents/${id}/rapid-review/submit`, {})
      .expect(422);
    expect(refused.body.message).toEqual([
      expect.stringContaining('signOffs.local-authority'),
      expect.stringContaining('signOffs.police'),
    ]);
    expect(clock(await deadlines(id), 'SI-RAPID-REVIEW')).toMatchObject({ status: 'pending' });
  });
});
