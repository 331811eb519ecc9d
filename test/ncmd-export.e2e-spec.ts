import { NestExpressApplication } from '@nestjs/platform-express';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DataSource } from 'typeorm';
import schema from '../src/ncmd/schema/ncmd-export-v1.schema.json';
import { createOrganisation, signIn } from './support/auth';
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
  testNhsNumber,
} from './child-deaths.fixtures';

interface ExportDoc {
  ncmdExportVersion: string;
  exportId: string;
  mode: string;
  cases: { identity: { caseId: string }; revision: number; process: Record<string, unknown> }[];
  rejected: { caseId: string; revision: number; reasons: { field: string; message: string }[] }[];
}

const ANALYSIS = {
  formVersion: '2026-04',
  domains: [
    {
      domain: 'D',
      factors: [{ code: 'D3', label: 'Unsafe sleep advice not given', score: 2, modifiable: true }],
    },
    {
      domain: 'A',
      factors: [{ code: 'A03', label: 'Acute or chronic illness', score: 1, modifiable: false }],
    },
  ],
  modifiableFactors: 'yes',
  primaryCategory: 10,
  otherCategories: [9],
  causeOfDeath: 'Sudden unexpected death in infancy',
  icd10Codes: ['R95'],
  learningPoints: ['Safe sleep advice at every health visitor contact'],
  actions: [
    { owner: 'Northshire Community Health', description: 'Audit safe sleep advice', dueDate: '2026-09-30' },
  ],
  referredToSafeguarding: false,
};

/** The time of death as a value of its own, not as part of an instant such as 2026-05-05T03:47:00Z. */
const timeOfDeathPattern = (time: string) => new RegExp(`(?<![0-9:T])${time}(?![0-9:])`);

describe('NCMD export', () => {
  let app: NestExpressApplication;
  let f: Footprint;
  let db: DataSource;
  const children: { caseId: string; givenName: string; familyName: string; nhsNumber: string }[] = [];

  const exportOf = (query: string, who = f.admin) =>
    api(app, who).get(`/api/exports/ncmd?cdopId=${f.cdop.id}&${query}`);
  const json = async (query: string, who = f.admin) =>
    JSON.parse((await exportOf(query, who).expect(200)).text) as ExportDoc;

  /** A death notified, reported on by the trust, reviewed at its meeting and finalised by the CDOP. */
  async function finalisedCase(givenName: string, reviewedOn: string) {
    const familyName = testFamilyName();
    const nhsNumber = testNhsNumber();
    setNow(app, '2026-03-02T12:00:00Z');
    const body = sudiNotification(
      f,
      { nhsNumber, familyName },
      { timeOfDeath: '03:47', childProtectionPlan: false },
    );
    (body.child as { givenName: string }).givenName = givenName;
    const { caseId } = (
      await api(app, f.hospitalNotifier).post('/api/child-deaths/notifications', body).expect(201)
    ).body;
    await api(app, f.doctor).post(`/api/child-deaths/${caseId}/jar/decision`, { required: true }).expect(200);
    const [request] = (
      await api(app, f.admin)
        .post(`/api/child-deaths/${caseId}/reporting-requests`, {
          requests: [
            {
              kind: 'reporting',
              recipient: {
                name: 'Dr Hal Hospital',
                role: 'Paediatrician',
                organisation: 'Northshire Hospitals',
              },
              agencyOrganisationId: f.trust.id,
            },
          ],
        })
        .expect(201)
    ).body;
    await api(app, f.trustAgency)
      .post(`/api/reporting-forms/${request.id}/return`, {
        answers: {
          agencyInvolvement: 'Seen at 6 weeks.',
          eventsLeadingToDeath: 'Found unresponsive in the morning.',
          livedInPovertyOrDeprivation: true,
          barriersToAccessingServices: ['No interpreter at the 6-week check'],
          bereavementSupportOffered: false,
        },
      })
      .expect(200);
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
    await api(app, f.doctor).put(`/api/child-deaths/${caseId}/analysis`, ANALYSIS).expect(200);
    await api(app, f.doctor).post(`/api/child-deaths/${caseId}/analysis/send-to-cdop`, {}).expect(200);
    setNow(app, `${reviewedOn}T09:00:00Z`);
    await api(app, f.admin).post(`/api/child-deaths/${caseId}/analysis/finalise`, { reviewedOn }).expect(200);
    children.push({ caseId, givenName, familyName, nhsNumber });
    return caseId;
  }

  let complete: string;
  let noCategory: string;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    f = await createFootprint(app);
    complete = await finalisedCase('Philippa', '2026-05-05');
    noCategory = await finalisedCase('Jemima', '2026-05-06');
    // Finalising needs a primary category; a form saved before that rule (or migrated) can lack one.
    await db.query(`UPDATE cdr_analysis_form SET answers = answers - 'primaryCategory' WHERE case_id = $1`, [
      noCategory,
    ]);
    setNow(app, '2026-05-10T09:00:00Z');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('exports a finalised case as entered, valid against the schema, and meets CDR-NCMD-SUBMIT', async () => {
    const doc = await json('format=json&mode=ncmd');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(schema);
    const validateDocument = ajv.getSchema(`${schema.$id}#/$defs/document`)!;
    expect(validateDocument(doc) ? [] : validateDocument.errors).toEqual([]);
    const validateCase = ajv.getSchema(schema.$id)!;
    expect(validateCase(doc.cases[0]) ? [] : validateCase.errors).toEqual([]);
    expect(doc.cases.map((c) => c.identity.caseId)).toEqual([complete]);
    const [{ familyName, nhsNumber }] = children;
    expect(doc.cases[0]).toMatchObject({
      identity: {
        caseId: complete,
        nhsNumber,
        givenName: 'Philippa',
        familyName,
        dateOfBirth: '2025-12-01',
        sex: 'female',
        ethnicity: 'A',
        postcode: 'NS1 4AB',
      },
      death: {
        dateOfDeath: '2026-03-02',
        timeOfDeath: '03:47',
        placeOfDeath: 'home',
        ageAtDeathDays: 91,
        expected: false,
        suspectedStillbirthAtHome: false,
        childProtectionPlan: false,
      },
      process: {
        notifiedAt: '2026-03-02T08:05:00.000Z',
        jarRequired: true,
        jarCriteria: ['sudden-no-apparent-cause'],
        postMortem: true,
        coronerInvolved: true,
        cdrmHeldOn: '2026-04-14',
        cdopReviewedOn: '2026-05-05',
        referredToSafeguarding: false,
      },
      reporting: {
        agenciesAsked: 1,
        agenciesReturned: 1,
        livedInPovertyOrDeprivation: 'yes',
        barriersToAccessingServices: ['No interpreter at the 6-week check'],
        bereavementSupportOffered: 'no',
        supplementaryForms: [],
      },
      analysis: {
        analysisFormVersion: '2026-04',
        domains: [
          { domain: 'A', factors: [ANALYSIS.domains[1].factors[0]] },
          { domain: 'B', factors: [] },
          { domain: 'C', factors: [] },
          { domain: 'D', factors: [ANALYSIS.domains[0].factors[0]] },
        ],
        modifiableFactors: 'yes',
        primaryCategory: 10,
        otherCategories: [9],
        causeOfDeath: ANALYSIS.causeOfDeath,
        icd10Codes: ['R95'],
        learningPoints: ANALYSIS.learningPoints,
        actions: [{ ...ANALYSIS.actions[0], status: 'open' }],
      },
    });

    const deadlines: Deadline[] = (
      await api(app, f.admin).get(`/api/child-deaths/${complete}/deadlines`).expect(200)
    ).body;
    expect(clock(deadlines, 'CDR-NCMD-SUBMIT')).toMatchObject({ status: 'met' });
    expect((await api(app, f.admin).get(`/api/child-deaths/${complete}`).expect(200)).body.status).toBe(
      'submitted-to-ncmd',
    );
  });

  it('lists a case with no primary category under rejected with that reason, never in cases', async () => {
    const doc = await json('format=json&mode=ncmd&sinceLastExport=false');
    expect(doc.cases.map((c) => c.identity.caseId)).not.toContain(noCategory);
    expect(doc.rejected).toEqual([
      {
        caseId: noCategory,
        revision: expect.any(Number),
        reasons: [{ field: 'analysis.primaryCategory', message: 'is required' }],
      },
    ]);
    const [row] = await db.query(`SELECT state FROM cdr_case WHERE id = $1`, [noCategory]);
    expect(row.state).not.toBe('submitted-to-ncmd');
  });

  it('gives nothing new since the last export, then a changed case with a higher revision', async () => {
    const before = (await json('format=json&mode=ncmd')).cases.find((c) => c.identity.caseId === complete);
    expect((await json('format=json&mode=ncmd&sinceLastExport=true')).cases).toEqual([]);

    const { version } = (await api(app, f.admin).get(`/api/child-deaths/${complete}`).expect(200)).body;
    await api(app, f.admin)
      .put(`/api/child-deaths/${complete}/investigations`, {
        version,
        coroner: { involved: true, inquest: 'concluded', inquestConcludedOn: '2026-05-08' },
      })
      .expect(200);

    const after = await json('format=json&mode=ncmd&sinceLastExport=true');
    expect(after.cases.map((c) => c.identity.caseId)).toEqual([complete]);
    expect(after.cases[0].revision).toBeGreaterThan(before!.revision);
    expect(after.cases[0].process.inquestConcluded).toBe(true);
    expect((await json('format=json&mode=ncmd&sinceLastExport=true')).cases).toEqual([]);
  });

  it('leaves every identifying value out of the de-identified JSON and CSV', async () => {
    const jsonText = (await exportOf('format=json&mode=deidentified', f.doctor).expect(200)).text;
    const csv = await exportOf('format=csv&mode=deidentified', f.doctor)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const doc = JSON.parse(jsonText) as ExportDoc;
    expect(doc.cases).toHaveLength(1);
    expect(doc.rejected).toHaveLength(1);
    expect(csv.text.trim().split('\r\n')).toHaveLength(2);
    for (const output of [jsonText, csv.text]) {
      for (const child of children) {
        for (const value of [child.caseId, child.givenName, child.familyName, child.nhsNumber]) {
          expect(output).not.toContain(value);
        }
      }
      expect(output).not.toMatch(/NS1 ?4AB/i);
      expect(output).not.toContain('2025-12-01');
      expect(output).not.toMatch(timeOfDeathPattern('03:47'));
      expect(output).toContain('NS1');
    }
    const again = JSON.parse((await exportOf('format=json&mode=deidentified', f.doctor).expect(200)).text);
    expect(again.cases[0].identity.caseId).toBe(doc.cases[0].identity.caseId);
  });

  it('refuses the identifiable mode to anyone but a CDOP administrator, and hides other CDOPs', async () => {
    await exportOf('format=json&mode=ncmd', f.doctor).expect(403);
    await exportOf('format=json&mode=deidentified', f.panel).expect(403);
    const otherLa = await createOrganisation(app, { type: 'local-authority' });
    const otherCdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [otherLa.id] });
    const otherAdmin = await signIn(app, { roles: ['cdop-admin'], organisationIds: [otherCdop.id] });
    await exportOf('format=json&mode=ncmd', otherAdmin).expect(404);
    await exportOf('format=xml', f.admin).expect(400);
  });

  it('audits every export with who, the mode and the cases', async () => {
    const doc = await json('format=json&mode=deidentified');
    const events: { user_id: string; details: Record<string, unknown> }[] = await db.query(
      `SELECT user_id, details FROM audit_event WHERE action = 'export.ncmd' AND details ->> 'exportId' = $1
        ORDER BY seq`,
      [doc.exportId],
    );
    expect(events.map((e) => e.user_id)).toEqual([f.admin.user.id, f.admin.user.id]);
    expect(events[0].details).toMatchObject({ mode: 'deidentified', part: 1, caseIds: [complete] });
    expect(events[1].details).toMatchObject({
      complete: true,
      mode: 'deidentified',
      format: 'json',
      cdopId: f.cdop.id,
      caseCount: 1,
      rejectedCaseIds: [noCategory],
    });
  });
});
