import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SessionService } from '../src/identity/session.service';
import { createOrganisation, signIn, SignedIn } from './support/auth';
import { createTestApp } from './support/test-app';

const INVALID = 'The email address, password or security code is not correct';

describe('identity: sign-in, tokens and accounts', () => {
  let app: NestExpressApplication;
  let admin: SignedIn;
  let laId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp({
      MFA_REQUIRED_ROLES: '',
      LOGIN_LOCKOUT_ATTEMPTS: '3',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    });
    laId = (await createOrganisation(app, { type: 'local-authority' })).id;
    admin = await signIn(app, { roles: ['system-admin'], organisationIds: [] });
  });
  afterAll(() => app.close());

  it('signs in with email (any case) and password, returning a token that works and the user', async () => {
    const { user, password } = await signIn(app, { roles: ['la-notifier'], organisationIds: [laId] });
    const res = await http()
      .post('/api/auth/login')
      .send({ email: user.email.toUpperCase(), password })
      .expect(200);
    expect(res.body.user).toEqual(user);
    expect(res.body.token).toMatch(/^cdr_[A-Za-z0-9_-]{43}$/);
    const me = await http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    expect(me.body).toMatchObject({ id: user.id, roles: ['la-notifier'], organisationIds: [laId] });
  });

  it('gives one message for an unknown email, a wrong password and a deactivated account', async () => {
    const known = await signIn(app, { roles: ['dcs'], organisationIds: [laId] });
    const gone = await signIn(app, { roles: ['dcs'], organisationIds: [laId] });
    await http().patch(`/api/users/${gone.user.id}`).set(admin.auth).send({ active: false }).expect(200);
    const attempts = [
      { email: `nobody-${Date.now()}@test.example`, password: 'whatever password here' },
      { email: known.user.email, password: 'not the right password' },
      { email: gone.user.email, password: gone.password },
    ];
    for (const body of attempts) {
      const res = await http().post('/api/auth/login').send(body).expect(401);
      expect(res.body.message).toBe(INVALID);
    }
  });

  it('refuses requests without a valid token with 401', async () => {
    await http().get('/api/auth/me').expect(401);
    await http().get('/api/auth/me').set('Authorization', 'Bearer cdr_not-a-real-token').expect(401);
  });

  it('ends a token at sign-out', async () => {
    const { auth } = await signIn(app, { roles: ['read-only'], organisationIds: [laId] });
    await http().post('/api/auth/logout').set(auth).expect(204);
    await http().get('/api/auth/me').set(auth).expect(401);
  });

  it('stops a deactivated user’s existing token and session on their next request', async () => {
    const victim = await signIn(app, { roles: ['cdop-panel-member'], organisationIds: [laId] });
    const sessions = app.get(SessionService);
    const session = await sessions.create(victim.user.id, '127.0.0.1');
    await http().get('/api/auth/me').set(victim.auth).expect(200);
    expect(await sessions.get(session.id)).toMatchObject({ id: victim.user.id, via: 'session' });

    const res = await http()
      .patch(`/api/users/${victim.user.id}`)
      .set(admin.auth)
      .send({ active: false })
      .expect(200);
    expect(res.body.active).toBe(false);
    await http().get('/api/auth/me').set(victim.auth).expect(401);
    await http().get('/api/auth/me').set('Cookie', `cdr_session=${session.id}`).expect(401);
    expect(await sessions.get(session.id)).toBeNull();

    await http().patch(`/api/users/${victim.user.id}`).set(admin.auth).send({ active: true }).expect(200);
    await http().get('/api/auth/me').set(victim.auth).expect(401);
  });

  it('locks an account after the configured failures, refusing even the right password until unlocked', async () => {
    const { user, password } = await signIn(app, { roles: ['la-notifier'], organisationIds: [laId] });
    for (let i = 0; i < 2; i++) {
      await http()
        .post('/api/auth/login')
        .send({ email: user.email, password: 'wrong wrong wrong' })
        .expect(401);
    }
    const third = await http()
      .post('/api/auth/login')
      .send({ email: user.email, password: 'wrong wrong wrong' });
    expect(third.status).toBe(401);
    expect(third.body).toMatchObject({ locked: true });
    const refused = await http().post('/api/auth/login').send({ email: user.email, password }).expect(401);
    expect(refused.body.message).toMatch(/locked after too many failed attempts/);
    expect(refused.body).not.toHaveProperty('token');

    await http().patch(`/api/users/${user.id}`).set(admin.auth).send({ unlock: true }).expect(200);
    await http().post('/api/auth/login').send({ email: user.email, password }).expect(200);
  });

  it('locks an unknown email the same way, so a lockout reveals nothing about accounts', async () => {
    const email = `unknown-${Date.now()}@test.example`;
    for (let i = 0; i < 3; i++)
      await http().post('/api/auth/login').send({ email, password: 'guess guess guess' });
    const res = await http()
      .post('/api/auth/login')
      .send({ email, password: 'guess guess guess' })
      .expect(401);
    expect(res.body).toMatchObject({ locked: true });
  });

  it('expires a session after SESSION_IDLE_MINUTES without a request', async () => {
    const { user } = await signIn(app, { roles: ['read-only'], organisationIds: [laId] });
    const sessions = app.get(SessionService);
    const session = await sessions.create(user.id, undefined);
    await app
      .get(DataSource)
      .query(`UPDATE web_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [
        user.id,
      ]);
    expect(await sessions.get(session.id)).toBeNull();
    const fresh = await sessions.create(user.id, undefined);
    await sessions.destroy(fresh.id);
    expect(await sessions.get(fresh.id)).toBeNull();
  });

  it('changes a password, checking the current one and the policy, and ends the user’s other sign-ins', async () => {
    const me = await signIn(app, { roles: ['dcs'], organisationIds: [laId] });
    const other = await http()
      .post('/api/auth/login')
      .send({ email: me.user.email, password: me.password })
      .expect(200);
    const wrong = await http()
      .post('/api/auth/password')
      .set(me.auth)
      .send({ currentPassword: 'not my password', newPassword: 'violet tractor sunrise 9' })
      .expect(400);
    expect(wrong.body.message).toEqual(['currentPassword is not correct']);
    const weak = await http()
      .post('/api/auth/password')
      .set(me.auth)
      .send({ currentPassword: me.password, newPassword: 'Password2026!' })
      .expect(400);
    expect(weak.body.message[0]).toMatch(/^newPassword is too common/);

    await http()
      .post('/api/auth/password')
      .set(me.auth)
      .send({ currentPassword: me.password, newPassword: 'violet tractor sunrise 9' })
      .expect(204);
    await http().get('/api/auth/me').set(me.auth).expect(200);
    await http().get('/api/auth/me').set('Authorization', `Bearer ${other.body.token}`).expect(401);
    await http().post('/api/auth/login').send({ email: me.user.email, password: me.password }).expect(401);
    await http()
      .post('/api/auth/login')
      .send({ email: me.user.email, password: 'violet tractor sunrise 9' })
      .expect(200);
  });
});

describe('identity: per-IP login rate limit', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => app.close());

  it('answers 429 with Retry-After once a client exceeds LOGIN_RATE_LIMIT_PER_MINUTE', async () => {
    for (let i = 0; i < 3; i++) {
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: `rate-${i}-${Date.now()}@test.example`, password: 'some password 1' })
        .expect(401);
    }
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: `rate-x-${Date.now()}@test.example`, password: 'some password 1' })
      .expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
