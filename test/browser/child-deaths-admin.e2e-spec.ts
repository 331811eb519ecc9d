import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Page } from 'puppeteer-core';
import { addDays } from '../../src/calendar/iso-date';
import { TimeSource } from '../../src/calendar/time-source';
import { createFootprint, Footprint, testFamilyName, testNhsNumber } from '../child-deaths.fixtures';
import { BrowserHarness, checkPage, clickAndWait, startBrowser, textOf } from '../support/browser';
import { createTestApp } from '../support/test-app';

/** Clicks the radio or checkbox whose label starts with this text. */
async function choose(page: Page, label: string): Promise<void> {
  const id = await page.$$eval(
    'label.govuk-radios__label, label.govuk-checkboxes__label',
    (labels, text) =>
      labels.find((l) => (l.textContent ?? '').trim().startsWith(text as string))?.getAttribute('for'),
    label,
  );
  if (!id) throw new Error(`no option labelled ${label}`);
  await page.click(`#${id}`);
}

async function typeDate(page: Page, id: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  await page.type(`#${id}-day`, String(Number(day)));
  await page.type(`#${id}-month`, String(Number(month)));
  await page.type(`#${id}-year`, year);
}

async function submit(page: Page): Promise<void> {
  await clickAndWait(page, 'main form button.govuk-button:not(.govuk-button--secondary)');
}

/**
 * The CDOP administrator's main journey in the pages: notify a death, triage it, the designated
 * doctor's decision, reports from agencies (one through its link), the review meeting, the analysis,
 * and the panel meeting that agrees it. Every page is screenshotted and checked with axe.
 */
describe('a CDOP administrator taking a child death through the pages', () => {
  let app: NestExpressApplication;
  let web: BrowserHarness;
  let f: Footprint;
  let page: Page;
  let caseUrl = '';
  const familyName = testFamilyName();
  let today = '';

  beforeAll(async () => {
    app = await createTestApp();
    today = app.get(TimeSource).today();
    f = await createFootprint(app);
    web = await startBrowser(app);
    page = await web.newPage();
    await web.signInAs(page, 'cdop-admin', { organisationIds: [f.cdop.id], name: 'Ada Admin' });
  });

  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it('shows the child death work on My work', async () => {
    await web.visit(page, '/');
    expect(await textOf(page, 'section[data-role="cdop-admin"]')).toContain('new notifications to triage');
    await checkPage(page, 'cdr-my-work');
  });

  it('notifies a death: the form names a wrong NHS number, then check your answers and the confirmation', async () => {
    await web.visit(page, '/child-deaths');
    await checkPage(page, 'cdr-case-list-empty-or-not');
    await clickAndWait(page, 'main a[href="/child-deaths/notify"]');
    await checkPage(page, 'cdr-notify-form');

    await page.type('#givenName', 'Olivia');
    await page.type('#familyName', familyName);
    await typeDate(page, 'dateOfBirth', addDays(today, -92));
    await choose(page, 'Female');
    await page.type('#nhsNumber', '9990001234');
    await typeDate(page, 'dateOfDeath', addDays(today, -1));
    await page.type('#timeOfDeath', '06:10');
    await choose(page, 'Home');
    await page.click('#expected-2');
    await choose(page, 'The death was sudden');
    await page.click('#postMortemRequired');
    await page.click('#lookedAfter-2');
    await page.select('#cdopId', f.cdop.id);
    await page.select('#residentLocalAuthorityId', f.la.id);
    await page.type('#notifierRole', 'CDOP administrator');
    await page.type('#notifierOrganisation', 'Northshire CDOP');
    await page.type(
      '#professionals',
      'Dr Hal Hospital, Consultant paediatrician, Northshire Hospitals, hal@nhs.example\nLucy Hart, Health visitor, Northshire Community Health, lucy@nhs.example',
    );
    await submit(page);
    expect(await textOf(page, '.govuk-error-summary')).toContain(
      'NHS number must be 10 digits with a valid check digit',
    );
    expect(await page.$eval('#familyName', (el) => (el as unknown as { value: string }).value)).toBe(
      familyName,
    );
    await checkPage(page, 'cdr-notify-error');

    await page.$eval('#nhsNumber', (el) => ((el as unknown as { value: string }).value = ''));
    await page.type('#nhsNumber', testNhsNumber());
    await submit(page);
    expect(await textOf(page, 'h1')).toBe('Check the notification before sending it');
    await checkPage(page, 'cdr-notify-check');
    await submit(page);
    expect(await textOf(page, '.govuk-panel__title')).toBe('Child death notified');
    expect(await textOf(page, '.govuk-panel__body')).toMatch(/CDR-\d{4}-\d{4}/);
    await checkPage(page, 'cdr-notify-confirmation');
    await clickAndWait(page, 'main a[href^="/child-deaths/"]:not([href="/child-deaths/notify"])');
    caseUrl = new URL(page.url()).pathname;
    expect(caseUrl).toMatch(/^\/child-deaths\/[0-9a-f-]{36}$/);
    expect(await textOf(page, '#jar')).toContain('joint agency response is required');
    await checkPage(page, 'cdr-case-notified');
  });

  it('lets the designated doctor confirm the joint agency response', async () => {
    const doctorPage = await web.newPage();
    await web.signInAs(doctorPage, 'designated-doctor', { organisationIds: [f.cdop.id], name: 'Dr Dee' });
    await web.visit(doctorPage, '/');
    expect(await textOf(doctorPage, 'section[data-role="designated-doctor"]')).toContain(
      'joint agency response decisions to confirm',
    );
    await web.visit(doctorPage, `${caseUrl}/jar-decision`);
    await checkPage(doctorPage, 'cdr-jar-decision');
    await choose(doctorPage, 'Yes');
    await submit(doctorPage);
    expect(await textOf(doctorPage, '.govuk-notification-banner')).toContain('decision has been recorded');
    await checkPage(doctorPage, 'cdr-case-jar-decided');
    await doctorPage.browserContext().close();
  });

  it('asks two agencies for reports; one returns it through its single-use link', async () => {
    await web.visit(page, caseUrl);
    await clickAndWait(page, `main a[href="${caseUrl}/reporting-requests/new"]`);
    await checkPage(page, 'cdr-request-reports');
    await choose(page, 'Dr Hal Hospital');
    await choose(page, 'Lucy Hart');
    await submit(page);
    expect(await textOf(page, '.govuk-panel__title')).toBe('Reports asked for');
    await checkPage(page, 'cdr-reports-requested');
    const link = await page.$$eval('[data-issued-links] dd', (cells) =>
      cells.map((c) => c.textContent?.trim() ?? '').find((t) => t.includes('/reporting-forms/')),
    );
    expect(link).toBeDefined();

    const agencyPage = await web.newPage();
    // The link is made for PUBLIC_URL; the test server listens elsewhere.
    const url = new URL(link!);
    await web.visit(agencyPage, `${url.pathname}${url.search}`);
    expect(await textOf(agencyPage, 'h1')).toBe('Reporting form');
    await checkPage(agencyPage, 'cdr-reporting-form-by-link');
    await agencyPage.type('#answers-agencyInvolvement', 'Seen at the six-week check.');
    await agencyPage.type('#answers-eventsLeadingToDeath', 'Found unresponsive in the morning.');
    await submit(agencyPage);
    expect(await textOf(agencyPage, '.govuk-panel__title')).toBe('Reporting form returned');
    await checkPage(agencyPage, 'cdr-reporting-form-returned');
    await agencyPage.browserContext().close();

    await web.visit(page, caseUrl);
    expect(await textOf(page, '[data-reporting-requests]')).toMatch(
      /Returned[\s\S]*Sent|Sent[\s\S]*Returned/,
    );
  });

  it('schedules the review meeting (warned about the post-mortem) and records it as held', async () => {
    await web.visit(page, `${caseUrl}/review-meetings/new`);
    expect(await textOf(page, '.govuk-warning-text')).toContain('post-mortem report is not in');
    await checkPage(page, 'cdr-schedule-meeting');
    await typeDate(page, 'meetingOn', addDays(today, 35));
    await page.type('#meetingAt', '09:30');
    await page.type('#location', 'Room 2, Civic Centre');
    await choose(page, 'Dr Hal Hospital');
    await choose(page, 'Lucy Hart');
    await submit(page);
    expect(await textOf(page, '#cdrm')).toContain('post-mortem report is not in');
    await checkPage(page, 'cdr-case-meeting-scheduled');

    await clickAndWait(page, '#cdrm a[href$="/held"]');
    await checkPage(page, 'cdr-meeting-held-form');
    for (const id of ['heldOn-day', 'heldOn-month', 'heldOn-year'])
      await page.$eval(`#${id}`, (el) => ((el as unknown as { value: string }).value = ''));
    await typeDate(page, 'heldOn', today);
    await choose(page, 'Dr Hal Hospital');
    await page.type('#notes', 'Safe sleep discussed.');
    await submit(page);
    expect(await textOf(page, '.govuk-notification-banner')).toContain('recorded as held');
  });

  it('drafts the analysis, sees what is missing, completes it and sends it to the CDOP', async () => {
    await clickAndWait(page, `#analysis a[href="${caseUrl}/analysis"]`);
    await checkPage(page, 'cdr-analysis-form');
    await page.select('#factor-B05-score', '2');
    await page.click('#factor-B05-modifiable');
    await choose(page, 'Yes: modifiable factors');
    await page.select('#primaryCategory', '10');
    await submit(page);
    expect(await textOf(page, '[data-missing]')).toContain('Record the cause of death');
    await checkPage(page, 'cdr-analysis-draft-incomplete');

    await clickAndWait(page, 'main a.govuk-button--secondary');
    await page.type('#causeOfDeath', 'Sudden unexpected death in infancy');
    await page.type('#icd10Codes', 'R95');
    await page.type('#learningPoints', 'Safer sleep advice must be repeated at every contact.');
    await page.type('#action-0-owner', 'Northshire Community Health');
    await page.type('#action-0-description', 'Audit safer sleep advice');
    await typeDate(page, 'action-0-dueDate', addDays(today, 120));
    await page.click('#referredToSafeguarding-2');
    await submit(page);
    expect(await page.$('[data-missing]')).toBeNull();
    await checkPage(page, 'cdr-analysis-draft-complete');
    await clickAndWait(page, 'main form button.govuk-button');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('gone to the CDOP');
  });

  it('arranges a panel meeting, reads the pack and records the analysis as agreed', async () => {
    await clickAndWait(page, 'a.govuk-service-navigation__link[href="/cdop/panel-meetings"]');
    await checkPage(page, 'cdr-panel-meetings');
    await clickAndWait(page, 'main a[href="/cdop/panel-meetings/new"]');
    await typeDate(page, 'meetingOn', today);
    await submit(page);
    expect(await textOf(page, 'main')).toContain('Agenda');
    await checkPage(page, 'cdr-panel-meeting');

    await clickAndWait(page, 'main a[href$="/pack"]');
    expect(await textOf(page, 'main')).toContain('Sudden unexpected death in infancy');
    await checkPage(page, 'cdr-panel-pack');
    await page.goBack({ waitUntil: 'load' });

    const caseId = caseUrl.split('/').pop();
    await page.click(`#outcome-${caseId}`);
    await clickAndWait(page, `#case-${caseId} button.govuk-button`);
    expect(await textOf(page, `#case-${caseId}`)).toContain('Analysis agreed');

    await web.visit(page, caseUrl);
    expect(await textOf(page, '.govuk-tag')).toContain('Reviewed by CDOP');
    expect(await textOf(page, '#case-clocks')).toContain('CDR-NCMD-SUBMIT');
    await checkPage(page, 'cdr-case-reviewed');
  });
});
