import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DEMO_USERS, IdentityDemoSeeder } from '../src/identity/identity-demo.seeder';
import { ALL_ROLES } from '../src/identity/permissions';
import { withScratchDatabase } from './support/auth';
import { createTestApp } from './support/test-app';

describe('identity: demo data', () => {
  it('creates the demo area and one user per role, and running it again adds nothing', async () => {
    await withScratchDatabase(async () => {
      const app = await createTestApp({ MFA_REQUIRED_ROLES: '' });
      try {
        const seeder = app.get(IdentityDemoSeeder);
        await seeder.seedDemo();
        await seeder.seedDemo();
        const db = app.get(DataSource);
        const organisations: { type: string }[] = await db.query(`SELECT type FROM organisation`);
        expect(organisations.map((o) => o.type).sort()).toEqual(
          [
            'agency',
            'cdop',
            'icb',
            'local-authority',
            'local-authority',
            'police',
            'safeguarding-partnership',
          ].sort(),
        );
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM app_user WHERE email LIKE '%@northshire.example'`,
        );
        expect(n).toBe(DEMO_USERS.length);
        expect(new Set(DEMO_USERS.flatMap((u) => u.roles))).toEqual(new Set(ALL_ROLES));

        const manager = DEMO_USERS.find((u) => u.roles.includes('partnership-manager'))!;
        const login = await request(app.getHttpServer())
          .post('/api/auth/login')
          .send({ email: manager.email, password: DEMO_PASSWORD })
          .expect(200);
        expect(login.body.user.organisationIds).toHaveLength(1);
      } finally {
        await app.close();
      }
    });
  });
});
