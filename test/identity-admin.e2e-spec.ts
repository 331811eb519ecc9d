import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createOrganisation, signIn, SignedIn } from './support/auth';
import { createTestApp } from './support/test-app';

describe('identity: organisations and users administration', () => {
  let app: NestExpressApplication;
  let admin: SignedIn;
  const http = () => request(app.getHttpServer());
  const unique = () => Math.random().toString(36).slice(2, 10);

  beforeAll(async () => {
    app = await createTestApp({ MFA_REQUIRED_ROLES: '' });
    admin = await signIn(app, { roles: ['system-admin'], organisationIds: [] });
  });
  afterAll(() => app.close());

  const createOrg = (body: object) => http().post('/api/organisations').set(admin.auth).send(body);

  it('creates the organisations of an area, and a partnership naming its three partners', async () => {
    const la = await createOrg({
      name: `LA ${unique()}`,
      type: 'local-authority',
      code: `E${unique()}`,
    }).expect(201);
    expect(la.body).toMatchObject({ type: 'local-authority', coversLocalAuthorityIds: [], version: 1 });
    expect(la.body).toHaveProperty('id');
    expect(la.body).toHaveProperty('createdAt');
    expect(la.body).toHaveProperty('updatedAt');
    const icb = await createOrg({ name: `ICB ${unique()}`, type: 'icb' }).expect(201);
    const police = await createOrg({ name: `Police ${unique()}`, type: 'police' }).expect(201);
    await createOrg({ name: `CDOP ${unique()}`, type: 'cdop', coversLocalAuthorityIds: [la.body.id] }).expect(
      201,
    );
    const partnership = await createOrg({
      name: `SCP ${unique()}`,
      type: 'safeguarding-partnership',
      coversLocalAuthorityIds: [la.body.id],
      partnerOrganisationIds: [la.body.id, icb.body.id, police.body.id],
    }).expect(201);
    expect(partnership.body.partnerOrganisationIds).toEqual([la.body.id, icb.body.id, police.body.id]);

    const list = await http().get('/api/organisations').set(admin.auth).expect(200);
    expect(list.body.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([la.body.id, partnership.body.id]),
    );
  });

  it('refuses invalid coverage and partners with 400 naming the field', async () => {
    const la = await createOrganisation(app, { type: 'local-authority' });
    const icb = await createOrganisation(app, { type: 'icb' });
    const trust = await createOrganisation(app, { type: 'agency' });
    const noCover = await createOrg({ name: 'CDOP', type: 'cdop' }).expect(400);
    expect(noCover.body.message[0]).toMatch(/^coversLocalAuthorityIds/);
    const badPartners = await createOrg({
      name: 'SCP',
      type: 'safeguarding-partnership',
      coversLocalAuthorityIds: [la.id],
      partnerOrganisationIds: [la.id, icb.id, trust.id],
    }).expect(400);
    expect(badPartners.body.message[0]).toMatch(/^partnerOrganisationIds must name exactly three partners/);
    const badType = await createOrg({ name: 'X', type: 'school' }).expect(400);
    expect(badType.body.message[0]).toMatch(/^type must be one of/);
    await createOrg({ name: 'X', type: 'icb', colour: 'red' }).expect(400);
  });

  it('refuses a second organisation with the same code (any case) with 409', async () => {
    const code = `dup-${unique()}`;
    await createOrg({ name: 'One', type: 'agency', code }).expect(201);
    await createOrg({ name: 'Two', type: 'agency', code: code.toUpperCase() }).expect(409);
  });

  describe('users', () => {
    let laId: string;
    const body = (extra: object = {}) => ({
      email: `person-${unique()}@test.example`,
      name: 'Sam Patel',
      password: 'amber lantern quietly 7',
      roles: ['la-notifier'],
      organisationIds: [laId],
      ...extra,
    });
    beforeAll(async () => {
      laId = (await createOrganisation(app, { type: 'local-authority' })).id;
    });

    it('creates a user and never returns the password or its hash', async () => {
      const res = await http().post('/api/users').set(admin.auth).send(body()).expect(201);
      expect(Object.keys(res.body).sort()).toEqual(
        [
          'active',
          'createdAt',
          'email',
          'id',
          'mfaEnabled',
          'name',
          'organisationIds',
          'roles',
          'updatedAt',
          'version',
        ].sort(),
      );
      expect(JSON.stringify(res.body)).not.toMatch(/amber lantern|argon2/);
    });

    it('refuses short and common passwords with 400', async () => {
      const short = await http()
        .post('/api/users')
        .set(admin.auth)
        .send(body({ password: 'short one' }))
        .expect(400);
      expect(short.body.message).toEqual(['password must be at least 12 characters']);
      const common = await http()
        .post('/api/users')
        .set(admin.auth)
        .send(body({ password: 'Password123456' }))
        .expect(400);
      expect(common.body.message[0]).toMatch(/^password is too common/);
    });

    it('treats emails as case-insensitive: a second account for the same address is 409', async () => {
      const first = body();
      await http().post('/api/users').set(admin.auth).send(first).expect(201);
      await http()
        .post('/api/users')
        .set(admin.auth)
        .send(body({ email: first.email.toUpperCase() }))
        .expect(409);
    });

    it('refuses unknown roles, unknown organisations and unknown fields with 400', async () => {
      const role = await http()
        .post('/api/users')
        .set(admin.auth)
        .send(body({ roles: ['superuser'] }))
        .expect(400);
      expect(role.body.message[0]).toMatch(/^roles must contain only/);
      const org = await http()
        .post('/api/users')
        .set(admin.auth)
        .send(body({ organisationIds: ['00000000-0000-4000-8000-000000000000'] }))
        .expect(400);
      expect(org.body.message[0]).toMatch(/^organisationIds: .* is not a known organisation/);
      await http()
        .post('/api/users')
        .set(admin.auth)
        .send(body({ admin: true }))
        .expect(400);
    });

    it('updates roles and organisations with the version read, 409 on a stale version, and audits the change', async () => {
      const created = await http().post('/api/users').set(admin.auth).send(body()).expect(201);
      const updated = await http()
        .patch(`/api/users/${created.body.id}`)
        .set(admin.auth)
        .send({ roles: ['dcs', 'la-notifier'], version: created.body.version })
        .expect(200);
      expect(updated.body).toMatchObject({
        roles: ['dcs', 'la-notifier'],
        version: created.body.version + 1,
      });
      await http()
        .patch(`/api/users/${created.body.id}`)
        .set(admin.auth)
        .send({ roles: ['dcs'], version: created.body.version })
        .expect(409);

      const audit = await http()
        .get('/api/audit')
        .query({ action: 'admin.user-update', userId: admin.user.id })
        .set(admin.auth)
        .expect(200);
      const event = audit.body.find(
        (e: { details: { targetUserId: string } }) => e.details.targetUserId === created.body.id,
      );
      expect(event.details.changes).toEqual({
        roles: { before: ['la-notifier'], after: ['dcs', 'la-notifier'] },
      });
    });

    it('answers 404 for PATCH of an unknown user and 400 for a malformed id', async () => {
      await http()
        .patch('/api/users/00000000-0000-4000-8000-000000000000')
        .set(admin.auth)
        .send({ active: true })
        .expect(404);
      await http().patch('/api/users/not-a-uuid').set(admin.auth).send({ active: true }).expect(400);
    });

    it('lists only the users of their own area to a CDOP admin', async () => {
      const laA = await createOrganisation(app, { type: 'local-authority' });
      const laB = await createOrganisation(app, { type: 'local-authority' });
      const cdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [laA.id] });
      const cdopAdmin = await signIn(app, { roles: ['cdop-admin'], organisationIds: [cdop.id] });
      const inArea = await signIn(app, { roles: ['la-notifier'], organisationIds: [laA.id] });
      const outside = await signIn(app, { roles: ['la-notifier'], organisationIds: [laB.id] });
      const res = await http().get('/api/users').set(cdopAdmin.auth).expect(200);
      const ids = res.body.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([cdopAdmin.user.id, inArea.user.id]));
      expect(ids).not.toContain(outside.user.id);
    });
  });
});
