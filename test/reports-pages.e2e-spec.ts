import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Page } from 'puppeteer-core';
import request from 'supertest';
import { pdfText } from '../src/reports/pdf/pdf-inspect';
import { api, createFootprint, Footprint, sudiNotification } from './child-deaths.fixtures';
import { flat } from './reports.fixtures';
import { signIn } from './support/auth';
import {
  BrowserHarness,
  checkPage,
  clickAndWait,
  signInWithForm,
  startBrowser,
  textOf,
} from './support/browser';
import { createTestApp } from './support/test-app';

jest.setTimeout(180_000);

describe('the reports page', () => {
  let app: NestExpressApplication;
  let web: BrowserHarness;
  let f: Footprint;
  let page: Page;

  beforeAll(async () => {
    app = await createTestApp({ MFA_REQUIRED_ROLES: '' });
    f = await createFootprint(app);
    web = await startBrowser(app);
    page = await web.newPage();
    await web.signInAs(page, 'cdop-admin', { organisationIds: [f.cdop.id], name: 'Ada Admin' });
  });

  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it('offers the reports the user’s roles allow, from the navigation', async () => {
    await web.visit(page, '/');
    await clickAndWait(page, 'a.govuk-service-navigation__link[href="/reports"], a[href="/reports"]');
    expect(new URL(page.url()).pathname).toBe('/reports');
    await checkPage(page, 'reports-page');
    const headings = await page.$$eval('main h2', (hs) => hs.map((h) => (h.textContent ?? '').trim()));
    expect(headings).toEqual([
      'CDOP annual report',
      'Deadline compliance',
      'Recommendations and actions tracker',
    ]);
    const cdops = await page.$$eval('#cdop-annual-cdopId option', (os) =>
      os.map((o) => (o.textContent ?? '').trim()),
    );
    expect(cdops).toEqual(['Choose…', expect.stringMatching(/^Test cdop /)]);
  });

  it('says what is missing, next to the field, when a form is sent incomplete', async () => {
    await web.visit(page, '/reports');
    await clickAndWait(page, 'form[action="/reports/deadline-compliance.pdf"] button');
    await checkPage(page, 'reports-page-errors');
    expect(await textOf(page, '.govuk-error-summary')).toContain('Select an organisation');
    expect(await textOf(page, '.govuk-error-summary')).toContain(
      'Enter the first due date, for example 2026-01-01',
    );
    const link = await page.$eval('.govuk-error-summary a', (a) => a.getAttribute('href'));
    expect(link).toBe('#deadline-compliance-organisationId');
  });

  it('downloads the PDF chosen with the session the page was signed in with', async () => {
    const person = await signIn(app, { roles: ['cdop-admin'], organisationIds: [f.cdop.id] });
    const agent = request.agent(app.getHttpServer());
    await signInWithForm(agent, person);
    const res = await agent
      .get(`/reports/cdop-annual.pdf?cdopId=${f.cdop.id}&year=2025&published=true`)
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="cdop-annual-report-published-2025-to-2026.pdf"',
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(flat(pdfText(res.body as Buffer))).toContain('CDOP annual report 2025 to 2026: published version');
    const refused = await agent.get(`/reports/partnership-yearly.pdf?partnershipId=${f.cdop.id}&year=2025`);
    expect(refused.status).toBe(403);
  });

  it('offers the case’s PDFs on its page, and they download with the page’s session', async () => {
    const created = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', sudiNotification(f))
      .expect(201);
    const agent = request.agent(app.getHttpServer());
    await signInWithForm(agent, f.admin);
    const casePage = await agent.get(`/child-deaths/${created.body.caseId}`).expect(200);
    const summaryHref = `/api/child-deaths/${created.body.caseId}/notification-summary.pdf`;
    expect(casePage.text).toContain(`href="${summaryHref}"`);
    expect(casePage.text).not.toContain('/analysis.pdf');
    const pdf = await agent
      .get(summaryHref)
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const reference = (await api(app, f.admin).get(`/api/child-deaths/${created.body.caseId}`)).body
      .reference;
    expect(flat(pdfText(pdf.body as Buffer))).toContain(reference);
  });
});
