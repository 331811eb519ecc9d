import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import { pdfInfo, pdfPages, pdfText, saveFirstPagePng } from '../src/reports/pdf/pdf-inspect';
import { api as cdrApi, createFootprint, Footprint, setNow, sudiNotification } from './child-deaths.fixtures';
import { errorOf, flat, getPdf, PDF_ARTEFACTS, pdfAudits, pdfDrawnText } from './reports.fixtures';
import { api as siApi, createPartnership, neglectDeath, Partnership } from './serious-incidents.fixtures';
import type { SignedIn } from './support/auth';
import { createTestApp } from './support/test-app';

jest.setTimeout(180_000);

/*
 * Each document of a seeded case, read back as text the way a person would read the printed page:
 * exact values, page count, the OFFICIAL-SENSITIVE marking on every page, a download name without
 * personal data, and an audit event. The first page of each goes to artefacts/pdf/.
 */

const analysis = {
  formVersion: '2026-04',
  domains: [
    { domain: 'A', factors: [{ code: 'A01', label: 'Prematurity or low birth weight', score: 1 }] },
    {
      domain: 'B',
      factors: [
        { code: 'B05', label: 'Unsafe sleeping arrangements', score: 2, modifiable: true },
        { code: 'B04', label: 'Smoking in pregnancy or in the household', score: 2, modifiable: true },
      ],
    },
  ],
  modifiableFactors: 'yes',
  primaryCategory: 10,
  otherCategories: [],
  causeOfDeath: 'Sudden unexpected death in infancy',
  icd10Codes: ['R95'],
  learningPoints: [
    'Safe sleep advice was not repeated after discharge.',
    'Smoking cessation support was not offered.',
  ],
  actions: [
    {
      owner: 'Northshire Community Health',
      description: 'Repeat safe sleep advice at every health visitor contact.',
      dueDate: '2026-09-30',
    },
  ],
  referredToSafeguarding: false,
};

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
  familyInformed: { on: '2026-01-20', how: 'Home visit by the social worker' },
};

const children = ['Ava', 'Ben', 'Cal', 'Dot', 'Eve'].map((givenName, i) => ({
  givenName,
  familyName: 'Marsh',
  identityKnown: true,
  dateOfBirth: `201${i + 4}-06-10`,
  sex: i % 2 ? 'male' : 'female',
  legalStatus: 'child-in-need',
}));

describe('PDF documents of a seeded case', () => {
  let app: NestExpressApplication;
  let f: Footprint;
  let p: Partnership;
  let caseId: string;
  let reference: string;
  let secondReference: string;
  let meetingId: string;
  let incidentId: string;
  let incidentReference: string;

  const at = (date: string) => setNow(app, `${date}T14:05:00Z`);

  async function caseWithMeetingHeld(familyName: string) {
    at('2026-03-02');
    const notified = await cdrApi(app, f.hospitalNotifier)
      .post(
        '/api/child-deaths/notifications',
        sudiNotification(
          f,
          { familyName, nhsNumber: familyName === 'Testmarlow' ? '9990000018' : undefined },
          { circumstancesSummary: 'Found unresponsive in the parents’ bed at 06:00.' },
        ),
      )
      .expect(201);
    const id = notified.body.caseId as string;
    await cdrApi(app, f.doctor).post(`/api/child-deaths/${id}/jar/decision`, { required: true }).expect(200);
    const meeting = await cdrApi(app, f.admin)
      .post(`/api/child-deaths/${id}/review-meetings`, {
        scheduledFor: '2026-04-14T10:00:00+01:00',
        attendees: [{ name: 'Dr Dee', role: 'Chair', organisation: 'Northshire CDOP' }],
      })
      .expect(201);
    at('2026-04-14');
    await cdrApi(app, f.admin)
      .post(`/api/child-deaths/${id}/review-meetings/${meeting.body.id}/held`, {
        heldOn: '2026-04-14',
        attended: ['Dr Dee'],
      })
      .expect(200);
    return notified.body as { caseId: string; caseReference: string };
  }

  async function seriousIncidentThroughLcspr(): Promise<void> {
    at('2026-01-12');
    const incident = await siApi(app, p.notifier)
      .post('/api/serious-incidents', neglectDeath(p.la.id, '2026-01-12', { children }))
      .expect(201);
    incidentId = incident.body.id;
    incidentReference = incident.body.reference;
    await siApi(app, p.dcs).post(`/api/serious-incidents/${incidentId}/sign-off`).expect(200);
    await siApi(app, p.notifier)
      .post(`/api/serious-incidents/${incidentId}/submit`, { nationalReference: 'CSIN0042' })
      .expect(200);
    at('2026-01-28');
    await siApi(app, p.manager)
      .put(`/api/serious-incidents/${incidentId}/rapid-review`, rapidReview)
      .expect(200);
    const signOff = (who: SignedIn, body: object) =>
      siApi(app, who).post(`/api/serious-incidents/${incidentId}/rapid-review/sign-off`, body).expect(200);
    await signOff(p.laPartner, { partner: 'local-authority' });
    await signOff(p.icbPartner, { partner: 'icb' });
    await signOff(p.manager, { partner: 'police', agreedByName: 'DCI Rowe' });
    await siApi(app, p.manager)
      .post(`/api/serious-incidents/${incidentId}/rapid-review/submit`, {})
      .expect(200);
    at('2026-02-04');
    await siApi(app, p.manager)
      .post(`/api/serious-incidents/${incidentId}/lcspr`, {
        decision: 'lcspr',
        decidedOn: '2026-02-04',
        rationale: 'Concerns about agencies working together.',
        criteria: ['improvements-needed', 'multi-agency-concerns'],
      })
      .expect(201);
    at('2026-02-09');
    await siApi(app, p.manager)
      .post(`/api/serious-incidents/${incidentId}/lcspr/informed`, {
        informedOn: '2026-02-09',
        reviewerName: 'Dr Jo Rivers',
      })
      .expect(200);
    at('2026-06-01');
    await siApi(app, p.manager)
      .put(`/api/serious-incidents/${incidentId}/lcspr/publication`, {
        plannedPublicationDate: '2026-07-15',
        publishFullReport: true,
      })
      .expect(200);
    at('2026-07-20');
    await siApi(app, p.manager)
      .post('/api/recommendations', {
        sourceType: 'lcspr',
        sourceId: incidentId,
        text: 'Agencies should escalate missed health appointments for children on a child in need plan.',
        themes: ['neglect', 'information-sharing'],
        madeOn: '2026-07-20',
        actions: [
          {
            description: 'Audit escalation of missed appointments',
            ownerAgency: 'ICB',
            dueDate: '2026-12-31',
            rag: 'amber',
          },
          {
            description: 'Brief front-line officers on child in need plans',
            ownerAgency: 'Police',
            dueDate: '2026-08-01',
          },
        ],
      })
      .expect(201);
  }

  beforeAll(async () => {
    app = await createTestApp();
    f = await createFootprint(app);
    p = await createPartnership(app);
    ({ caseId, caseReference: reference } = await caseWithMeetingHeld('Testmarlow'));
    await cdrApi(app, f.doctor).put(`/api/child-deaths/${caseId}/analysis`, analysis).expect(200);
    const second = await caseWithMeetingHeld('Testquince');
    secondReference = second.caseReference;
    await cdrApi(app, f.doctor)
      .put(`/api/child-deaths/${second.caseId}/analysis`, {
        ...analysis,
        learningPoints: ['No learning identified.'],
        actions: [],
      })
      .expect(200);
    const meeting = await cdrApi(app, f.admin)
      .post('/api/cdop/panel-meetings', {
        cdopId: f.cdop.id,
        meetingOn: '2026-05-12',
        location: 'Northshire House, room 4',
        caseIds: [caseId, second.caseId],
      })
      .expect(201);
    meetingId = meeting.body.id;
    await seriousIncidentThroughLcspr();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Fetches a PDF and checks what every document shares; returns its text per page. */
  async function document(who: SignedIn, path: string, artefact: string, filename: string, pages: number) {
    const res = await getPdf(app, who, path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${filename}"`);
    expect(res.headers['cache-control']).toBe('no-store');
    saveFirstPagePng(res.body, join(PDF_ARTEFACTS, `${artefact}.png`));
    const info = pdfInfo(res.body);
    expect(info).toMatchObject({
      Pages: String(pages),
      Tagged: 'yes',
      'Page size': '595.92 x 841.92 pts (A4)',
    });
    const text = pdfPages(res.body);
    expect(text).toHaveLength(pages);
    text.forEach((page, i) => {
      // The running header and footer on every page; the banner under the header on the first.
      expect(page.split('OFFICIAL-SENSITIVE').length - 1).toBe(i === 0 ? 3 : 2);
      expect(flat(page)).toContain(`Page ${i + 1} of ${pages}`);
    });
    // A watermark's rotated letters land among the lines in layout order, so watermarked documents are
    // also read in drawing order, where the watermark comes first and every row reads as one line.
    return {
      pdf: res.body,
      pages: text.map(flat),
      text: flat(pdfText(res.body)),
      drawn: flat(pdfDrawnText(res.body)),
    };
  }

  it('prints the child death notification summary with the case’s values, and audits it', async () => {
    at('2026-04-20');
    const { text } = await document(
      f.admin,
      `/api/child-deaths/${caseId}/notification-summary.pdf`,
      'child-death-notification-summary',
      `notification-summary-${reference}.pdf`,
      2,
    );
    for (const value of [
      'Child death notification summary',
      `Reference: ${reference} · Generated 20 April 2026 at 3:05pm`,
      'Name Olivia Testmarlow',
      'Date of birth 1 December 2025',
      'Sex Female',
      'NHS number 9990000018',
      'Ethnicity White: British',
      'Age at death 91 days',
      'Date of death 2 March 2026',
      'Time of death 06:10',
      'Place of death Home',
      'Expected death No',
      'Post-mortem required Yes',
      'Found unresponsive in the parents’ bed at 06:00.',
      'Required: Yes. Confirmed by Dr Dee',
      '2 March 2026 at 8:05am Dr Hal Hospital Consultant paediatrician Northshire Hospitals',
      'Lucy Hart Health visitor Northshire Community Health',
      `OFFICIAL-SENSITIVE · ${reference} · Generated 20 April 2026 at 3:05pm · Page 1 of 2`,
    ]) {
      expect(text).toContain(value);
    }
    expect(await pdfAudits(app, f.admin.user.id)).toContainEqual(
      expect.objectContaining({
        caseId,
        details: expect.objectContaining({ documentType: 'notification-summary', reference }),
      }),
    );
  });

  it('prints the analysis form watermarked DRAFT, then FINAL with the date the CDOP agreed it', async () => {
    at('2026-04-20');
    const draft = await document(
      f.doctor,
      `/api/child-deaths/${caseId}/analysis.pdf`,
      'analysis-form-draft',
      `analysis-form-${reference}.pdf`,
      2,
    );
    for (const value of [
      'Child death analysis form',
      'Child Olivia Testmarlow',
      'Status Draft',
      'Sudden unexpected death in infancy',
      'ICD-10 codes: R95',
      'A. Factors intrinsic to the child Code Factor Score Modifiable',
      'A01 Prematurity or low birth weight 1: Factor identified, but unlikely to have contributed to the death Not recorded',
      'B05 Unsafe sleeping arrangements 2: Factor identified that may have contributed to the vulnerability, ill-health or death Yes',
      'No factors recorded in this domain.',
      'Modifiable factors Yes: modifiable factors were identified',
      'Primary category of death 10. Sudden unexpected, unexplained death',
      '1. Safe sleep advice was not repeated after discharge. 2. Smoking cessation support was not offered.',
      'Northshire Community Health Repeat safe sleep advice at every health visitor contact. 30 September 2026',
    ]) {
      expect(draft.drawn).toContain(value);
    }
    // The watermark is drawn on every page.
    const drawn = pdfDrawnText(draft.pdf).split('\f');
    expect(drawn[0]).toContain('DRAFT');
    expect(drawn[1]).toContain('DRAFT');

    at('2026-05-12');
    await cdrApi(app, f.panel)
      .post(`/api/child-deaths/${caseId}/analysis/finalise`, { reviewedOn: '2026-05-12' })
      .expect(200);
    const final = await document(
      f.panel,
      `/api/child-deaths/${caseId}/analysis.pdf`,
      'analysis-form-final',
      `analysis-form-${reference}.pdf`,
      2,
    );
    expect(final.drawn).toContain('Status Final, agreed by the CDOP Agreed by the CDOP on 12 May 2026');
    // Rotated glyphs come back with stray spaces between some letters.
    expect(final.drawn.replace(/ /g, '')).toContain('FINAL—agreedbyCDOPon12May2026');
    expect(final.drawn).not.toContain('DRAFT');
    expect(await pdfAudits(app, f.panel.user.id)).toContainEqual(
      expect.objectContaining({
        caseId,
        details: expect.objectContaining({ documentType: 'analysis-form', analysisStatus: 'final' }),
      }),
    );
  });

  it('prints the CDOP panel pack: the agenda, then the analysis form of each case', async () => {
    at('2026-05-01');
    const { pages, text } = await document(
      f.panel,
      `/api/cdop/panel-meetings/${meetingId}/pack.pdf`,
      'panel-pack',
      'panel-pack-2026-05-12.pdf',
      5,
    );
    expect(pages[0]).toContain(
      'Meeting date 12 May 2026 Location Northshire House, room 4 Cases on the agenda 2',
    );
    expect(pages[0]).toContain(`1 ${reference}`);
    expect(pages[0]).toContain(`2 ${secondReference}`);
    expect(pages[1]).toContain(`Agenda item 1: ${reference}`);
    expect(text).toContain(`Agenda item 2: ${secondReference}`);
    expect(text).toContain('Child Olivia Testquince');
    expect(text).toContain('1. No learning identified.');
  });

  it('prints the serious incident notification in the national service’s shape, four children then the rest', async () => {
    at('2026-02-01');
    const { text } = await document(
      p.notifier,
      `/api/serious-incidents/${incidentId}/notification.pdf`,
      'serious-incident-notification',
      `serious-incident-notification-${incidentReference}.pdf`,
      2,
    );
    for (const value of [
      'Serious incident notification',
      `Incident reference ${incidentReference}`,
      'National reference CSIN0042',
      'Date the local authority became aware 12 January 2026',
      'Type of incident Death',
      'Abuse or neglect Suspected',
      'Number of children 5',
      'Infant found unresponsive at home; concerns about neglect of basic care.',
      'Child 1 Name Ava Marsh Date of birth 10 June 2014',
      'Child 4 Name Dot Marsh Date of birth 10 June 2017',
      'Child 5: name: Eve Marsh; date of birth: 2018-06-10; age: not known; sex: female; legal status: Child in need',
      'Sent to the Panel.',
    ]) {
      expect(text).toContain(value);
    }
    expect(text).not.toContain('Child 5 Name');
  });

  it('prints the rapid review in its five sections with the partners’ sign-off', async () => {
    at('2026-02-01');
    const { text } = await document(
      p.manager,
      `/api/serious-incidents/${incidentId}/rapid-review.pdf`,
      'rapid-review',
      `rapid-review-${incidentReference}.pdf`,
      2,
    );
    for (const value of [
      'Rapid review sent to the Panel on 28 January 2026',
      '1. Facts of the case and each agency’s involvement Ava, 7 months, was found unresponsive at home',
      'Health visiting Missed two appointments in the last three months.',
      '2. Immediate action to keep children safe',
      'Strategy discussion for the sibling Children’s social care 14 January 2026',
      '3. Learning and improvements that may be needed Escalation when appointments are missed',
      'LCSPR recommended Yes Rationale Agencies did not share concerns about missed appointments.',
      'National review may be appropriate No',
      '5. Sign-off by the safeguarding partners, and the family',
      'Police DCI Rowe 28 January 2026',
      'Family told on 20 January 2026 How Home visit by the social worker',
    ]) {
      expect(text).toContain(value);
    }
    expect(text).not.toContain('DRAFT');
  });

  it('prints the LCSPR letter to the Panel and the Secretary of State with the seven-working-day date', async () => {
    at('2026-06-01');
    const { text } = await document(
      p.manager,
      `/api/serious-incidents/${incidentId}/lcspr/pre-publication-letter.pdf`,
      'lcspr-pre-publication-letter',
      `lcspr-pre-publication-letter-${incidentReference}.pdf`,
      1,
    );
    for (const value of [
      '1 June 2026',
      'The Child Safeguarding Practice Review Panel The Secretary of State for Education',
      `serious incident ${incidentReference} (national reference CSIN0042)`,
      'On 4 February 2026 the safeguarding partners decided to carry out a local child safeguarding practice review',
      'the final report on 15 July 2026',
      'by 6 July 2026',
      'The review was carried out by Dr Jo Rivers.',
    ]) {
      expect(text).toContain(value);
    }
    expect(text).not.toContain('six months after the decision');
  });

  it('prints the recommendations and actions tracker with where each action stands', async () => {
    at('2026-09-01');
    const { text } = await document(
      p.manager,
      `/api/reports/recommendations-tracker.pdf?organisationId=${p.partnership.id}`,
      'recommendations-tracker',
      'recommendations-tracker-2026-09-01.pdf',
      1,
    );
    for (const value of [
      'Recommendations 1 Actions 2 Actions completed 0 Actions overdue 1',
      `LCSPR ${incidentReference}`,
      'Made on 20 July 2026. Themes: neglect, information-sharing.',
      'Agencies should escalate missed health appointments for children on a child in need plan.',
      'Brief front-line officers on child in need plans Police 1 August 2026 Overdue (Green)',
      'Audit escalation of missed appointments ICB 31 December 2026 Open (Amber)',
    ]) {
      expect(text).toContain(value);
    }
  });

  it('answers 404 for a case of another area, 403 for a role without the document, 401 signed out', async () => {
    const elsewhere = await createFootprint(app);
    const notFound = await getPdf(app, elsewhere.admin, `/api/child-deaths/${caseId}/analysis.pdf`);
    expect(notFound.status).toBe(404);
    expect(errorOf(notFound).message).toBe('No case with this id was found, or you do not have access to it');
    expect((await getPdf(app, p.notifier, `/api/child-deaths/${caseId}/analysis.pdf`)).status).toBe(403);
    expect((await getPdf(app, null, `/api/child-deaths/${caseId}/analysis.pdf`)).status).toBe(401);
    const otherPartnership = await createPartnership(app);
    expect(
      (await getPdf(app, otherPartnership.manager, `/api/serious-incidents/${incidentId}/rapid-review.pdf`))
        .status,
    ).toBe(404);
  });

  it('says what is missing when a document has nothing to print yet', async () => {
    at('2026-03-02');
    const notified = await cdrApi(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', sudiNotification(f))
      .expect(201);
    const res = await getPdf(app, f.admin, `/api/child-deaths/${notified.body.caseId}/analysis.pdf`);
    expect(res.status).toBe(409);
    expect(errorOf(res).message).toBe('No analysis form has been drafted for this case');
  });
});
