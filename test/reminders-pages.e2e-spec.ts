import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { TimeSource } from '../src/calendar/time-source';
import { DeadlinesService } from '../src/deadlines/deadlines.service';
import { Organisation } from '../src/identity/organisation.entity';
import { ReminderScheduler } from '../src/reminders/reminder.scheduler';
import { createOrganisation } from './support/auth';
import { BrowserHarness, checkPage, clickAndWait, startBrowser, textOf } from './support/browser';
import { freePort } from './support/free-port';
import { createTestApp } from './support/test-app';

/*
 * The mail server here is a port nobody listens on, so every email fails and shows on the failures page,
 * while the inbox works regardless.
 */
describe('reminder pages in a browser', () => {
  let app: NestExpressApplication;
  let web: BrowserHarness;
  let cdop: Organisation;

  beforeAll(async () => {
    app = await createTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(await freePort()) });
    web = await startBrowser(app);
    const area = await createOrganisation(app, { type: 'local-authority' });
    cdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [area.id] });
  });

  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  const startClock = (reference: string, ruleId: 'CDR-DESIGNATED-DR' | 'CDR-CDRM', basis: string) => {
    const caseId = randomUUID();
    return app.get(DeadlinesService).start({
      caseId,
      caseType: 'cdr',
      caseReference: reference,
      casePath: `/child-deaths/${caseId}`,
      organisationIds: [cdop.id],
      ruleId,
      basis: { date: basis },
    });
  };

  it('shows a CDOP administrator their reminders and what is coming, and marks one read', async () => {
    const page: Page = await web.newPage({ javaScript: false });
    await web.signInAs(page, 'cdop-admin', { organisationIds: [cdop.id] });
    jest.spyOn(app.get(TimeSource), 'now').mockReturnValue(new Date('2026-08-05T09:00:00+01:00'));
    const tag = randomUUID().slice(0, 4).toUpperCase();
    await startClock(`CDR-${tag}-1`, 'CDR-DESIGNATED-DR', '2026-08-04');
    await startClock(`CDR-${tag}-2`, 'CDR-CDRM', '2026-08-04');
    await app.get(ReminderScheduler).tick();

    await web.visit(page, '/');
    expect(await textOf(page, 'main')).toMatch(/Inbox\s+1\s+unread reminder/);
    await clickAndWait(page, 'a.govuk-service-navigation__link[href="/inbox"]');
    expect(await textOf(page, 'h1')).toBe('Inbox');
    const reminders = await textOf(page, 'table[aria-labelledby="reminders-heading"]');
    expect(reminders).toContain(`CDR-${tag}-1`);
    expect(reminders).toContain('Due today');
    expect(reminders).toContain('Unread');
    const upcoming = await textOf(page, 'table[aria-labelledby="upcoming-heading"]');
    expect(upcoming).toContain(`CDR-${tag}-2`);
    expect(upcoming).toContain('27 October 2026');
    await checkPage(page, 'reminders-inbox');

    await clickAndWait(page, 'form[action$="/read"] button');
    expect(await textOf(page, 'main p')).toMatch(/^You have 0 unread reminders/);
    expect(await textOf(page, 'table[aria-labelledby="reminders-heading"]')).toContain('Read');
    await checkPage(page, 'reminders-inbox-read');
    jest.restoreAllMocks();
  });

  it('shows a system administrator the reminder emails that could not be delivered', async () => {
    const page = await web.newPage();
    await web.signInAs(page, 'system-admin');
    await web.visit(page, '/admin');
    await clickAndWait(page, 'main a[href="/admin/reminder-failures"]');
    expect(await textOf(page, 'h1')).toBe('Reminder delivery failures');
    const table = await textOf(page, 'main table');
    expect(table).toContain('Retrying');
    expect(table).toMatch(/ECONNREFUSED|connect/i);
    await checkPage(page, 'reminders-delivery-failures');
  });
});
