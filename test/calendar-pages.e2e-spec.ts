import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Page } from 'puppeteer-core';
import {
  BrowserHarness,
  checkPage,
  clickAndWait,
  fillAndSubmit,
  startBrowser,
  textOf,
} from './support/browser';
import { createTestApp } from './support/test-app';

// The holiday added here is in 2095, away from the dates other test files of the run count across.
describe('bank holidays page in a browser', () => {
  let app: NestExpressApplication;
  let web: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    app = await createTestApp();
    web = await startBrowser(app);
    page = await web.newPage({ javaScript: false });
    await web.signInAs(page, 'system-admin');
  });

  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it('lists a year’s bank holidays, reached from the Administration page', async () => {
    await web.visit(page, '/admin');
    await clickAndWait(page, 'main a[href="/admin/bank-holidays"]');
    await web.visit(page, '/admin/bank-holidays?year=2022');
    const year = await textOf(page, 'table[aria-labelledby="year-heading"]');
    expect(year).toContain('19 September 2022');
    expect(year).toContain('State funeral of Queen Elizabeth II');
    expect(year).not.toContain('30 May 2022');
    await checkPage(page, 'calendar-bank-holidays-2022');
  });

  it('explains what is wrong with a change, on the field at fault', async () => {
    await web.visit(page, '/admin/bank-holidays?year=2095');
    await fillAndSubmit(page, {
      '#date-day': '2',
      '#date-month': '5',
      '#date-year': '2095',
      '#name': 'Twice',
    });
    expect(await textOf(page, '.govuk-error-summary')).toContain('2095-05-02 is already a bank holiday');
    expect(await textOf(page, '#date-error')).toContain('already a bank holiday');
    await checkPage(page, 'calendar-bank-holidays-error');

    await fillAndSubmit(page, { '#date-day': '', '#date-month': '', '#date-year': '', '#name': '' });
    const summary = await textOf(page, '.govuk-error-summary');
    expect(summary).toContain('Enter the date of the bank holiday');
    expect(summary).toContain('Enter the name of the bank holiday');
  });

  it('adds a proclaimed holiday, which then shows in its year', async () => {
    await web.visit(page, '/admin/bank-holidays?year=2095');
    await fillAndSubmit(page, {
      '#date-day': '13',
      '#date-month': '6',
      '#date-year': '2095',
      '#name': 'Extra bank holiday for a jubilee',
    });
    expect(await textOf(page, '.govuk-panel__title')).toBe('Bank holiday added');
    expect(await textOf(page, 'main')).toMatch(/The due dates of \d+ running clocks changed/);
    await checkPage(page, 'calendar-bank-holiday-added');
    await clickAndWait(page, 'main a[href="/admin/bank-holidays?year=2095"]');
    expect(await textOf(page, 'table[aria-labelledby="year-heading"]')).toContain(
      'Extra bank holiday for a jubilee',
    );
  });
});
