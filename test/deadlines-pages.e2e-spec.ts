import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Page } from 'puppeteer-core';
import { Organisation } from '../src/identity/organisation.entity';
import { createOrganisation } from './support/auth';
import { BrowserHarness, checkPage, fillAndSubmit, startBrowser, textOf } from './support/browser';
import { createTestApp } from './support/test-app';

describe('local default windows page in a browser', () => {
  let app: NestExpressApplication;
  let web: BrowserHarness;
  let cdop: Organisation;

  beforeAll(async () => {
    app = await createTestApp();
    web = await startBrowser(app);
    const area = await createOrganisation(app, { type: 'local-authority' });
    cdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [area.id] });
  });

  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it('lets a CDOP administrator change a local window, and shows the statutory ones as fixed', async () => {
    const page: Page = await web.newPage({ javaScript: false });
    await web.signInAs(page, 'cdop-admin', { organisationIds: [cdop.id] });
    await web.visit(page, '/admin/clock-defaults');
    expect(new URL(page.url()).pathname).toBe(`/admin/clock-defaults/${cdop.id}`);
    expect(await page.$eval('#amount-CDR-CDRM', (el) => (el as unknown as { value: string }).value)).toBe(
      '84',
    );
    expect(await page.$('#amount-CDR-REGISTRAR')).toBeNull();
    expect(await textOf(page, 'main')).toContain('CDR-REGISTRAR');
    await checkPage(page, 'deadlines-clock-defaults');

    await fillAndSubmit(page, { '#amount-CDR-CDRM': '0' });
    expect(await textOf(page, '.govuk-error-summary')).toContain(
      'Enter CDR-CDRM as a whole number of calendar days from 1 to 1000',
    );
    await checkPage(page, 'deadlines-clock-defaults-error');

    await fillAndSubmit(page, { '#amount-CDR-CDRM': '90' });
    expect(await textOf(page, '.govuk-notification-banner')).toContain('apply to clocks started from now on');
    expect(await page.$eval('#amount-CDR-CDRM', (el) => (el as unknown as { value: string }).value)).toBe(
      '90',
    );
    await checkPage(page, 'deadlines-clock-defaults-saved');
  });

  it('shows a system administrator the windows without letting them change them', async () => {
    const page = await web.newPage();
    await web.signInAs(page, 'system-admin');
    await web.visit(page, `/admin/clock-defaults/${cdop.id}`);
    expect(await page.$('#amount-CDR-CDRM')).toBeNull();
    expect(await textOf(page, 'main')).toContain('90 calendar days');
    await checkPage(page, 'deadlines-clock-defaults-read-only');
  });
});
