import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEFAULT_ADMIN_EMAIL } from '../src/identity/first-admin.service';
import { withScratchDatabase } from './support/auth';
import { createTestApp } from './support/test-app';

const countAdmins = async (app: NestExpressApplication) =>
  Number(
    (
      await app.get(DataSource).query(`SELECT count(*) AS n FROM app_user WHERE 'system-admin' = ANY(roles)`)
    )[0].n,
  );

/** Starts the app, runs `use`, and always closes it again. */
async function started(env: Record<string, string>, use: (app: NestExpressApplication) => Promise<void>) {
  const app = await createTestApp(env);
  try {
    await use(app);
  } finally {
    await app.close();
  }
}

describe('identity: the first system administrator', () => {
  it('is created once from ADMIN_EMAIL and ADMIN_PASSWORD, and a later start changes nothing', async () => {
    await withScratchDatabase(async () => {
      const env = {
        ADMIN_EMAIL: 'first.admin@test.example',
        ADMIN_PASSWORD: 'first admin pass 2026',
        MFA_REQUIRED_ROLES: '',
      };
      const signIn = (app: NestExpressApplication) =>
        request(app.getHttpServer())
          .post('/api/auth/login')
          .send({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
      await started(env, async (app) => {
        const login = await signIn(app).expect(200);
        expect(login.body.user).toMatchObject({
          email: env.ADMIN_EMAIL,
          roles: ['system-admin'],
          organisationIds: [],
        });
      });
      await started({ ...env, ADMIN_PASSWORD: 'a different password 99' }, async (app) => {
        expect(await countAdmins(app)).toBe(1);
        await signIn(app).expect(200);
      });
    });
  });

  it('without them, prints a generated password once, which signs in', async () => {
    await withScratchDatabase(async () => {
      const printed: string[] = [];
      const write = process.stdout.write.bind(process.stdout);
      const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        if (String(chunk).startsWith('First system administrator')) printed.push(String(chunk));
        else write(chunk);
        return true;
      });
      try {
        await started({ MFA_REQUIRED_ROLES: '' }, async (app) => {
          expect(printed).toHaveLength(1);
          expect(printed[0]).toContain(DEFAULT_ADMIN_EMAIL);
          const password = /password (\S+) /.exec(printed[0])![1];
          await request(app.getHttpServer())
            .post('/api/auth/login')
            .send({ email: DEFAULT_ADMIN_EMAIL, password })
            .expect(200);
        });
        await started({ MFA_REQUIRED_ROLES: '' }, async (app) => {
          expect(await countAdmins(app)).toBe(1);
        });
        expect(printed).toHaveLength(1);
      } finally {
        spy.mockRestore();
      }
    });
  });
});
