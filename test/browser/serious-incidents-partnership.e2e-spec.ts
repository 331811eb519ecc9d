import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Page } from 'puppeteer-core';
import { addDays, londonDateOf } from '../../src/calendar/iso-date';
import { api, createPartnership, neglectDeath, Partnership } from '../serious-incidents.fixtures';
import { BrowserHarness, checkPage, clickAndWait, startBrowser, textOf } from '../support/browser';
import { createTestApp } from '../support/test-app';

async function typeDate(page: Page, name: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  for (const [part, value] of [
    ['day', String(Number(day))],
    ['month', String(Number(month))],
    ['year', year],
  ]) {
    await page.$eval(`#${name}-${part}`, (el) => ((el as unknown as { value: string }).value = ''));
    await page.type(`#${name}-${part}`, value);
  }
}

const submit = (page: Page) =>
  clickAndWait(page, 'main form button.govuk-button:not(.govuk-button--secondary)');

describe('a partnership manager’s journey through the pages', () => {
  let app: NestExpressApplication;
  let web: BrowserHarness;
  let p: Partnership;
  let casePath: string;
  const today = londonDateOf(new Date());
  const aware = addDays(today, -6);

  beforeAll(async () => {
    app = await createTestApp();
    web = await startBrowser(app);
    p = await createPartnership(app);
    const { body } = await api(app, p.notifier)
      .post('/api/serious-incidents', neglectDeath(p.la.id, aware))
      .expect(201);
    await api(app, p.dcs).post(`/api/serious-incidents/${body.id}/sign-off`).expect(200);
    await api(app, p.notifier)
      .post(`/api/serious-incidents/${body.id}/submit`, { submittedOn: addDays(aware, 1) })
      .expect(200);
    casePath = `/serious-incidents/${body.id}`;
  });

  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it('runs the rapid review, the LCSPR decision and publication plan, and tracks the actions', async () => {
    const page = await web.newPage();
    await web.signInAs(page, 'partnership-manager', {
      organisationIds: [p.partnership.id],
      name: 'Pat Manager',
    });
    expect(await textOf(page, 'main')).toContain('rapid reviews due with the Panel');
    await checkPage(page, 'si-partnership-my-work');

    await web.visit(page, casePath);
    await clickAndWait(page, `a[href="${casePath}/rapid-review"]`);
    await checkPage(page, 'si-partnership-rapid-review');
    await page.type('#facts', 'Ava, 8 months, died at home; the post-mortem is awaited.');
    await page.type(
      '#agencyInvolvement',
      'Health visiting: two missed contacts\nChildren’s social care: child in need plan',
    );
    await page.type('#immediateSafetyActions', 'Strategy discussion for the sibling: Children’s social care');
    await page.type('#learning', 'Escalating missed contacts for children on plans.');
    await page.click('input[name="lcsprRecommended"][value="yes"]');
    await page.click('input[name="lcsprCriteria"][value="multi-agency-concerns"]');
    await page.type('#lcsprRationale', 'Agencies did not share what they knew.');
    await page.click('input[name="nationalReviewMayBeAppropriate"][value="no"]');
    await typeDate(page, 'familyInformedOn', addDays(aware, 2));
    await page.type('#familyInformedHow', 'Home visit by the social worker');
    await submit(page);
    expect(await textOf(page, '[data-rapid-review-missing]')).toContain(
      'sign-off from the local authority is missing',
    );

    for (const [partner, name] of [
      ['local-authority', 'Lee Lead'],
      ['icb', 'Ida Health'],
      ['police', 'DCI Rowe'],
    ]) {
      await clickAndWait(page, `a[href="${casePath}/rapid-review/sign-off"]`);
      await page.click(`input[name="partner"][value="${partner}"]`);
      await page.type('#agreedByName', name);
      await submit(page);
    }
    await checkPage(page, 'si-partnership-rapid-review-signed');
    await clickAndWait(page, '#rapid-review form button');
    expect(await textOf(page, '.govuk-notification-banner')).toContain('sent to the Panel');
    expect(await textOf(page, '#case-clocks')).toContain('Send the rapid review to the Panel');

    await clickAndWait(page, `a[href="${casePath}/lcspr"]`);
    await checkPage(page, 'si-partnership-lcspr-decision');
    await submit(page);
    expect(await textOf(page, '.govuk-error-summary')).toContain('Select the decision');
    await page.click('input[name="decision"][value="lcspr"]');
    await typeDate(page, 'decidedOn', today);
    await page.click('input[name="criteria"][value="multi-agency-concerns"]');
    await page.type('#rationale', 'Learning about agencies working together.');
    await submit(page);
    expect(await textOf(page, '#lcspr')).toContain('Tell the Panel, Ofsted and the DfE');

    await clickAndWait(page, `a[href="${casePath}/lcspr/publication"]`);
    await typeDate(page, 'plannedPublicationDate', addDays(today, 150));
    await page.click('input[name="publishFullReport"][value="yes"]');
    await submit(page);
    expect(await textOf(page, '#case-clocks')).toContain('Send the full LCSPR');
    await checkPage(page, 'si-partnership-case-lcspr');

    const incidentId = casePath.split('/').pop();
    await api(app, p.manager)
      .post('/api/recommendations', {
        sourceType: 'lcspr',
        sourceId: incidentId,
        text: 'Partners share missed-contact concerns within two working days.',
        themes: ['neglect'],
        madeOn: today,
        actions: [
          { description: 'Escalation protocol', ownerAgency: 'ICB', dueDate: addDays(today, -1), rag: 'red' },
          {
            description: 'Training for health visitors',
            ownerAgency: 'Health visiting',
            dueDate: addDays(today, 60),
          },
        ],
      })
      .expect(201);
    await clickAndWait(page, 'a.govuk-service-navigation__link[href="/recommendations"]');
    expect(await textOf(page, 'main')).toContain('Escalation protocol');
    await checkPage(page, 'si-partnership-recommendations');
    await page.select('#status', 'overdue');
    await clickAndWait(page, 'main form button');
    const shown = await page.$$eval('main tbody tr', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('Escalation protocol');
    await checkPage(page, 'si-partnership-recommendations-overdue');
  });
});
