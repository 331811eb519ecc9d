import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OrganisationsService } from '../src/identity/organisations.service';
import { signIn, SignedIn } from './support/auth';
import { csrfToken, signInWithForm } from './support/browser';
import { createTestApp } from './support/test-app';

function directives(header: string | undefined): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('security of the web pages', () => {
  let app: NestExpressApplication;
  let admin: SignedIn;

  beforeAll(async () => {
    app = await createTestApp({ MFA_REQUIRED_ROLES: '' });
    admin = await signIn(app, { roles: ['system-admin'], organisationIds: [] });
  });

  afterAll(() => app.close());

  const server = () => app.getHttpServer();
  const organisationNamed = async (name: string) =>
    (await app.get(OrganisationsService).list()).some((o) => o.name === name);

  it('sends a strict CSP with no inline scripts, clickjacking protection and no caching on pages', async () => {
    const res = await request(server()).get('/sign-in').expect(200);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    // Outside production there is no TLS to insist on.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('puts no inline script on a page: every script is a file from this server', async () => {
    const agent = request.agent(server());
    const pages = [(await request(server()).get('/sign-in').expect(200)).text];
    await signInWithForm(agent, admin);
    for (const path of ['/', '/admin/users/new', '/account/two-factor'])
      pages.push((await agent.get(path).expect(200)).text);
    for (const html of pages) {
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/src="\/assets\//);
        expect(body.trim()).toBe('');
      }
      expect(html).not.toMatch(/\sstyle="/);
    }
  });

  it('serves govuk-frontend and our own assets locally, cached for a year', async () => {
    for (const [path, type] of [
      ['/assets/govuk-frontend.min.css', 'text/css'],
      ['/assets/govuk-frontend.min.js', 'javascript'],
      ['/assets/app/app.js', 'javascript'],
      ['/assets/app/js-enabled.js', 'javascript'],
      ['/assets/app/app.css', 'text/css'],
      ['/assets/rebrand/images/favicon.svg', 'image/svg+xml'],
    ]) {
      const res = await request(server()).get(path).expect(200);
      expect(res.headers['content-type']).toContain(type);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    await request(server()).get('/assets/not-there.css').expect(404);
  });

  it('relaxes the CSP for the API documentation only, and only for styles', async () => {
    const docs = await request(server()).get('/api/docs/').expect(200);
    const csp = directives(docs.headers['content-security-policy']);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    const page = await request(server()).get('/sign-in');
    expect(directives(page.headers['content-security-policy']).get('style-src')).toEqual(["'self'"]);
  });

  it('refuses a form posted without its CSRF token, and nothing is saved', async () => {
    const agent = request.agent(server());
    await signInWithForm(agent, admin);
    const name = `CSRF test council ${randomUUID()}`;
    const refused = await agent
      .post('/admin/organisations/new')
      .type('form')
      .send({ name, type: 'local-authority' })
      .expect(403);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(refused.text).toContain('Your form could not be sent');
    expect(await organisationNamed(name)).toBe(false);

    const form = await agent.get('/admin/organisations/new').expect(200);
    await agent
      .post('/admin/organisations/new')
      .type('form')
      .send({ _csrf: csrfToken(form.text), name, type: 'local-authority' })
      .expect(200);
    expect(await organisationNamed(name)).toBe(true);
  });

  it('refuses a token taken from someone else’s page, and the sign-in form without its token', async () => {
    const alice = request.agent(server());
    await signInWithForm(alice, admin);
    const mallory = request.agent(server());
    const theirs = csrfToken((await mallory.get('/sign-in')).text);
    const name = `Forged council ${randomUUID()}`;
    await alice
      .post('/admin/organisations/new')
      .type('form')
      .send({ _csrf: theirs, name, type: 'local-authority' })
      .expect(403);
    expect(await organisationNamed(name)).toBe(false);

    await request(server())
      .post('/sign-in')
      .type('form')
      .send({ email: admin.user.email, password: admin.password })
      .expect(403);
  });

  it('exempts bearer-token API calls, but not API calls riding on the session cookie', async () => {
    await request(server())
      .post('/api/organisations')
      .set(admin.auth)
      .send({ name: `API council ${randomUUID()}`, type: 'local-authority' })
      .expect(201);

    const agent = request.agent(server());
    await signInWithForm(agent, admin);
    await agent
      .post('/api/organisations')
      .send({ name: `Cookie council ${randomUUID()}`, type: 'local-authority' })
      .expect(403);
    const token = csrfToken((await agent.get('/admin/organisations/new')).text);
    await agent
      .post('/api/organisations')
      .set('X-CSRF-Token', token)
      .send({ name: `Cookie council ${randomUUID()}`, type: 'local-authority' })
      .expect(201);
  });

  it('sends someone who is not signed in to sign in, and back to the page they asked for', async () => {
    const agent = request.agent(server());
    await agent
      .get('/admin/users?status=active')
      .expect(303)
      .expect('Location', '/sign-in?returnTo=%2Fadmin%2Fusers%3Fstatus%3Dactive');
    const page = await agent.get('/sign-in?returnTo=%2Fadmin%2Fusers%3Fstatus%3Dactive').expect(200);
    await agent
      .post('/sign-in')
      .type('form')
      .send({
        _csrf: csrfToken(page.text),
        email: admin.user.email,
        password: admin.password,
        returnTo: /name="returnTo" value="([^"]+)"/.exec(page.text)![1],
      })
      .expect(303)
      .expect('Location', '/admin/users?status=active');
  });

  it('never sends someone to another site after sign-in', async () => {
    const agent = request.agent(server());
    const page = await agent.get('/sign-in?returnTo=https%3A%2F%2Fevil.example%2F').expect(200);
    expect(page.text).toContain('name="returnTo" value="/"');
    await agent
      .post('/sign-in')
      .type('form')
      .send({
        _csrf: csrfToken(page.text),
        email: admin.user.email,
        password: admin.password,
        returnTo: '//evil.example',
      })
      .expect(303)
      .expect('Location', '/');
  });

  it('ends an idle session: the next page returns to sign-in saying why', async () => {
    const person = await signIn(app, { roles: ['la-notifier'], organisationIds: [] });
    const agent = request.agent(server());
    await signInWithForm(agent, person);
    await agent.get('/').expect(200);
    await app
      .get(DataSource)
      .query(`UPDATE web_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [
        person.user.id,
      ]);
    const redirect = await agent.get('/').expect(303);
    expect(redirect.headers.location).toBe('/sign-in?signedOut=true');
    const page = await agent.get(redirect.headers.location).expect(200);
    expect(page.text).toContain('You were signed out because you had not used the service for 30 minutes');
  });

  it('keeps JSON errors for the API even when a browser asks for HTML, and sets no cookies there', async () => {
    const res = await request(server()).get('/api/users').set('Accept', 'text/html').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, correlationId: expect.any(String) });
    expect(res.headers['set-cookie']).toBeUndefined();
    const health = await request(server()).get('/health').expect(200);
    expect(health.headers['set-cookie']).toBeUndefined();
  });

  it('shows GOV.UK error pages for a missing page and a forbidden one', async () => {
    const missing = await request(server()).get('/no-such-page').set('Accept', 'text/html').expect(404);
    expect(missing.text).toContain('Page not found');
    expect(missing.headers['cache-control']).toBe('no-store');

    const notifier = await signIn(app, { roles: ['la-notifier'], organisationIds: [] });
    const agent = request.agent(server());
    await signInWithForm(agent, notifier);
    const forbidden = await agent.get('/admin/users').expect(403);
    expect(forbidden.text).toContain('You do not have permission to do this');
  });
});
