import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Page } from 'puppeteer-core';
import { addDays, londonDateOf } from '../../src/calendar/iso-date';
import { createPartnership, Partnership } from '../serious-incidents.fixtures';
import { BrowserHarness, checkPage, clickAndWait, startBrowser, textOf } from '../support/browser';
import { createTestApp } from '../support/test-app';

async function typeDate(page: Page, name: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  await page.type(`#${name}-day`, String(Number(day)));
  await page.type(`#${name}-month`, String(Number(month)));
  await page.type(`#${name}-year`, year);
}

const submit = (page: Page) =>
  clickAndWait(page, 'main form button.govuk-button:not(.govuk-button--secondary)');

describe('a local authority notifier’s journey through the pages', () => {
  let app: NestExpressApplication;
  let web: BrowserHarness;
  let p: Partnership;
  const aware = addDays(londonDateOf(new Date()), -2);

  beforeAll(async () => {
    app = await createTestApp();
    web = await startBrowser(app);
    p = await createPartnership(app);
  });

  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it('starts a notification, completes the child, has it signed off and records the submission', async () => {
    const notifier = await web.newPage();
    await web.signInAs(notifier, 'la-notifier', { organisationIds: [p.la.id], name: 'Nina Notifier' });
    await web.visit(notifier, '/serious-incidents');
    expect(await textOf(notifier, 'h1')).toBe('Serious incidents');
    await checkPage(notifier, 'si-notifier-list');

    await clickAndWait(notifier, 'a[href="/serious-incidents/new"]');
    await checkPage(notifier, 'si-notifier-new');
    await submit(notifier);
    expect(await textOf(notifier, '.govuk-error-summary')).toContain(
      'Enter the date the local authority became aware',
    );
    await checkPage(notifier, 'si-notifier-new-errors');

    await typeDate(notifier, 'becameAwareOn', aware);
    await notifier.click('input[name="type"][value="death"]');
    await notifier.click('input[name="abuseOrNeglect"][value="suspected"]');
    await notifier.click('input[name="location"][value="in-area"]');
    await notifier.type(
      '#summary',
      'Toddler found unresponsive at home; concerns about supervision and neglect.',
    );
    await notifier.click('input[name="widerRisk"][value="yes"]');
    await notifier.type('#widerRiskDetails', 'An older sibling lives at the address.');
    await notifier.click('input[name="identityKnown"][value="no"]');
    await notifier.type('#ageYears', '2');
    await notifier.click('input[name="legalStatus"][value="child-in-need"]');
    await submit(notifier);

    expect(await textOf(notifier, '.govuk-notification-banner')).toContain(
      'The draft notification has been saved',
    );
    expect(await textOf(notifier, 'h1')).toMatch(/^SI-\d{4}-\d{4}/);
    expect(await textOf(notifier, '[data-route-reason]')).toContain('the section 16C(1) criteria are met');
    expect(await textOf(notifier, '#children')).toContain('Identity not yet known');
    await checkPage(notifier, 'si-notifier-case-draft');
    const casePath = new URL(notifier.url()).pathname;

    await clickAndWait(notifier, '#children a[href*="/children/"]');
    await checkPage(notifier, 'si-notifier-child');
    await notifier.click('input[name="identityKnown"][value="yes"]');
    await notifier.type('#givenName', 'Ruby');
    await notifier.type('#familyName', 'Lane');
    await submit(notifier);
    expect(await textOf(notifier, '#children')).toContain('Ruby Lane');

    const dcs = await web.newPage();
    await web.signInAs(dcs, 'dcs', { organisationIds: [p.la.id], name: 'Dana Director' });
    await web.visit(dcs, casePath);
    await checkPage(dcs, 'si-dcs-case-to-sign-off');
    await clickAndWait(dcs, '#notification form button');
    expect(await textOf(dcs, '.govuk-notification-banner')).toContain('signed off');
    expect(await textOf(dcs, '#notification')).toContain('Signed off by Dana Director');

    await web.visit(notifier, casePath);
    await clickAndWait(notifier, `a[href="${casePath}/submit"]`);
    await checkPage(notifier, 'si-notifier-submit');
    await typeDate(notifier, 'submittedOn', londonDateOf(new Date()));
    await notifier.type('#nationalReference', 'CSIN-2026-77');
    await submit(notifier);
    expect(await textOf(notifier, '.govuk-notification-banner')).toContain('submitted to the Panel');
    expect(await textOf(notifier, '#case-clocks')).toContain('Met');
    await checkPage(notifier, 'si-notifier-case-submitted');

    await clickAndWait(notifier, `a[href="${casePath}/national-notification"]`);
    expect(await textOf(notifier, 'main')).toContain('Ruby');
    await checkPage(notifier, 'si-notifier-national-notification');
  });
});
