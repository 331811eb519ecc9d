/**
 * Test sign-in helpers. They create organisations and users through the real services and issue a bearer
 * token directly with TokenService.issue, skipping the login route: so tests neither need a second factor
 * nor run into the per-IP login rate limit. Production cannot reach this path (it is a function call
 * inside the test process, not a route), and the tokens it issues are ordinary tokens, checked by the
 * real guard on every request (expiry, revocation, deactivation all apply).
 *
 * To exercise the login route itself, create the user with `signIn` (its `password` is returned) and
 * POST /api/auth/login; start the app with `createTestApp({ MFA_REQUIRED_ROLES: '' })` if the user's
 * roles would otherwise need a second factor.
 */
import type { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Logger, PinoLogger } from 'nestjs-pino';
import { Client } from 'pg';
import pino from 'pino';
import { Organisation, OrganisationType } from '../../src/identity/organisation.entity';
import { OrganisationsService } from '../../src/identity/organisations.service';
import type { Role } from '../../src/identity/permissions';
import { TokenService } from '../../src/identity/token.service';
import { UsersService } from '../../src/identity/users.service';

export interface TestOrganisation {
  name?: string;
  type: OrganisationType;
  code?: string;
  coversLocalAuthorityIds?: string[];
  partnerOrganisationIds?: string[];
}

export function createOrganisation(app: INestApplication, input: TestOrganisation): Promise<Organisation> {
  return app
    .get(OrganisationsService)
    .create({ ...input, name: input.name ?? `Test ${input.type} ${randomUUID().slice(0, 8)}` }, null);
}

export interface SignedIn {
  token: string;
  user: { id: string; email: string; name: string; roles: Role[]; organisationIds: string[] };
  auth: { Authorization: string };
  password: string;
}

/** A new active user with these roles and organisations, already holding a bearer token. */
export async function signIn(
  app: INestApplication,
  options: { roles: Role[]; organisationIds: string[]; name?: string; email?: string },
): Promise<SignedIn> {
  const password = `Pw ${randomBytes(12).toString('base64url')} zq`;
  const created = await app.get(UsersService).create(
    {
      email: options.email ?? `${options.roles[0] ?? 'user'}-${randomUUID()}@test.example`,
      name: options.name ?? `Test ${options.roles.join(' ')}`,
      password,
      roles: options.roles,
      organisationIds: options.organisationIds,
    },
    null,
  );
  const { token } = await app.get(TokenService).issue(created.id);
  const user = {
    id: created.id,
    email: created.email,
    name: created.name,
    roles: created.roles,
    organisationIds: created.organisationIds,
  };
  return { token, user, auth: { Authorization: `Bearer ${token}` }, password };
}

/**
 * Runs `use` against a brand-new empty database on the run's server (migrations run when the app
 * starts), for tests that need a first start or must damage data other test files share.
 */
export async function withScratchDatabase<T>(use: () => Promise<T>): Promise<T> {
  const shared = process.env.DATABASE_URL!;
  const name = `scratch_${randomUUID().replace(/-/g, '')}`;
  const admin = new Client({ connectionString: shared });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(shared);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  try {
    return await use();
  } finally {
    process.env.DATABASE_URL = shared;
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * Sends every log line the app writes from now on (request logs and application logs) into `lines`, by
 * replacing the destination of the pino loggers the app built. Start the app with the LOG_LEVEL wanted.
 */
export function captureLogs(app: INestApplication, lines: string[]): void {
  const sink = { write: (line: string) => void lines.push(line) };
  const outOfRequest = (app.get(Logger) as unknown as { logger: PinoLogger }).logger.logger;
  for (const logger of [PinoLogger.root, outOfRequest]) {
    (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = sink;
  }
  // Nest buffers application logs until the server listens; the tests never listen, so release them.
  app.flushLogs();
}
