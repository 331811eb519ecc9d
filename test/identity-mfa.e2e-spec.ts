import type { NestExpressApplication } from '@nestjs/platform-express';
import { authenticator } from 'otplib';
import request from 'supertest';
import { createOrganisation, signIn } from './support/auth';
import { createTestApp } from './support/test-app';

/** The code an authenticator app would show `steps` periods of 30 seconds from now. */
function codeFor(secret: string, steps = 0): string {
  return authenticator.clone({ epoch: Date.now() + steps * 30_000 }).generate(secret);
}

describe('identity: TOTP second factor', () => {
  let app: NestExpressApplication;
  let cdopId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    // The default: system-admin and cdop-admin must use a second factor.
    app = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    const la = await createOrganisation(app, { type: 'local-authority' });
    cdopId = (await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [la.id] })).id;
  });
  afterAll(() => app.close());

  it('lets a user whose role needs a second factor in only to enrol, then requires the code at sign-in', async () => {
    const { user, password } = await signIn(app, { roles: ['cdop-admin'], organisationIds: [cdopId] });
    const first = await http().post('/api/auth/login').send({ email: user.email, password }).expect(200);
    expect(first.body).toMatchObject({ mfaEnrolmentRequired: true, user: { id: user.id } });
    const enrolOnly = { Authorization: `Bearer ${first.body.token}` };

    const blocked = await http().get('/api/organisations').set(enrolOnly).expect(403);
    expect(blocked.body).toMatchObject({ mfaEnrolmentRequired: true });
    await http().get('/api/auth/me').set(enrolOnly).expect(200);

    const enrolment = await http().post('/api/auth/mfa/enrol').set(enrolOnly).expect(200);
    expect(enrolment.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = new URL(enrolment.body.otpauthUrl).searchParams.get('secret')!;

    await http().post('/api/auth/mfa/confirm').set(enrolOnly).send({ otp: '12345' }).expect(400);
    const confirmed = await http()
      .post('/api/auth/mfa/confirm')
      .set(enrolOnly)
      .send({ otp: codeFor(secret) })
      .expect(200);
    expect(confirmed.body).toEqual({ mfaEnabled: true, signInAgain: true });
    await http().get('/api/auth/me').set(enrolOnly).expect(401);

    const noCode = await http().post('/api/auth/login').send({ email: user.email, password }).expect(401);
    expect(noCode.body).toMatchObject({ otpRequired: true });
    const wrongCode = await http()
      .post('/api/auth/login')
      .send({ email: user.email, password, otp: '000000' });
    expect(wrongCode.status).toBe(401);

    const otp = codeFor(secret, 1);
    const full = await http().post('/api/auth/login').send({ email: user.email, password, otp }).expect(200);
    expect(full.body).not.toHaveProperty('mfaEnrolmentRequired');
    await http().get('/api/organisations').set('Authorization', `Bearer ${full.body.token}`).expect(200);

    const replay = await http()
      .post('/api/auth/login')
      .send({ email: user.email, password, otp })
      .expect(401);
    expect(replay.body.message).toBe('The email address, password or security code is not correct');
  });

  it('lets a system administrator reset someone’s second factor over the API, signing them out', async () => {
    const person = await signIn(app, { roles: ['cdop-admin'], organisationIds: [cdopId] });
    const admin = await signIn(app, { roles: ['system-admin'], organisationIds: [] });
    const enrolment = await http().post('/api/auth/mfa/enrol').set(person.auth).expect(200);
    const secret = new URL(enrolment.body.otpauthUrl).searchParams.get('secret')!;
    await http()
      .post('/api/auth/mfa/confirm')
      .set(person.auth)
      .send({ otp: codeFor(secret) })
      .expect(200);
    const login = { email: person.user.email, password: person.password, otp: codeFor(secret, 1) };
    const session = await http().post('/api/auth/login').send(login).expect(200);
    const before = (await http().get('/api/users').set(admin.auth).expect(200)).body.find(
      (u: { id: string }) => u.id === person.user.id,
    );
    expect(before.mfaEnabled).toBe(true);

    await http()
      .post(`/api/users/${person.user.id}/mfa/reset`)
      .set(admin.auth)
      .send({ version: before.version - 1 })
      .expect(409);
    const reset = await http()
      .post(`/api/users/${person.user.id}/mfa/reset`)
      .set(admin.auth)
      .send({ version: before.version })
      .expect(200);
    expect(reset.body).toMatchObject({ id: person.user.id, mfaEnabled: false, version: before.version + 1 });
    await http().get('/api/auth/me').set('Authorization', `Bearer ${session.body.token}`).expect(401);
    const again = await http()
      .post('/api/auth/login')
      .send({ email: person.user.email, password: person.password })
      .expect(200);
    expect(again.body).toMatchObject({ mfaEnrolmentRequired: true });

    const audit = await http()
      .get('/api/audit')
      .query({ action: 'admin.user-mfa-reset', userId: admin.user.id })
      .set(admin.auth)
      .expect(200);
    expect(audit.body).toEqual([expect.objectContaining({ details: { targetUserId: person.user.id } })]);
  });

  it('does not ask for a second factor from roles that do not need one', async () => {
    const { user, password } = await signIn(app, { roles: ['cdop-panel-member'], organisationIds: [cdopId] });
    const res = await http().post('/api/auth/login').send({ email: user.email, password }).expect(200);
    expect(res.body).not.toHaveProperty('mfaEnrolmentRequired');
    await http().get('/api/organisations').set('Authorization', `Bearer ${res.body.token}`).expect(200);
  });
});
