import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DeadlinesService } from '../src/deadlines/deadlines.service';
import { pdfInfo, pdfText, saveFirstPagePng } from '../src/reports/pdf/pdf-inspect';
import { api as cdrApi, createFootprint, Footprint, setNow, sudiNotification } from './child-deaths.fixtures';
import { errorOf, flat, getPdf, PDF_ARTEFACTS, pdfDrawnText } from './reports.fixtures';
import { api as siApi, createPartnership, neglectDeath, Partnership } from './serious-incidents.fixtures';
import { signIn, SignedIn } from './support/auth';
import { createTestApp } from './support/test-app';

jest.setTimeout(240_000);

/*
 * The annual reports and the deadline compliance report over data seeded through the API, each figure
 * worked out by hand. The reporting year is 1 April 2025 to 31 March 2026, reported on 20 April 2026.
 */

interface Death {
  notifiedOn: string;
  dateOfDeath: string;
  dateOfBirth: string;
  sex: string;
  ethnicity: string;
  placeOfDeath: string;
  expected: boolean;
  circumstances: object;
  review?: {
    heldOn: string;
    reviewedOn: string;
    primaryCategory: number;
    modifiableFactors: 'yes' | 'no';
    learningPoints: string[];
    actions: { owner: string; description: string; dueDate: string }[];
  };
}

async function pdfOf(
  app: NestExpressApplication,
  who: SignedIn,
  path: string,
  artefact: string,
  expectedPages: number,
) {
  const res = await getPdf(app, who, path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.body.toString()}`);
  saveFirstPagePng(res.body, join(PDF_ARTEFACTS, `${artefact}.png`));
  const pages = Number(pdfInfo(res.body).Pages);
  expect(pages).toBe(expectedPages);
  expect(flat(pdfText(res.body)).split('OFFICIAL-SENSITIVE').length - 1).toBe(pages * 2 + 1);
  // Tables of figures read row by row in drawing order; layout order interleaves wrapped cells.
  return { res, text: flat(pdfDrawnText(res.body)) };
}

describe('annual reports and deadline compliance', () => {
  let app: NestExpressApplication;
  let f: Footprint;
  let p: Partnership;
  const at = (date: string) => setNow(app, `${date}T12:00:00Z`);

  async function death(d: Death): Promise<string> {
    at(d.notifiedOn);
    const base = sudiNotification(f);
    const notified = await cdrApi(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', {
        ...base,
        child: { ...base.child, dateOfBirth: d.dateOfBirth, sex: d.sex, ethnicity: d.ethnicity },
        dateOfDeath: d.dateOfDeath,
        notifiedAt: `${d.notifiedOn}T09:00:00+00:00`,
        placeOfDeath: d.placeOfDeath,
        expected: d.expected,
        circumstances: d.circumstances,
      })
      .expect(201);
    const caseId = notified.body.caseId as string;
    if (!d.review) return caseId;
    const { review } = d;
    const meeting = await cdrApi(app, f.admin)
      .post(`/api/child-deaths/${caseId}/review-meetings`, {
        scheduledFor: `${review.heldOn}T10:00:00+00:00`,
        attendees: [{ name: 'Dr Dee', role: 'Chair', organisation: 'Northshire CDOP' }],
      })
      .expect(201);
    at(review.heldOn);
    await cdrApi(app, f.admin)
      .post(`/api/child-deaths/${caseId}/review-meetings/${meeting.body.id}/held`, {
        heldOn: review.heldOn,
        attended: ['Dr Dee'],
      })
      .expect(200);
    await cdrApi(app, f.doctor)
      .put(`/api/child-deaths/${caseId}/analysis`, {
        formVersion: '2026-04',
        domains: [
          {
            domain: 'B',
            factors: [
              {
                code: 'B07',
                label: 'Parenting capacity or supervision',
                score: 2,
                modifiable: review.modifiableFactors === 'yes',
              },
            ],
          },
        ],
        modifiableFactors: review.modifiableFactors,
        primaryCategory: review.primaryCategory,
        causeOfDeath: 'As agreed at the review',
        learningPoints: review.learningPoints,
        actions: review.actions,
        referredToSafeguarding: false,
      })
      .expect(200);
    at(review.reviewedOn);
    await cdrApi(app, f.admin)
      .post(`/api/child-deaths/${caseId}/analysis/finalise`, { reviewedOn: review.reviewedOn })
      .expect(200);
    return caseId;
  }

  async function incident(
    aware: string,
    extra: object,
    rapidReviewOn: string | null,
    learning: string,
  ): Promise<string> {
    at(aware);
    const created = await siApi(app, p.notifier)
      .post('/api/serious-incidents', neglectDeath(p.la.id, aware, extra))
      .expect(201);
    const id = created.body.id as string;
    await siApi(app, p.dcs).post(`/api/serious-incidents/${id}/sign-off`).expect(200);
    await siApi(app, p.notifier).post(`/api/serious-incidents/${id}/submit`, {}).expect(200);
    if (!rapidReviewOn) return id;
    at(rapidReviewOn);
    await siApi(app, p.manager)
      .put(`/api/serious-incidents/${id}/rapid-review`, {
        facts: 'Established facts.',
        agencyInvolvement: [{ agency: 'Health visiting', summary: 'Two contacts.' }],
        immediateSafetyActions: [],
        learning,
        lcsprRecommended: false,
        lcsprRationale: 'Considered against the criteria.',
        nationalReviewMayBeAppropriate: false,
        familyInformed: { on: rapidReviewOn, how: 'By letter' },
      })
      .expect(200);
    await siApi(app, p.laPartner)
      .post(`/api/serious-incidents/${id}/rapid-review/sign-off`, { partner: 'local-authority' })
      .expect(200);
    await siApi(app, p.icbPartner)
      .post(`/api/serious-incidents/${id}/rapid-review/sign-off`, { partner: 'icb' })
      .expect(200);
    await siApi(app, p.policePartner)
      .post(`/api/serious-incidents/${id}/rapid-review/sign-off`, { partner: 'police' })
      .expect(200);
    await siApi(app, p.manager).post(`/api/serious-incidents/${id}/rapid-review/submit`, {}).expect(200);
    return id;
  }

  beforeAll(async () => {
    app = await createTestApp();
    f = await createFootprint(app);
    p = await createPartnership(app);

    // A: an infant, unexpected at home; reviewed in the year; its action is overdue on 20 April 2026.
    await death({
      notifiedOn: '2025-05-02',
      dateOfDeath: '2025-05-01',
      dateOfBirth: '2025-01-10',
      sex: 'female',
      ethnicity: 'A',
      placeOfDeath: 'home',
      expected: false,
      circumstances: { suddenNoApparentCause: true },
      review: {
        heldOn: '2025-10-28',
        reviewedOn: '2025-11-04',
        primaryCategory: 10,
        modifiableFactors: 'yes',
        learningPoints: ['Unsafe sleep: co-sleeping on a sofa after parental alcohol use.'],
        actions: [
          {
            owner: 'Health visiting',
            description: 'Safe sleep training for all visitors',
            dueDate: '2026-01-31',
          },
        ],
      },
    });
    // B: a 13-year-old in a road collision; reviewed in the year; its action is not yet due.
    await death({
      notifiedOn: '2025-06-10',
      dateOfDeath: '2025-06-09',
      dateOfBirth: '2012-03-01',
      sex: 'male',
      ethnicity: 'N',
      placeOfDeath: 'public-place',
      expected: false,
      circumstances: { externalCause: true },
      review: {
        heldOn: '2025-11-24',
        reviewedOn: '2025-12-01',
        primaryCategory: 3,
        modifiableFactors: 'yes',
        learningPoints: ['Road safety near the school gates.'],
        actions: [{ owner: 'Highways', description: 'Review the crossing', dueDate: '2026-09-30' }],
      },
    });
    // C: an expected death in hospital; reviewed in the year, no modifiable factors.
    await death({
      notifiedOn: '2025-07-01',
      dateOfDeath: '2025-06-30',
      dateOfBirth: '2019-02-01',
      sex: 'female',
      ethnicity: 'H',
      placeOfDeath: 'hospital',
      expected: true,
      circumstances: {},
      review: {
        heldOn: '2026-01-08',
        reviewedOn: '2026-01-15',
        primaryCategory: 4,
        modifiableFactors: 'no',
        learningPoints: ['Palliative care was well coordinated; bereavement support offered promptly.'],
        actions: [],
      },
    });
    // D: a newborn, notified in the year, not yet reviewed.
    await death({
      notifiedOn: '2025-09-15',
      dateOfDeath: '2025-09-14',
      dateOfBirth: '2025-09-01',
      sex: 'male',
      ethnicity: 'Z',
      placeOfDeath: 'hospital',
      expected: true,
      circumstances: {},
    });
    // E: notified the year before, reviewed in this one; its action is completed.
    const e = await death({
      notifiedOn: '2024-12-01',
      dateOfDeath: '2024-11-30',
      dateOfBirth: '2010-05-05',
      sex: 'female',
      ethnicity: 'M',
      placeOfDeath: 'home',
      expected: false,
      circumstances: { suddenNoApparentCause: true },
      review: {
        heldOn: '2025-05-13',
        reviewedOn: '2025-05-20',
        primaryCategory: 2,
        modifiableFactors: 'yes',
        learningPoints: ['Self-harm risk was not shared between school and CAMHS.'],
        actions: [
          {
            owner: 'Northshire CAMHS',
            description: 'Information sharing protocol with schools',
            dueDate: '2025-10-01',
          },
        ],
      },
    });
    at('2025-09-01');
    const [action] = (await cdrApi(app, f.admin).get(`/api/cdop/actions?caseId=${e}`).expect(200)).body;
    await cdrApi(app, f.admin)
      .patch(`/api/cdop/actions/${action.id}`, {
        version: action.version,
        status: 'completed',
        completedOn: '2025-09-01',
      })
      .expect(200);

    // Serious incidents of the partnership.
    const first = await incident('2025-05-12', {}, '2025-05-28', 'Neglect of basic care went unchallenged.');
    const second = await incident(
      '2025-09-01',
      { type: 'serious-harm' },
      '2025-09-30',
      'Information sharing between school and police was slow.',
    );
    await incident(
      '2026-02-02',
      { type: 'other', otherRationale: 'Emotional harm from online exploitation' },
      null,
      '',
    );
    at('2025-06-04');
    await siApi(app, p.manager)
      .post(`/api/serious-incidents/${first}/lcspr`, {
        decision: 'lcspr',
        decidedOn: '2025-06-04',
        rationale: 'Agencies did not work together.',
        criteria: ['multi-agency-concerns'],
      })
      .expect(201);
    at('2025-06-09');
    await siApi(app, p.manager)
      .post(`/api/serious-incidents/${first}/lcspr/informed`, {
        informedOn: '2025-06-09',
        reviewerName: 'Dr Jo Rivers',
      })
      .expect(200);
    // The criminal trial holds up the LCSPR for 75 days, so its clock is due 17 February 2026, not on
    // 4 December 2025: published on 12 January 2026, it is on time (a delay with reasons, WT 408).
    at('2025-09-01');
    await app
      .get(DeadlinesService)
      .pause(first, ['SI-LCSPR-COMPLETE'], 'criminal-investigation-or-prosecution');
    at('2025-11-15');
    await app.get(DeadlinesService).resume(first, ['SI-LCSPR-COMPLETE']);
    at('2025-12-30');
    const publication = {
      plannedPublicationDate: '2026-01-12',
      publishFullReport: true,
      delayReason: 'Awaiting the outcome of the criminal trial.',
      sentToPanelOn: '2025-12-30',
      sentToSecretaryOfStateOn: '2025-12-30',
      sentToOfstedOn: '2025-12-30',
    };
    await siApi(app, p.manager)
      .put(`/api/serious-incidents/${first}/lcspr/publication`, publication)
      .expect(200);
    at('2026-01-12');
    await siApi(app, p.manager)
      .put(`/api/serious-incidents/${first}/lcspr/publication`, {
        ...publication,
        publishedOn: '2026-01-12',
        reviewerNames: ['Dr Jo Rivers'],
      })
      .expect(200);
    await siApi(app, p.manager)
      .post('/api/recommendations', {
        sourceType: 'lcspr',
        sourceId: first,
        text: 'Escalate missed health appointments.',
        themes: ['neglect'],
        madeOn: '2026-01-12',
        actions: [
          { description: 'Audit escalation', ownerAgency: 'ICB', dueDate: '2026-03-01' },
          { description: 'Train staff', ownerAgency: 'Police', dueDate: '2026-09-01', rag: 'amber' },
        ],
      })
      .expect(201);
    at('2025-10-01');
    await siApi(app, p.manager)
      .post(`/api/serious-incidents/${second}/lcspr`, {
        decision: 'no-lcspr',
        decidedOn: '2025-10-01',
        rationale: 'Learning taken forward through the rapid review.',
        criteria: [],
      })
      .expect(201);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('prints the CDOP annual report with every figure of the year', async () => {
    at('2026-04-20');
    const { res, text } = await pdfOf(
      app,
      f.admin,
      `/api/reports/cdop-annual.pdf?cdopId=${f.cdop.id}&year=2025`,
      'cdop-annual-report',
      8,
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="cdop-annual-report-2025-to-2026.pdf"',
    );
    for (const value of [
      'CDOP annual report 2025 to 2026',
      'Reporting year 1 April 2025 to 31 March 2026',
      'Deaths notified 4',
      'Joint agency responses among them 2',
      'Reviews completed by the CDOP 4',
      'Reviews finding modifiable factors 3 (75%)',
      'Median time from death to CDOP review 181 days',
      // Notified in the year, by age, sex, ethnicity, place and expectedness.
      'Under 28 days 1 25% 28 days to under 1 year 1 25% 1 to 4 years 0 0% 5 to 9 years 1 25% 10 to 14 years 1 25%',
      'Male 2 50% Female 2 50%',
      'White 1 25% Mixed or multiple ethnic groups 0 0% Asian or Asian British 1 25% Black or Black British 1 25%',
      'Home 1 25% Hospital 2 50% Public place 1 25% Other 0 0%',
      'Expected 2 50% Unexpected 2 50%',
      // Reviews completed, by category, and modifiable factors by category.
      '2. Suicide or deliberate self-inflicted harm 1 25%',
      '4. Malignancy 1 25%',
      '10. Sudden unexpected, unexplained death 1 25%',
      '3. Trauma and other external factors, including medical or surgical complications or error 1 1 100%',
      '4. Malignancy 1 0 0%',
      'All categories 4 3 75%',
      // Themes from the learning points, and the actions by status on 20 April 2026.
      'Alcohol and substance misuse 1 Bereavement support 1 Mental health, self-harm and suicide 1 Road and transport safety 1 Safe sleeping 1',
      'Completed 1 33% Open, not yet due 1 33% Open and overdue 1 33% Cancelled 0 0% Total 3 100%',
    ]) {
      expect(text).toContain(value);
    }
    expect(text).toContain('Do not publish it');
  });

  it('withholds small numbers in the published CDOP annual report', async () => {
    at('2026-04-20');
    const { res, text } = await pdfOf(
      app,
      f.admin,
      `/api/reports/cdop-annual.pdf?cdopId=${f.cdop.id}&year=2025&published=true`,
      'cdop-annual-report-published',
      8,
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="cdop-annual-report-published-2025-to-2026.pdf"',
    );
    for (const value of [
      'CDOP annual report 2025 to 2026: published version',
      'a count from 1 to 4 is shown as "<5"',
      'Deaths notified <5',
      'Reviews completed by the CDOP <5',
      'Median time from death to CDOP review Not shown: fewer than 5 reviews (<5)',
      'Under 28 days <5 [c] 28 days to under 1 year <5 [c] 1 to 4 years 0 [c]',
      'Expected <5 [c] Unexpected <5 [c] Total <5 [c]',
    ]) {
      expect(text).toContain(value);
    }
    expect(text).not.toContain('Deaths notified 4');
    expect(text).not.toContain('181 days');
  });

  it('prints the partnership yearly report data pack for the financial year', async () => {
    at('2026-04-20');
    const { text } = await pdfOf(
      app,
      p.manager,
      `/api/reports/partnership-yearly.pdf?partnershipId=${p.partnership.id}&year=2025`,
      'partnership-yearly-report',
      4,
    );
    for (const value of [
      'Safeguarding partnership yearly report data pack 2025 to 2026',
      'Serious incidents notified to the Panel 3',
      'Death 1 33% Serious harm 1 33% Other 1 33% Total 3 100%',
      'Rapid reviews sent to the Panel within 15 working days of the notification: 33%',
      'Sent on time 1 33% Sent late 1 33% Not sent, overdue 1 33% Not yet due, or paused 0 0%',
      'Started in the year (decision to initiate) 1 Published in the year 1 of which by the due date (six months from the decision, plus any pause) 1 of which late 0',
      'All actions completed 0 0% In progress 0 0% One or more actions overdue 1 100% No actions agreed yet 0 0% Total 1 100%',
      'Completed 0 0% Overdue 1 50% Open: on track (green) 0 0% Open: at risk (amber) 1 50% Open: off track (red) 0 0% Total 2 100%',
      'Information sharing between agencies 1 Neglect 1',
      'neglect 1',
    ]) {
      expect(text).toContain(value);
    }
  });

  it('gives the yearly report API the same figures as the data pack', async () => {
    at('2026-04-20');
    const res = await siApi(app, p.manager).get(`/api/yearly-reports/${p.partnership.id}/2025`).expect(200);
    expect(res.body.data).toMatchObject({
      notifications: { total: 3, byType: { death: 1, 'serious-harm': 1, other: 1 } },
      // The third notification's rapid review was never sent: overdue, as in the data pack.
      rapidReviews: { total: 3, byOutcome: { met: 1, 'met-late': 1, overdue: 1, open: 0 } },
      lcsprs: { started: 1, decidedNotToHold: 1, published: 1, publishedOnTime: 1, publishedLate: 0 },
      recommendations: {
        total: 1,
        byStatus: { completed: 0, 'on-track': 0, overdue: 1, 'no-actions': 0 },
      },
      actions: { total: 2, byStatus: { completed: 0, overdue: 1, green: 0, amber: 1, red: 0 } },
      learningThemes: [
        { id: 'information-sharing', cases: 1 },
        { id: 'neglect', cases: 1 },
      ],
      recommendationThemes: [{ label: 'neglect', count: 1 }],
    });
  });

  it('prints every clock due in the period with its outcome, pauses and calendar changes', async () => {
    const cdop = f.cdop.id;
    const deadlines = app.get(DeadlinesService);
    const admin = await signIn(app, { roles: ['system-admin'], organisationIds: [] });
    const cases = [1, 2, 3].map((n) => ({ id: randomUUID(), reference: `CDR-2097-000${n}` }));
    const start = (c: (typeof cases)[number], ruleId: string, basis: object, subject?: string) =>
      deadlines.start({
        caseId: c.id,
        caseType: 'cdr',
        caseReference: c.reference,
        casePath: `/child-deaths/${c.id}`,
        organisationIds: [cdop],
        ruleId: ruleId as never,
        ...(subject ? { subject } : {}),
        basis,
      });
    const now = (instant: string) => setNow(app, instant);

    now('2096-12-20T10:00:00Z');
    await start(cases[2], 'CDR-CDOP-REVIEW', { date: '2096-12-20' });
    now('2097-04-02T10:00:00Z');
    await start(cases[2], 'CDR-CDRM', { date: '2097-04-02' });
    now('2097-05-01T10:00:00Z');
    await deadlines.pause(cases[2].id, ['CDR-CDRM'], 'post-mortem-awaited');
    now('2097-05-04T10:00:00Z');
    await deadlines.resume(cases[2].id, ['CDR-CDRM']);
    now('2097-05-29T10:00:00Z');
    await start(cases[1], 'CDR-AGENCY-RETURN', { date: '2097-05-29' }, 'Northshire Hospitals');
    now('2097-06-03T09:00:00Z');
    await start(cases[0], 'CDR-NOTIFY', { instant: new Date('2097-06-03T09:00:00Z') });
    await start(cases[1], 'CDR-NOTIFY', { instant: new Date('2097-06-03T09:00:00Z') });
    now('2097-06-04T12:00:00Z');
    await deadlines.complete(cases[0].id, 'CDR-NOTIFY', new Date('2097-06-04T12:00:00Z'));
    now('2097-06-06T10:00:00Z');
    await deadlines.complete(cases[1].id, 'CDR-NOTIFY', new Date('2097-06-06T10:00:00Z'));
    now('2097-06-10T10:00:00Z');
    await start(cases[0], 'CDR-DESIGNATED-DR', { date: '2097-06-10' });
    now('2097-06-11T10:00:00Z');
    await siApi(app, admin)
      .post('/api/calendar/bank-holidays', { date: '2097-06-12', name: 'Test holiday' })
      .expect(201);
    now('2097-06-15T10:00:00Z');
    await deadlines.pause(cases[2].id, ['CDR-CDOP-REVIEW'], 'criminal-investigation-or-prosecution');
    now('2097-06-20T10:00:00Z');
    await deadlines.complete(
      cases[1].id,
      { ruleId: 'CDR-AGENCY-RETURN', subject: 'Northshire Hospitals' },
      new Date('2097-06-20T10:00:00Z'),
    );

    now('2097-07-01T10:00:00Z');
    const { res, text } = await pdfOf(
      app,
      f.admin,
      `/api/reports/deadline-compliance.pdf?organisationId=${cdop}&from=2097-06-01&to=2097-06-30`,
      'deadline-compliance',
      3,
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="deadline-compliance-2097-06-01-to-2097-06-30.pdf"',
    );
    for (const value of [
      'Period 1 June 2097 to 30 June 2097',
      'Clocks due in the period 6',
      'Met on time 2 (40% of those with an outcome)',
      'CDR-AGENCY-RETURN Agency returns its reporting form (and supplementary form) 1 1 0 0 0 100%',
      'CDR-CDOP-REVIEW CDOP completes its review 1 0 0 0 1 –',
      'CDR-DESIGNATED-DR',
      'CDR-NOTIFY Notify the child death to the CDOP 2 1 1 0 0 50%',
      'All rules 6 2 1 2 1 40%',
      'CDR-2097-0001 CDR-NOTIFY Started 3 June 2097 5 June 2097 at 10:00am Met 4 June 2097 at 1:00pm',
      'CDR-2097-0002 CDR-NOTIFY Started 3 June 2097 5 June 2097 at 10:00am Met late 6 June 2097 at 11:00am',
      'CDR-2097-0001 CDR-DESIGNATED-DR Started 10 June 2097 11 June 2097 Overdue',
      'CDR-2097-0003 CDR-CDOP-REVIEW Started 20 December 2096 20 June 2097 Paused ' +
        'Paused since 15 June 2097 (criminal investigation or prosecution)',
      'CDR-2097-0002 CDR-AGENCY-RETURN Northshire Hospitals Started 29 May 2097 27 June 2097 Met 20 June 2097 at 11:00am ' +
        'Recomputed after a bank holiday change (Test holiday, 12 June 2097) on 11 June 2097: due 26 June 2097 became 27 June 2097',
      'CDR-2097-0003 CDR-CDRM Started 2 April 2097 28 June 2097 Overdue Paused 1 May 2097 to 4 May 2097 (post-mortem report awaited)',
    ]) {
      expect(text).toContain(value);
    }
  });

  it('refuses a period that ends before it starts, and an organisation the caller cannot see', async () => {
    const backwards = await getPdf(
      app,
      f.admin,
      `/api/reports/deadline-compliance.pdf?organisationId=${f.cdop.id}&from=2026-03-31&to=2026-01-01`,
    );
    expect(backwards.status).toBe(400);
    expect(errorOf(backwards).message).toEqual(['to: must be on or after from']);
    const elsewhere = await createFootprint(app);
    const hidden = await getPdf(
      app,
      elsewhere.admin,
      `/api/reports/cdop-annual.pdf?cdopId=${f.cdop.id}&year=2025`,
    );
    expect(hidden.status).toBe(404);
    const notACdop = await getPdf(app, f.admin, `/api/reports/cdop-annual.pdf?cdopId=${f.la.id}&year=2025`);
    expect(notACdop.status).toBe(400);
    expect(errorOf(notACdop).message).toEqual(['cdopId: must be the id of a CDOP']);
    const badYear = await getPdf(
      app,
      f.admin,
      `/api/reports/cdop-annual.pdf?cdopId=${f.cdop.id}&year=25&colour=red`,
    );
    expect(badYear.status).toBe(400);
    expect(errorOf(badYear).message).toEqual([
      'property colour should not exist',
      'year must be 2000 or later',
    ]);
  });
});
