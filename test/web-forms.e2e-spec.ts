import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { authenticator } from 'otplib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UsersService } from '../src/identity/users.service';
import { createOrganisation, signIn, SignedIn } from './support/auth';
import { csrfToken, nextTotp, signInWithForm } from './support/browser';
import { createTestApp } from './support/test-app';

type Agent = ReturnType<typeof request.agent>;

/** GETs a page and posts its form with these answers (and the page's CSRF token). */
async function submit(agent: Agent, path: string, answers: Record<string, unknown>, action = path) {
  const page = await agent.get(path).expect(200);
  return agent
    .post(action)
    .type('form')
    .send({ _csrf: csrfToken(page.text), ...answers });
}

function errorSummaryLinks(html: string): { href: string; text: string }[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map(([, href, text]) => ({
    href,
    text: text.trim(),
  }));
}

function inputValue(html: string, id: string): string | undefined {
  const tag = new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
  return tag && /value="([^"]*)"/.exec(tag)?.[1];
}

describe('web forms', () => {
  let app: NestExpressApplication;
  let admin: SignedIn;
  let agent: Agent;

  beforeAll(async () => {
    app = await createTestApp({ MFA_REQUIRED_ROLES: 'cdop-admin', LOGIN_LOCKOUT_ATTEMPTS: '3' });
    admin = await signIn(app, { roles: ['system-admin'], organisationIds: [] });
    agent = request.agent(app.getHttpServer());
    await signInWithForm(agent, admin);
  });

  afterAll(() => app.close());

  it('keeps the answers after a validation error and links the error summary to each field', async () => {
    const res = await submit(agent, '/admin/users/new', {
      name: 'Sam Patel',
      email: 'sam.patel@',
      roles: [],
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<title>Error: Invite a user');
    expect(errorSummaryLinks(res.text)).toEqual([
      { href: '#email', text: 'Enter an email address in the correct format, like name@example.gov.uk' },
      { href: '#roles', text: 'Select at least one role' },
    ]);
    expect(res.text).toMatch(/id="email-error"[\s\S]*Enter an email address in the correct format/);
    expect(res.text).toMatch(/id="roles-error"[\s\S]*Select at least one role/);
    expect(inputValue(res.text, 'name')).toBe('Sam Patel');
    expect(inputValue(res.text, 'email')).toBe('sam.patel@');
    expect(res.text).toContain('class="govuk-input govuk-input--error" id="email"');
  });

  it('invites a user through check your answers to a confirmation, and they can sign in', async () => {
    const council = await createOrganisation(app, { type: 'local-authority' });
    const email = `invited-${randomUUID()}@northshire.example`;
    const check = await submit(agent, '/admin/users/new', {
      name: 'Robin Invited',
      email,
      roles: ['la-notifier', 'dcs'],
      organisationIds: council.id,
    });
    expect(check.status).toBe(200);
    expect(check.text).toContain('Check the new user’s details');
    expect(check.text).toContain(email);
    expect(check.text).toContain('Local authority notifier, Director of children’s services');
    expect(check.text).toContain(council.name);
    // The answers travel sealed: the page does not hold them in readable hidden fields.
    const draft = /name="draft" value="([^"]+)"/.exec(check.text)![1];
    expect(draft).not.toContain('Robin');

    const change = /href="(\/admin\/users\/new\?draft=[^"#]+)#name"/.exec(check.text)![1];
    const again = await agent.get(change.replace(/&amp;/g, '&')).expect(200);
    expect(inputValue(again.text, 'name')).toBe('Robin Invited');

    const done = await agent
      .post('/admin/users/new/confirm')
      .type('form')
      .send({ _csrf: csrfToken(check.text), draft })
      .expect(200);
    expect(done.text).toContain('User invited');
    const password = /data-temporary-password>([^<]+)</.exec(done.text)![1];

    const invited = request.agent(app.getHttpServer());
    const created = (await app.get(UsersService).list()).find((u) => u.email === email)!;
    expect(created.roles).toEqual(['la-notifier', 'dcs']);
    expect(created.organisationIds).toEqual([council.id]);
    await signInWithForm(invited, {
      password,
      token: '',
      auth: { Authorization: '' },
      user: { ...created, roles: created.roles },
    });
    const home = await invited.get('/').expect(200);
    expect(home.text).toContain('Director of children’s services');
  });

  it('refuses a tampered "check your answers" draft and starts again', async () => {
    const check = await submit(agent, '/admin/users/new', {
      name: 'Tampered',
      email: `t-${randomUUID()}@example.org`,
      roles: 'read-only',
    });
    const draft = /name="draft" value="([^"]+)"/.exec(check.text)![1];
    await agent
      .post('/admin/users/new/confirm')
      .type('form')
      .send({ _csrf: csrfToken(check.text), draft: `x${draft}` })
      .expect(303)
      .expect('Location', '/admin/users/new');
  });

  it('shows the service’s own refusal on the field it concerns', async () => {
    const res = await submit(agent, '/admin/users/new', {
      name: 'Twin',
      email: admin.user.email,
      roles: 'read-only',
    });
    const draft = /name="draft" value="([^"]+)"/.exec(res.text)![1];
    const refused = await agent
      .post('/admin/users/new/confirm')
      .type('form')
      .send({ _csrf: csrfToken(res.text), draft })
      .expect(400);
    expect(errorSummaryLinks(refused.text)).toEqual([
      { href: '#email', text: 'A user with this email address already exists' },
    ]);
  });

  it('lists users filtered, sorted and paged on the server', async () => {
    const tag = randomUUID().slice(0, 8);
    for (const name of ['Ann', 'Cat', 'Bob']) {
      await signIn(app, { roles: ['reviewer'], organisationIds: [], name: `${name} ${tag}` });
    }
    const res = await agent.get(`/admin/users?q=${tag}&sort=name&direction=desc`).expect(200);
    const names = [...res.text.matchAll(new RegExp(`>(\\w+ ${tag})<`, 'g'))].map((m) => m[1]);
    expect(names).toEqual([`Cat ${tag}`, `Bob ${tag}`, `Ann ${tag}`]);
    expect(res.text).toContain('3 users found');
    expect(res.text).toMatch(/aria-sort="descending"[^>]*>\s*<a[^>]*>Name</);
  });

  it('deactivates a user from their page, which signs them out at once', async () => {
    const person = await signIn(app, { roles: ['read-only'], organisationIds: [] });
    const theirs = request.agent(app.getHttpServer());
    await signInWithForm(theirs, person);
    const page = await agent.get(`/admin/users/${person.user.id}`).expect(200);
    const version = /name="version" value="(\d+)"/.exec(page.text)![1];
    await agent
      .post(`/admin/users/${person.user.id}/deactivate`)
      .type('form')
      .send({ _csrf: csrfToken(page.text), version })
      .expect(303);
    expect((await agent.get(`/admin/users/${person.user.id}`)).text).toContain('Deactivated');
    await theirs.get('/').expect(303);
  });

  it('adds an organisation, and a CDOP covering it, with errors on the fields', async () => {
    const councilName = `Northshire ${randomUUID().slice(0, 8)}`;
    await submit(agent, '/admin/organisations/new', { name: councilName, type: 'local-authority' }).then(
      (r) => expect(r.status).toBe(200),
    );
    const missing = await submit(agent, '/admin/organisations/new', {
      name: 'Northshire CDOP',
      type: 'cdop',
    });
    expect(missing.status).toBe(400);
    expect(errorSummaryLinks(missing.text)).toEqual([
      { href: '#coversLocalAuthorityIds', text: 'Select the local authorities it covers' },
    ]);
    const councilId = new RegExp(`value="([0-9a-f-]{36})"[^>]*>\\s*<label[^>]*>\\s*${councilName}`).exec(
      missing.text,
    )![1];
    const added = await submit(agent, '/admin/organisations/new', {
      name: `CDOP for ${councilName}`,
      type: 'cdop',
      coversLocalAuthorityIds: councilId,
    });
    expect(added.status).toBe(200);
    expect(added.text).toContain('Organisation added');
    const list = await agent.get('/admin/organisations').expect(200);
    expect(list.text).toMatch(new RegExp(`CDOP for ${councilName}[\\s\\S]*?<td[^>]*>${councilName}</td>`));
  });

  it('says why sign-in failed, then locks the account after the configured failures', async () => {
    const person = await signIn(app, { roles: ['reviewer'], organisationIds: [] });
    const browser = request.agent(app.getHttpServer());
    const wrong = async () =>
      submit(browser, '/sign-in', {
        email: person.user.email,
        password: 'not the password at all',
        returnTo: '/',
      });
    const first = await wrong();
    expect(first.status).toBe(401);
    expect(errorSummaryLinks(first.text)).toEqual([
      { href: '#email', text: 'The email address, password or security code is not correct' },
    ]);
    expect(inputValue(first.text, 'email')).toBe(person.user.email);
    expect(inputValue(first.text, 'password')).toBeUndefined();
    await wrong();
    const locked = await wrong();
    expect(locked.status).toBe(403);
    expect(locked.text).toContain('You cannot sign in at the moment');
    expect(locked.text).toContain('Try again in 15 minutes, or ask an administrator to unlock it');
    const right = await submit(browser, '/sign-in', { email: person.user.email, password: person.password });
    expect(right.status).toBe(403);
  });

  let enrolled: { person: SignedIn; browser: Agent };

  it('sets up TOTP with a QR code, then asks for the code at sign-in', async () => {
    const person = await signIn(app, { roles: ['cdop-admin'], organisationIds: [] });
    const browser = request.agent(app.getHttpServer());
    enrolled = { person, browser };
    const first = await submit(browser, '/sign-in', { email: person.user.email, password: person.password });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/account/two-factor');
    await browser.get('/').expect(303).expect('Location', '/account/two-factor');

    const setUp = await browser.get('/account/two-factor').expect(200);
    expect(setUp.text).toMatch(/<img class="app-qr-code" src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    const secret = /data-totp-key>([^<]+)</.exec(setUp.text)![1].replace(/\s/g, '');
    const enrolment = /name="enrolment" value="([^"]+)"/.exec(setUp.text)![1];
    const mistyped = await browser
      .post('/account/two-factor')
      .type('form')
      .send({
        _csrf: csrfToken(setUp.text),
        enrolment,
        code: '000000' === authenticator.generate(secret) ? '111111' : '000000',
      })
      .expect(400);
    expect(errorSummaryLinks(mistyped.text)[0].href).toBe('#code');
    expect(mistyped.text).toContain(/data-totp-key>([^<]+)</.exec(setUp.text)![1]);
    await browser
      .post('/account/two-factor')
      .type('form')
      .send({ _csrf: csrfToken(mistyped.text), enrolment, code: authenticator.generate(secret) })
      .expect(303)
      .expect('Location', '/sign-in?notice=two-factor-set-up');

    const again = await submit(browser, '/sign-in', { email: person.user.email, password: person.password });
    expect(again.headers.location).toBe('/sign-in/security-code');
    const badCode = await submit(browser, '/sign-in/security-code', { code: '12345' });
    expect(errorSummaryLinks(badCode.text)).toEqual([
      { href: '#code', text: 'Security code must be 6 digits' },
    ]);
    const signedIn = await submit(browser, '/sign-in/security-code', { code: nextTotp(secret) });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe('/');
    expect((await browser.get('/').expect(200)).text).toContain('CDOP administrator');
  });

  it('lets an administrator reset someone’s two-factor authentication, signing them out', async () => {
    const { person, browser } = enrolled;
    const page = await agent.get(`/admin/users/${person.user.id}`).expect(200);
    expect(page.text).toContain('Reset two-factor authentication');
    await agent
      .post(`/admin/users/${person.user.id}/reset-two-factor`)
      .type('form')
      .send({ _csrf: csrfToken(page.text), version: /name="version" value="(\d+)"/.exec(page.text)![1] })
      .expect(303);
    await browser.get('/').expect(303);
    const again = await submit(request.agent(app.getHttpServer()), '/sign-in', {
      email: person.user.email,
      password: person.password,
    });
    expect(again.headers.location).toBe('/account/two-factor');
  });

  it('changes the password, refusing a weak one on its field', async () => {
    const person = await signIn(app, { roles: ['reviewer'], organisationIds: [] });
    const browser = request.agent(app.getHttpServer());
    await signInWithForm(browser, person);
    const weak = await submit(browser, '/account/password', {
      currentPassword: person.password,
      newPassword: 'password1234',
      confirmPassword: 'password1234',
    });
    expect(weak.status).toBe(400);
    expect(errorSummaryLinks(weak.text)[0]).toMatchObject({
      href: '#newPassword',
      text: expect.stringMatching(/^New password is too common/),
    });
    const mismatch = await submit(browser, '/account/password', {
      currentPassword: person.password,
      newPassword: 'violet lantern orbit',
      confirmPassword: 'violet lantern orbits',
    });
    expect(errorSummaryLinks(mismatch.text)).toEqual([
      { href: '#confirmPassword', text: 'The new passwords do not match' },
    ]);
    const changed = await submit(browser, '/account/password', {
      currentPassword: person.password,
      newPassword: 'violet lantern orbit',
      confirmPassword: 'violet lantern orbit',
    });
    expect(changed.status).toBe(200);
    expect(changed.text).toContain('Password changed');
    await signInWithForm(request.agent(app.getHttpServer()), { ...person, password: 'violet lantern orbit' });
  });

  it('signs out, ending the session', async () => {
    const person = await signIn(app, { roles: ['reviewer'], organisationIds: [] });
    const browser = request.agent(app.getHttpServer());
    await signInWithForm(browser, person);
    const out = await submit(browser, '/', {}, '/sign-out');
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/sign-in?notice=signed-out');
    expect((await browser.get(out.headers.location)).text).toContain('You have signed out.');
    await browser.get('/').expect(303);
  });

  it('audits each search without recording what was searched for', async () => {
    const res = await submit(agent, '/search', { q: 'Smith 943 476 5919' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="Smith 943 476 5919"');
    const [event]: { details: unknown }[] = await app
      .get(DataSource)
      .query(
        `SELECT details FROM audit_event WHERE action = 'search.run' AND user_id = $1 ORDER BY seq DESC LIMIT 1`,
        [admin.user.id],
      );
    expect(event.details).toMatchObject({ resultCount: 0 });
    expect(JSON.stringify(event.details)).not.toMatch(/Smith|943/);
  });

  it('searches the audit trail by action and date, with date errors linked to the day box', async () => {
    const today = new Date().toISOString().slice(0, 10).split('-');
    const found = await agent
      .get(
        `/admin/audit?run=1&userId=${admin.user.id}&action=auth.login&from-day=${today[2]}&from-month=${today[1]}&from-year=${today[0]}`,
      )
      .expect(200);
    expect(found.text).toContain('<code>auth.login</code>');
    const bad = await agent.get('/admin/audit?run=1&from-day=31&from-month=2&from-year=2026').expect(400);
    expect(errorSummaryLinks(bad.text)).toEqual([{ href: '#from-day', text: 'From must be a real date' }]);
  });
});
