import type { NestExpressApplication } from '@nestjs/platform-express';
import { ALL_ROLES } from '../../src/identity/permissions';
import { ROLE_LABELS } from '../../src/web/shell/roles';
import { createOrganisation } from '../support/auth';
import { BrowserHarness, checkPage, startBrowser, textOf } from '../support/browser';
import { createTestApp } from '../support/test-app';

describe('signing in as each role through the pages', () => {
  let app: NestExpressApplication;
  let web: BrowserHarness;
  let organisationIds: string[];

  beforeAll(async () => {
    app = await createTestApp();
    web = await startBrowser(app);
    const la = await createOrganisation(app, { type: 'local-authority' });
    organisationIds = [la.id];
  });

  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it.each(ALL_ROLES)('a %s lands on their own "My work" queue', async (role) => {
    const page = await web.newPage();
    await web.signInAs(page, role, { organisationIds });
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await textOf(page, 'h1')).toBe('My work');
    expect(await textOf(page, `section[data-role="${role}"] h2`)).toBe(ROLE_LABELS[role]);
    expect(await page.$$eval('section[data-role]', (s) => s.length)).toBe(1);
    expect(await textOf(page, '.app-protective-marking')).toBe('OFFICIAL-SENSITIVE');
    await checkPage(page, `my-work-${role}`);
    await page.browserContext().close();
  });
});
