import type { NestExpressApplication } from '@nestjs/platform-express';
import { authenticator } from 'otplib';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { SESSION_COOKIE, SessionService } from '../src/identity/session.service';
import { sha256 } from '../src/identity/secrets';
import { captureLogs, createOrganisation, signIn } from './support/auth';
import { createTestApp } from './support/test-app';

describe('no password, hash, token or TOTP secret in any log line or API response', () => {
  let app: NestExpressApplication;
  const lines: string[] = [];
  const secrets = new Set<string>();
  const responses: { route: string; body: string }[] = [];
  const http = () => request(app.getHttpServer());
  const keep = (route: string, res: Response) => {
    responses.push({ route, body: res.text });
    return res;
  };

  beforeAll(async () => {
    app = await createTestApp({
      LOG_LEVEL: 'trace',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      LOGIN_LOCKOUT_ATTEMPTS: '2',
    });
    captureLogs(app, lines);
  });
  afterAll(() => app.close());

  it('holds over sign-in, MFA, password, session and administration flows', async () => {
    const la = await createOrganisation(app, { type: 'local-authority' });
    const cdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [la.id] });
    const admin = await signIn(app, { roles: ['system-admin'], organisationIds: [] });
    secrets.add(admin.token).add(admin.password);

    const password = 'saffron pelican window 31';
    const email = `scan-${Date.now()}@test.example`;
    secrets.add(password);
    const created = keep(
      'POST /api/users',
      await http()
        .post('/api/users')
        .set(admin.auth)
        .send({ email, name: 'Scan Person', password, roles: ['la-notifier'], organisationIds: [la.id] })
        .expect(201),
    );
    const userId = created.body.id as string;
    secrets.add('short pw 1');
    keep(
      'POST /api/users (weak)',
      await http()
        .post('/api/users')
        .set(admin.auth)
        .send({ email: `x${email}`, name: 'X', password: 'short pw 1', roles: ['dcs'], organisationIds: [] })
        .expect(400),
    );

    const login = await http().post('/api/auth/login').send({ email, password }).expect(200);
    secrets.add(login.body.token);
    const auth = { Authorization: `Bearer ${login.body.token}` };
    keep('GET /api/auth/me', await http().get('/api/auth/me').set(auth).expect(200));
    secrets.add('wrong guess password 1').add('another wrong one 22');
    await http().post('/api/auth/login').send({ email, password: 'wrong guess password 1' }).expect(401);
    await http()
      .post('/api/auth/login')
      .send({ email: `nobody-${email}`, password: 'another wrong one 22' })
      .expect(401);

    const newPassword = 'harbour tangerine velvet 8';
    secrets.add(newPassword);
    await http()
      .post('/api/auth/password')
      .set(auth)
      .send({ currentPassword: password, newPassword })
      .expect(204);

    const sessions = app.get(SessionService);
    const session = await sessions.create(userId, '127.0.0.1');
    secrets.add(session.id);
    await http().get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=${session.id}`).expect(200);

    const mfaUser = await signIn(app, { roles: ['cdop-admin'], organisationIds: [cdop.id] });
    secrets.add(mfaUser.token).add(mfaUser.password);
    const enrolOnly = await http()
      .post('/api/auth/login')
      .send({ email: mfaUser.user.email, password: mfaUser.password })
      .expect(200);
    secrets.add(enrolOnly.body.token);
    const enrolAuth = { Authorization: `Bearer ${enrolOnly.body.token}` };
    const enrolment = await http().post('/api/auth/mfa/enrol').set(enrolAuth).expect(200);
    const totpSecret = new URL(enrolment.body.otpauthUrl).searchParams.get('secret')!;
    secrets.add(totpSecret);
    await http()
      .post('/api/auth/mfa/confirm')
      .set(enrolAuth)
      .send({ otp: authenticator.generate(totpSecret) })
      .expect(200);
    const otp = authenticator.clone({ epoch: Date.now() + 30_000 }).generate(totpSecret);
    const full = await http()
      .post('/api/auth/login')
      .send({ email: mfaUser.user.email, password: mfaUser.password, otp })
      .expect(200);
    secrets.add(full.body.token);
    await http()
      .post('/api/auth/logout')
      .set({ Authorization: `Bearer ${full.body.token}` })
      .expect(204);

    keep('GET /api/users', await http().get('/api/users').set(admin.auth).expect(200));
    keep(
      'PATCH /api/users/:id',
      await http().patch(`/api/users/${userId}`).set(admin.auth).send({ active: false }).expect(200),
    );
    keep('GET /api/audit', await http().get('/api/audit').set(admin.auth).expect(200));
    await http().get('/api/auth/me').set(auth).expect(401);

    const db = app.get(DataSource);
    const stored: { password_hash: string; mfa_secret: string | null }[] = await db.query(
      `SELECT password_hash, mfa_secret FROM app_user WHERE id = ANY($1::uuid[])`,
      [[userId, mfaUser.user.id, admin.user.id]],
    );
    for (const row of stored) {
      secrets.add(row.password_hash);
      if (row.mfa_secret) secrets.add(row.mfa_secret);
    }
    for (const secret of [...secrets]) if (secret.startsWith('cdr_')) secrets.add(sha256(secret));

    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((line) => line.includes('/api/auth/login'))).toBe(true);
    expect(lines.some((line) => line.includes('sign-in refused'))).toBe(true);
    const leaks = (texts: string[]) =>
      [...secrets].filter((secret) => texts.some((text) => text.includes(secret))).map((s) => s.slice(0, 6));
    expect(leaks(lines)).toEqual([]);
    expect(lines.filter((line) => line.includes('$argon2'))).toEqual([]);
    expect(leaks(responses.map((r) => r.body))).toEqual([]);
    expect(responses.filter((r) => r.body.includes('$argon2')).map((r) => r.route)).toEqual([]);

    const audit: { details: string }[] = await db.query(`SELECT details::text AS details FROM audit_event`);
    expect(leaks(audit.map((row) => row.details))).toEqual([]);
  });
});
