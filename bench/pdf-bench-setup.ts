import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { addDays, londonDateOf } from '../src/calendar/iso-date';
import { loadEnvironment } from '../src/config/environment';
import { configureApp } from '../src/configure-app';
import { OrganisationsService } from '../src/identity/organisations.service';
import type { AuthenticatedUser, Role } from '../src/identity/permissions';
import { TokenService } from '../src/identity/token.service';
import { UsersService } from '../src/identity/users.service';
import { throwawayDatabase } from './bench-database';

/** The portal on a throwaway database, listening on a loopback port, with one seeded analysis form. */

export interface BenchPortal {
  app: NestExpressApplication;
  origin: string;
  user: AuthenticatedUser;
  authorization: string;
  caseId: string;
  close(): Promise<void>;
}

async function person(app: NestExpressApplication, roles: Role[], organisationIds: string[]) {
  const created = await app.get(UsersService).create(
    {
      email: `${roles[0]}-${randomBytes(6).toString('hex')}@bench.example`,
      name: `Bench ${roles[0]}`,
      password: `Pw ${randomBytes(12).toString('base64url')} zq`,
      roles,
      organisationIds,
    },
    null,
  );
  const { token } = await app.get(TokenService).issue(created.id);
  const user: AuthenticatedUser = { ...created, via: 'token' };
  return { user, authorization: `Bearer ${token}` };
}

async function call(origin: string, authorization: string, method: string, route: string, body: object) {
  const res = await fetch(`${origin}${route}`, {
    method,
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** A case notified ten days ago with a complete draft analysis form, seeded through the API. */
async function seedAnalysis(app: NestExpressApplication, origin: string) {
  const organisations = app.get(OrganisationsService);
  const la = await organisations.create({ name: 'Bench local authority', type: 'local-authority' }, null);
  const cdop = await organisations.create(
    { name: 'Bench CDOP', type: 'cdop', coversLocalAuthorityIds: [la.id] },
    null,
  );
  const admin = await person(app, ['cdop-admin'], [cdop.id]);
  const doctor = await person(app, ['designated-doctor'], [cdop.id]);
  const today = londonDateOf(new Date());
  const notified = await call(origin, admin.authorization, 'POST', '/api/child-deaths/notifications', {
    child: {
      givenName: 'Bench',
      familyName: 'Child',
      dateOfBirth: addDays(today, -200),
      sex: 'female',
      ethnicity: 'A',
      nhsNumberMissingReason: 'not-yet-available',
    },
    dateOfDeath: addDays(today, -10),
    placeOfDeath: 'home',
    notifiedAt: new Date(Date.now() - 9 * 86_400_000).toISOString(),
    expected: false,
    circumstances: { suddenNoApparentCause: true },
    circumstancesSummary: 'Found unresponsive in the morning.',
    cdopId: cdop.id,
    residentLocalAuthorityId: la.id,
    notifier: { name: 'Dr Bench', role: 'Paediatrician', organisation: 'Bench Hospital' },
    professionals: [{ name: 'Dr Bench', role: 'Paediatrician', organisation: 'Bench Hospital' }],
  });
  const caseId = notified.caseId as string;
  await call(origin, doctor.authorization, 'PUT', `/api/child-deaths/${caseId}/analysis`, {
    formVersion: '2026-04',
    domains: [
      { domain: 'A', factors: [{ code: 'A01', label: 'Prematurity or low birth weight', score: 1 }] },
      {
        domain: 'B',
        factors: [
          { code: 'B05', label: 'Unsafe sleeping arrangements', score: 2, modifiable: true },
          { code: 'B04', label: 'Smoking in pregnancy or in the household', score: 2, modifiable: true },
        ],
      },
    ],
    modifiableFactors: 'yes',
    primaryCategory: 10,
    causeOfDeath: 'Sudden unexpected death in infancy',
    icd10Codes: ['R95'],
    learningPoints: [
      'Safe sleep advice was not repeated after discharge.',
      'Smoking cessation support was not offered.',
    ],
    actions: [
      {
        owner: 'Community health',
        description: 'Repeat safe sleep advice at every contact.',
        dueDate: addDays(today, 90),
      },
    ],
    referredToSafeguarding: false,
  });
  return { ...admin, caseId };
}

export async function startBenchPortal(): Promise<BenchPortal> {
  const database = await throwawayDatabase();
  const env = loadEnvironment({
    ...process.env,
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
    // A first administrator of our own, so the portal does not print a generated password.
    ADMIN_EMAIL: 'bench-admin@bench.example',
    ADMIN_PASSWORD: randomBytes(18).toString('base64url'),
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, database.url), {
    logger: false,
    bufferLogs: true,
    // Fail with the reason instead of exiting silently (the logger is off).
    abortOnError: false,
  });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const origin = `http://127.0.0.1:${address.port}`;
  const seeded = await seedAnalysis(app, origin);
  return {
    app,
    origin,
    ...seeded,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
