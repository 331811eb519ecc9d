/**
 * The browser test harness shared by every issue that adds pages: the real app listening on a free
 * port, Debian's Chromium driven by puppeteer-core, sign-in through the real sign-in pages, screenshots
 * into artefacts/screenshots/, and an axe-core WCAG 2.2 AA check that fails on any violation.
 *
 *   const web = await startBrowser(app);
 *   const page = await web.newPage();                       // or web.newPage({ javaScript: false })
 *   await web.signInAs(page, 'cdop-admin', { organisationIds: [cdop.id] });
 *   await web.visit(page, '/admin/users');
 *   await checkPage(page, 'admin-users');                   // axe + screenshot + no CSP errors
 *   await web.close();
 *
 * Supertest helpers for page forms are at the end (csrfToken, signInWithForm).
 */
import type { INestApplication } from '@nestjs/common';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { authenticator } from 'otplib';
import puppeteer, { Browser, HTTPResponse, Page } from 'puppeteer-core';
import type { Agent } from 'supertest';
import type { Role } from '../../src/identity/permissions';
import { signIn, SignedIn } from './auth';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../artefacts/screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface PageOptions {
  javaScript?: boolean;
}

export interface SignInOptions {
  organisationIds?: string[];
  name?: string;
  /** Extra roles beside the first. */
  roles?: Role[];
}

/** Someone signed in through the pages; `totpSecret` is set once they have a second factor. */
export interface WebPerson extends SignedIn {
  totpSecret?: string;
}

export interface BrowserHarness {
  baseUrl: string;
  browser: Browser;
  newPage(options?: PageOptions): Promise<Page>;
  visit(page: Page, pathAndQuery: string): Promise<HTTPResponse>;
  /** Creates a user with this role and signs them in through /sign-in (setting up TOTP if the role needs it). */
  signInAs(page: Page, role: Role, options?: SignInOptions): Promise<WebPerson>;
  /** Signs an existing person in through the pages, entering a security code if asked for one. */
  signInWithPassword(page: Page, person: WebPerson, password?: string): Promise<void>;
  close(): Promise<void>;
}

function chromiumPath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

/** Starts `app` on a free loopback port and launches headless Chromium against it. */
export async function startBrowser(app: INestApplication): Promise<BrowserHarness> {
  const server = await app.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'cdr-portal-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    userDataDir,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });

  const harness: BrowserHarness = {
    baseUrl,
    browser,
    async newPage(options: PageOptions = {}) {
      // Each page gets its own cookie jar, so two people can be signed in at once.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.setJavaScriptEnabled(options.javaScript ?? true);
      watchForPageErrors(page);
      return page;
    },
    async visit(page, pathAndQuery) {
      const response = await page.goto(`${baseUrl}${pathAndQuery}`, { waitUntil: 'load' });
      if (!response) throw new Error(`no response for ${pathAndQuery}`);
      return response;
    },
    async signInAs(page, role, options = {}) {
      const person: WebPerson = await signIn(app, {
        roles: [role, ...(options.roles ?? [])],
        organisationIds: options.organisationIds ?? [],
        name: options.name,
      });
      await harness.signInWithPassword(page, person);
      return person;
    },
    async signInWithPassword(page, person, password = person.password) {
      await harness.visit(page, '/sign-in');
      await fillAndSubmit(page, { '#email': person.user.email, '#password': password });
      if (page.url().endsWith('/account/two-factor')) {
        // The key sits in a closed <details>, which innerText does not see.
        const key = await page.$eval('[data-totp-key]', (el) => el.textContent ?? '');
        const secret = key.replace(/\s/g, '');
        person.totpSecret = secret;
        await fillAndSubmit(page, { '#code': authenticator.generate(secret) });
        await fillAndSubmit(page, { '#email': person.user.email, '#password': password });
      }
      if (page.url().endsWith('/sign-in/security-code')) {
        if (!person.totpSecret)
          throw new Error(`${person.user.email} was asked for a code but has no TOTP secret`);
        await fillAndSubmit(page, { '#code': nextTotp(person.totpSecret) });
      }
      if (new URL(page.url()).pathname.startsWith('/sign-in')) {
        throw new Error(`sign-in failed for ${person.user.email}: ${await textOf(page, 'main')}`);
      }
    },
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/**
 * A code for the next 30-second step: the one just used to confirm enrolment cannot be replayed, and
 * the server accepts one step either side of now.
 */
export function nextTotp(secret: string): string {
  return authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
}

/** Types into each field (clearing it first) and presses the form's submit button, waiting for the next page. */
export async function fillAndSubmit(
  page: Page,
  fields: Record<string, string>,
  button?: string,
): Promise<void> {
  let form = '';
  for (const [selector, value] of Object.entries(fields)) {
    await page.$eval(selector, (el) => ((el as unknown as { value: string }).value = ''));
    await page.type(selector, value);
    form = selector;
  }
  const submit = button ?? `form:has(${form}) button[type=submit], form:has(${form}) button:not([type])`;
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(submit)]);
}

/** Clicks a link or button and waits for the page it leads to. */
export async function clickAndWait(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el as unknown as { innerText: string }).innerText.trim());
}

const pageErrors = new WeakMap<Page, string[]>();

/**
 * Console errors (Content-Security-Policy violations among them) and assets that fail to load make the
 * next checkPage fail. A page answering 400 or 404 itself is not one: that is often what a test expects.
 */
function watchForPageErrors(page: Page): void {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('response', (response) => {
    const request = response.request();
    if (
      response.status() >= 400 &&
      request.resourceType() !== 'document' &&
      request.resourceType() !== 'fetch'
    ) {
      errors.push(`${response.status()} for ${request.url()}`);
    }
  });
  page.on('requestfailed', (request) => errors.push(`${request.failure()?.errorText} for ${request.url()}`));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on the page as it is now and throws, listing
 * every violation, if there is any. axe is evaluated through DevTools rather than a script tag, so the
 * page keeps its real Content-Security-Policy; on a page loaded with JavaScript off, scripting is
 * switched on just for the check (the page's own scripts have already not run).
 */
export async function checkAccessibility(page: Page): Promise<void> {
  const javaScriptWasOff = !page.isJavaScriptEnabled();
  if (javaScriptWasOff) await page.setJavaScriptEnabled(true);
  try {
    const hasAxe = await page.evaluate(() => 'axe' in globalThis);
    if (!hasAxe) await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async (tags: string[]) => {
      const page = globalThis as unknown as {
        document: unknown;
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> };
      };
      const result = await page.axe.run(page.document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations;
    }, WCAG_TAGS);
    if (violations.length) {
      throw new Error(
        `axe found accessibility problems on ${page.url()}:\n${describe(violations as AxeViolation[])}`,
      );
    }
  } finally {
    if (javaScriptWasOff) await page.setJavaScriptEnabled(false);
  }
}

function describe(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map(
        (n) => `    at ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
      );
      return `  - ${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/** After every page a test visits: no accessibility violations, no script or CSP errors, a screenshot. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await checkAccessibility(page);
  const errors = pageErrors.get(page) ?? [];
  const found = errors.splice(0, errors.length);
  if (found.length) throw new Error(`errors in the browser on ${page.url()}:\n  ${found.join('\n  ')}`);
}

/** The CSRF token of the first form on a page fetched with supertest. */
export function csrfToken(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}

/**
 * Signs in through the sign-in form with a supertest agent (which keeps the cookies). The user's roles
 * must not need a second factor: start the app with MFA_REQUIRED_ROLES: '' for that.
 */
export async function signInWithForm(agent: Agent, person: SignedIn): Promise<void> {
  const page = await agent.get('/sign-in').expect(200);
  await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: csrfToken(page.text), email: person.user.email, password: person.password, returnTo: '/' })
    .expect(303)
    .expect('Location', '/');
}
