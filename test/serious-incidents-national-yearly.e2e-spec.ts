import { randomUUID } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createTestApp } from './support/test-app';
import {
  api,
  clock,
  createPartnership,
  Deadline,
  incidentWithLcspr,
  Partnership,
  setNow,
} from './serious-incidents.fixtures';

describe('national reviews and the yearly report', () => {
  let app: NestExpressApplication;
  let p: Partnership;
  let incidentId: string;

  beforeAll(async () => {
    app = await createTestApp();
    p = await createPartnership(app);
    setNow(app, '2026-02-20T10:00:00Z');
    incidentId = await incidentWithLcspr(app, p, '2026-01-12', '2026-02-04');
  });

  afterAll(async () => {
    await app?.close();
  });

  it("records the Panel's national review with its publication clocks and local actions", async () => {
    await api(app, p.manager)
      .post('/api/national-reviews', {
        kind: 'case',
        title: 'Child A',
        incidentIds: [incidentId, randomUUID()],
        decidedOn: '2026-02-18',
        scope: 'x',
      })
      .expect(400);
    const created = await api(app, p.manager)
      .post('/api/national-reviews', {
        kind: 'thematic',
        title: 'Neglect of infants',
        incidentIds: [incidentId],
        decidedOn: '2026-02-18',
        scope: 'Infants where neglect was a factor, 2025–26.',
        reviewerName: 'Panel reviewer pool: R. Okafor',
      })
      .expect(201);
    expect(created.body.reference).toMatch(/^NR-2026-\d{4}$/);
    // Six months from Wednesday 18 February 2026: 18 August 2026.
    expect(clock(created.body.deadlines, 'SI-NATIONAL-COMPLETE')).toMatchObject({
      dueDate: '2026-08-18',
      status: 'pending',
    });

    setNow(app, '2026-08-10T10:00:00Z');
    const planned = await api(app, p.manager)
      .patch(`/api/national-reviews/${created.body.id}`, {
        version: created.body.version,
        plannedPublicationDate: '2026-08-14',
        sentToSecretaryOfStateOn: '2026-08-05',
      })
      .expect(200);
    // Friday 14 August less 7 working days: Wednesday 5 August.
    expect(clock(planned.body.deadlines, 'SI-NATIONAL-PREPUB')).toMatchObject({
      dueDate: '2026-08-05',
      status: 'met',
    });
    setNow(app, '2026-08-14T10:00:00Z');
    const published = await api(app, p.manager)
      .patch(`/api/national-reviews/${created.body.id}`, {
        version: planned.body.version,
        publishedOn: '2026-08-14',
        publicationUrl: 'https://www.gov.uk/government/publications/neglect-of-infants',
      })
      .expect(200);
    const deadlines: Deadline[] = published.body.deadlines;
    expect(clock(deadlines, 'SI-NATIONAL-COMPLETE')).toMatchObject({ status: 'met' });
    expect(clock(deadlines, 'SI-NATIONAL-AVAILABLE')).toMatchObject({
      dueDate: '2029-08-14',
      status: 'pending',
    });

    const action = await api(app, p.manager)
      .post('/api/recommendations', {
        sourceType: 'national-review',
        sourceId: created.body.id,
        partnershipId: p.partnership.id,
        text: 'Local response to the national neglect review.',
        madeOn: '2026-08-20',
        actions: [
          {
            description: 'Refresh the neglect toolkit',
            ownerAgency: 'Local authority',
            dueDate: '2026-12-01',
          },
        ],
      })
      .expect(201);
    expect(action.body.sourceReference).toBe(created.body.reference);

    const other = await createPartnership(app);
    await api(app, other.manager).get(`/api/national-reviews/${created.body.id}`).expect(404);
    expect((await api(app, p.icbPartner).get('/api/national-reviews').expect(200)).body).toHaveLength(1);
  });

  it("gives the year's figures and runs the yearly report clocks", async () => {
    setNow(app, '2026-10-05T10:00:00Z');
    const data = await api(app, p.manager).get(`/api/yearly-reports/${p.partnership.id}/2025`).expect(200);
    expect(data.body).toMatchObject({
      label: '2025-26',
      record: null,
      data: {
        notifications: { total: 1, byType: { death: 1 }, timeliness: { onTime: 1, late: 0 } },
        // Its rapid review was due 15 working days after the notification and never sent: overdue.
        rapidReviews: { total: 1, byOutcome: { met: 0, 'met-late': 0, overdue: 1, open: 0 } },
        lcsprs: { started: 1, published: 0, inProgress: 1 },
        nationalReviews: 1,
      },
    });

    const started = await api(app, p.manager)
      .put(`/api/yearly-reports/${p.partnership.id}/2025`, {})
      .expect(200);
    // 31 March 2026 plus six months: 30 September 2026, already past on 5 October.
    expect(clock(started.body.deadlines, 'SP-YEARLY-REPORT')).toMatchObject({
      dueDate: '2026-09-30',
      status: 'overdue',
    });
    const published = await api(app, p.manager)
      .put(`/api/yearly-reports/${p.partnership.id}/2025`, {
        version: started.body.record.version,
        publishedOn: '2026-10-02',
        sentOn: '2026-10-05',
      })
      .expect(200);
    expect(clock(published.body.deadlines, 'SP-YEARLY-REPORT')).toMatchObject({ status: 'met-late' });
    expect(clock(published.body.deadlines, 'SP-YEARLY-REPORT-SEND')).toMatchObject({
      dueDate: '2026-10-09',
      status: 'met',
    });

    const outsider = await createPartnership(app);
    await api(app, outsider.manager).get(`/api/yearly-reports/${p.partnership.id}/2025`).expect(404);
    await api(app, p.manager).get(`/api/yearly-reports/${p.partnership.id}/25`).expect(400);
  });
});
