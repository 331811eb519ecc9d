import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { UsersService } from '../../src/identity/users.service';
import {
  BrowserHarness,
  checkPage,
  clickAndWait,
  fillAndSubmit,
  startBrowser,
  textOf,
  WebPerson,
} from '../support/browser';
import { createTestApp } from '../support/test-app';

/** Clicks the radio or checkbox whose label is exactly this text. */
async function choose(page: Page, label: string): Promise<void> {
  const id = await page.$$eval(
    'label.govuk-radios__label, label.govuk-checkboxes__label',
    (labels, text) => labels.find((l) => (l.textContent ?? '').trim() === text)?.getAttribute('for'),
    label,
  );
  if (!id) throw new Error(`no option labelled ${label}`);
  await page.click(`#${id}`);
}

async function submitForm(page: Page): Promise<void> {
  await clickAndWait(page, 'main form button.govuk-button:not(.govuk-button--secondary)');
}

describe('an administrator walking the admin pages in a browser', () => {
  let app: NestExpressApplication;
  let web: BrowserHarness;
  let page: Page;
  let admin: WebPerson;
  const tag = randomUUID().slice(0, 6);
  const council = `Northshire Council ${tag}`;
  const panel = `Northshire CDOP ${tag}`;
  const invitedEmail = `jo.bloggs.${tag}@northshire.example`;
  let temporaryPassword = '';

  beforeAll(async () => {
    app = await createTestApp();
    web = await startBrowser(app);
    page = await web.newPage();
    // system-admin needs a second factor by default: this sets it up through the enrolment page.
    admin = await web.signInAs(page, 'system-admin');
  });

  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it('reaches every admin section from the Administration page', async () => {
    await clickAndWait(page, 'a.govuk-service-navigation__link[href="/admin"]');
    expect(await textOf(page, 'h1')).toBe('Administration');
    const sections = await page.$$eval('main h2 a', (links) => links.map((a) => a.textContent?.trim()));
    expect(sections).toEqual(
      expect.arrayContaining(['Users', 'Organisations', 'Bank holidays', 'Audit trail']),
    );
    await checkPage(page, 'admin-index');
  });

  it('creates an organisation, then a CDOP covering it', async () => {
    await web.visit(page, '/admin/organisations');
    await checkPage(page, 'admin-organisations-empty-or-list');
    await clickAndWait(page, 'a[href="/admin/organisations/new"]');
    await checkPage(page, 'admin-organisation-new');

    await page.type('#name', council);
    await choose(page, 'Local authority');
    await submitForm(page);
    expect(await textOf(page, '.govuk-panel__title')).toBe('Organisation added');
    expect(await textOf(page, '.govuk-panel__body')).toContain(council);
    await checkPage(page, 'admin-organisation-added');

    await web.visit(page, '/admin/organisations/new');
    await page.type('#name', panel);
    await choose(page, 'Child death overview panel (CDOP)');
    await submitForm(page);
    expect(await textOf(page, '.govuk-error-summary')).toContain('Select the local authorities it covers');
    await checkPage(page, 'admin-organisation-error');
    await choose(page, council);
    await submitForm(page);
    expect(await textOf(page, '.govuk-panel__title')).toBe('Organisation added');

    await web.visit(page, '/admin/organisations');
    const row = await page.$$eval(
      'tbody tr',
      (rows, name) => rows.find((r) => r.textContent?.includes(name as string))?.textContent ?? '',
      panel,
    );
    expect(row).toContain(council);
    await checkPage(page, 'admin-organisations');
  });

  it('invites a user: errors first, then check your answers, then the confirmation', async () => {
    await web.visit(page, '/admin/users');
    await checkPage(page, 'admin-users');
    await clickAndWait(page, 'a[href="/admin/users/new"]');
    await page.type('#name', 'Jo Bloggs');
    await submitForm(page);
    expect(
      await page.$$eval('.govuk-error-summary a', (as) => as.map((a) => a.getAttribute('href'))),
    ).toEqual(['#email', '#roles']);
    expect(await page.$eval('#name', (el) => (el as unknown as { value: string }).value)).toBe('Jo Bloggs');
    await checkPage(page, 'admin-user-invite-errors');

    await page.type('#email', invitedEmail);
    await choose(page, 'CDOP administrator');
    await choose(page, panel);
    await submitForm(page);
    expect(await textOf(page, 'h1')).toBe('Check the new user’s details');
    expect(await textOf(page, '.govuk-summary-list')).toContain(invitedEmail);
    await checkPage(page, 'admin-user-check-answers');

    await submitForm(page);
    expect(await textOf(page, '.govuk-panel__title')).toBe('User invited');
    temporaryPassword = await textOf(page, '[data-temporary-password]');
    expect(temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    await checkPage(page, 'admin-user-invited');
  });

  it('lets the invited person sign in with the temporary password', async () => {
    const created = (await app.get(UsersService).list()).find((u) => u.email === invitedEmail)!;
    const theirPage = await web.newPage();
    const person = { user: created, password: temporaryPassword } as unknown as WebPerson;
    await web.signInWithPassword(theirPage, person);
    expect(await textOf(theirPage, 'section[data-role="cdop-admin"] h2')).toBe('CDOP administrator');
    await checkPage(theirPage, 'invited-user-my-work');
    await theirPage.browserContext().close();
  });

  it('shows a user, and finds the invitation in the audit trail', async () => {
    await web.visit(page, `/admin/users?q=${encodeURIComponent(invitedEmail)}`);
    await clickAndWait(page, 'tbody a.govuk-link');
    expect(await textOf(page, 'h1')).toBe('Jo Bloggs');
    await checkPage(page, 'admin-user');

    await web.visit(page, '/admin/audit');
    await checkPage(page, 'admin-audit');
    await fillAndSubmit(page, { '#action': 'admin.user-create' });
    expect(await textOf(page, 'tbody')).toContain('admin.user-create');
    expect(await textOf(page, 'tbody')).toContain(admin.user.name);
    await checkPage(page, 'admin-audit-results');
  });

  it('adds a bank holiday from the Bank holidays page', async () => {
    // A July weekday late this century: no test counts working days across it.
    const year = 2090 + Math.floor(Math.random() * 10);
    let day = 8 + Math.floor(Math.random() * 14);
    while ([0, 6].includes(new Date(Date.UTC(year, 6, day)).getUTCDay())) day += 1;
    await web.visit(page, '/admin');
    await clickAndWait(page, 'main a[href="/admin/bank-holidays"]');
    await checkPage(page, 'admin-bank-holidays');
    await fillAndSubmit(page, {
      '#date-day': String(day),
      '#date-month': '7',
      '#date-year': String(year),
      '#name': `Jubilee of the portal ${tag}`,
    });
    expect(await textOf(page, '.govuk-panel__title')).toBe('Bank holiday added');
    await checkPage(page, 'admin-bank-holiday-added');
    await web.visit(page, `/admin/bank-holidays?year=${year}`);
    expect(await textOf(page, 'main table')).toContain(`${day} July ${year}`);
  });

  it('has accessible search and account pages', async () => {
    for (const [path, name] of [
      ['/search', 'search'],
      ['/account', 'account'],
      ['/account/password', 'account-password'],
    ]) {
      await web.visit(page, path);
      await checkPage(page, name);
    }
    await web.visit(page, '/search');
    await fillAndSubmit(page, { '#q': 'CDR-NOTHING' });
    expect(await textOf(page, 'main h2')).toBe('0 cases found');
    await checkPage(page, 'search-results');
  });
});
