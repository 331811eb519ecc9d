import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrganisationsService } from '../../src/identity/organisations.service';
import { BrowserHarness, checkPage, clickAndWait, startBrowser, textOf } from '../support/browser';
import { createTestApp } from '../support/test-app';

describe('pages with JavaScript off, and the JavaScript timeout warning', () => {
  let app: NestExpressApplication;
  let web: BrowserHarness;

  beforeAll(async () => {
    app = await createTestApp();
    web = await startBrowser(app);
  });

  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it('signs in (setting up the second factor) and submits a form with JavaScript off', async () => {
    const page = await web.newPage({ javaScript: false });
    await web.signInAs(page, 'system-admin');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.$eval('body', (b) => b.className)).not.toContain('js-enabled');
    await checkPage(page, 'no-js-my-work');

    await web.visit(page, '/admin/organisations/new');
    await clickAndWait(page, 'main form button.govuk-button');
    expect(await textOf(page, '.govuk-error-summary')).toContain('Enter the organisation’s name');
    await checkPage(page, 'no-js-form-errors');

    const name = `No-script council ${randomUUID().slice(0, 6)}`;
    await page.type('#name', name);
    await page.click('#type-2');
    await clickAndWait(page, 'main form button.govuk-button');
    expect(await textOf(page, '.govuk-panel__title')).toBe('Organisation added');
    expect((await app.get(OrganisationsService).list()).some((o) => o.name === name)).toBe(true);
    await checkPage(page, 'no-js-form-submitted');
    await page.browserContext().close();
  });

  it('without JavaScript, an idle session simply ends and the next page says so', async () => {
    const page = await web.newPage({ javaScript: false });
    const person = await web.signInAs(page, 'la-notifier');
    await app
      .get(DataSource)
      .query(`UPDATE web_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [
        person.user.id,
      ]);
    await clickAndWait(page, 'a.govuk-service-navigation__link[href="/account"]');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await textOf(page, '.govuk-notification-banner')).toContain(
      'You were signed out because you had not used the service for 30 minutes',
    );
    await checkPage(page, 'no-js-timed-out');
    await page.browserContext().close();
  });

  it('renders the API documentation under its own policy without a single CSP violation', async () => {
    const page = await web.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await web.visit(page, '/api/docs/');
    await page.waitForSelector('.swagger-ui .opblock', { timeout: 15_000 });
    expect(violations).toEqual([]);
    await page.browserContext().close();
  });

  it('with JavaScript, warns before the session ends and keeps it when asked', async () => {
    const page = await web.newPage();
    // Shorten every long timer 1000-fold so the warning (due 28 minutes in) opens within seconds.
    await page.evaluateOnNewDocument(() => {
      const original = globalThis.setTimeout;
      (globalThis as { setTimeout: unknown }).setTimeout = (fn: () => void, ms = 0) =>
        original(fn, ms > 5000 ? ms / 1000 : ms);
    });
    await web.signInAs(page, 'designated-doctor');
    expect(await page.$eval('body', (b) => b.className)).toContain('js-enabled');
    await page.waitForSelector('#timeout-warning[open]', { visible: true, timeout: 10_000 });
    expect(await textOf(page, '#timeout-warning h2')).toBe('You’re about to be signed out');
    expect(await textOf(page, '#timeout-warning')).toContain('we will sign you out in 2 minutes');
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement
            .id,
      ),
    ).toBe('timeout-warning-heading');
    await checkPage(page, 'timeout-warning');

    const keepAlive = page.waitForResponse((r) => r.url().endsWith('/session/keep-alive'));
    await page.click('#timeout-warning [data-keep-alive]');
    expect((await keepAlive).status()).toBe(204);
    await page.waitForSelector('#timeout-warning:not([open])', { timeout: 5_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    await page.browserContext().close();
  });
});
