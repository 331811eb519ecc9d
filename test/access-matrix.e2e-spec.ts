/**
 * The access matrix: every API route × every role (plus no sign-in, and the same roles from another
 * area) → exactly the status the contract gives. One row per route.
 *
 * TO ADD A ROUTE, append a row to ROWS:
 *
 *   {
 *     route: 'POST /api/child-deaths/:caseId/jar/decision',   // method + path exactly as registered
 *     allowed: ['designated-doctor'],                         // roles that get in ('public' for @Public)
 *     expect: 200,                                            // what an allowed caller gets
 *     scope: 'act',                                           // case routes: 'read' (others' cases → 404)
 *                                                             //   or 'act' (others' cases → 403)
 *     request: async (m) => ({                                // optional; runs once per call, so it can
 *       path: `/api/child-deaths/${await myCaseIn(m, m.areaA)}/jar/decision`,  // make fresh data
 *       body: { required: true },
 *     }),
 *   },
 *
 * Callers: each role's user belongs to area A (CDOP roles to A's CDOP, la-notifier/dcs/safeguarding-
 * partner to A's local authority, partnership-manager to A's partnership; system-admin and reviewer to
 * no organisation). For rows with `scope`, the same roles from area B must get 404/403 for A's case;
 * `m.caller` is who is about to call (for example to commission a reviewer). Every call gets a fresh
 * bearer token, so a row may sign out or change data freely.
 *
 * The last test fails when an /api route has no row; AWAITING_ROWS lists routes whose owners have yet
 * to add theirs (move a route from there into ROWS when you add its row).
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ALL_ROLES, Role } from '../src/identity/permissions';
import { TokenService } from '../src/identity/token.service';
import { CHILD_DEATH_ROWS } from './child-deaths.matrix';
import { REPORT_ROWS } from './reports.matrix';
import { SERIOUS_INCIDENT_ROWS } from './serious-incidents.matrix';
import { createOrganisation, signIn } from './support/auth';
import { createTestApp } from './support/test-app';

export interface Area {
  localAuthorityId: string;
  cdopId: string;
  icbId: string;
  policeId: string;
  partnershipId: string;
  agencyId: string;
}

export interface MatrixContext {
  app: NestExpressApplication;
  areaA: Area;
  areaB: Area;
  caller: { id: string; roles: Role[]; organisationIds: string[] } | null;
}

interface MatrixRequest {
  path?: string;
  body?: object;
  query?: Record<string, string>;
}

interface MatrixRow {
  route: string;
  allowed: readonly Role[] | 'public';
  expect: number;
  scope?: 'read' | 'act';
  request?: (m: MatrixContext) => Promise<MatrixRequest> | MatrixRequest;
}

const ADMINS_OF_CASES: Role[] = ['system-admin', 'cdop-admin', 'partnership-manager'];

/** The CDOP or partnership whose clock windows the caller looks after: the partnership for its manager. */
function ownDefaultsOrganisation(m: MatrixContext): string {
  return m.caller?.roles.includes('partnership-manager') ? m.areaA.partnershipId : m.areaA.cdopId;
}
const unique = () => randomUUID().slice(0, 8);

const ROWS: MatrixRow[] = [
  { route: 'GET /health', allowed: 'public', expect: 200 },
  {
    route: 'POST /api/auth/login',
    allowed: 'public',
    expect: 401,
    request: () => ({ body: { email: `nobody-${unique()}@test.example`, password: 'not a real password' } }),
  },
  { route: 'GET /api/auth/me', allowed: ALL_ROLES, expect: 200 },
  { route: 'POST /api/auth/logout', allowed: ALL_ROLES, expect: 204 },
  {
    route: 'POST /api/auth/password',
    allowed: ALL_ROLES,
    // Signed in and let through; refused only because the current password is wrong.
    expect: 400,
    request: () => ({
      body: { currentPassword: 'wrong current password', newPassword: 'orchid ladder quartz 5' },
    }),
  },
  { route: 'POST /api/auth/mfa/enrol', allowed: ALL_ROLES, expect: 200 },
  {
    route: 'POST /api/auth/mfa/confirm',
    allowed: ALL_ROLES,
    expect: 400,
    request: () => ({ body: { otp: 'abcdef' } }),
  },
  {
    route: 'POST /api/organisations',
    allowed: ['system-admin'],
    expect: 201,
    request: () => ({ body: { name: `Matrix trust ${unique()}`, type: 'agency' } }),
  },
  { route: 'GET /api/organisations', allowed: ALL_ROLES, expect: 200 },
  {
    route: 'POST /api/users',
    allowed: ['system-admin'],
    expect: 201,
    request: (m) => ({
      body: {
        email: `matrix-${unique()}@test.example`,
        name: 'Matrix Person',
        password: 'copper meadow lantern 4',
        roles: ['read-only'],
        organisationIds: [m.areaA.localAuthorityId],
      },
    }),
  },
  { route: 'GET /api/users', allowed: ADMINS_OF_CASES, expect: 200 },
  {
    route: 'PATCH /api/users/:id',
    allowed: ['system-admin'],
    expect: 200,
    request: async (m) => {
      const target = await signIn(m.app, {
        roles: ['read-only'],
        organisationIds: [m.areaA.localAuthorityId],
      });
      return { path: `/api/users/${target.user.id}`, body: { roles: ['read-only', 'la-notifier'] } };
    },
  },
  {
    route: 'POST /api/users/:id/mfa/reset',
    allowed: ['system-admin'],
    expect: 200,
    request: async (m) => {
      const target = await signIn(m.app, {
        roles: ['read-only'],
        organisationIds: [m.areaA.localAuthorityId],
      });
      return { path: `/api/users/${target.user.id}/mfa/reset`, body: {} };
    },
  },
  { route: 'GET /api/audit', allowed: ADMINS_OF_CASES, expect: 200 },
  { route: 'GET /api/audit/verify', allowed: ['system-admin'], expect: 200 },
  {
    route: 'GET /api/calendar/bank-holidays',
    allowed: ALL_ROLES,
    expect: 200,
    request: () => ({ query: { year: '2026' } }),
  },
  {
    route: 'GET /api/calendar/working-days',
    allowed: ALL_ROLES,
    expect: 200,
    request: () => ({ query: { from: '2026-05-22', add: '5' } }),
  },
  {
    route: 'POST /api/calendar/bank-holidays',
    allowed: ['system-admin'],
    // Let through, then refused because Christmas Day is already a holiday: the shared calendar stays as it is.
    expect: 400,
    request: () => ({ body: { date: '2026-12-25', name: 'Matrix holiday' } }),
  },
  { route: 'GET /api/deadlines', allowed: ALL_ROLES, expect: 200 },
  {
    route: 'GET /api/organisations/:id/clock-defaults',
    allowed: ['system-admin', 'cdop-admin', 'partnership-manager'],
    expect: 200,
    request: (m) => ({ path: `/api/organisations/${ownDefaultsOrganisation(m)}/clock-defaults` }),
  },
  {
    route: 'PUT /api/organisations/:id/clock-defaults',
    allowed: ['cdop-admin', 'partnership-manager'],
    expect: 200,
    request: (m) => {
      const id = ownDefaultsOrganisation(m);
      const ruleId = id === m.areaA.partnershipId ? 'SI-LCSPR-INFORM' : 'CDR-CDRM';
      return {
        path: `/api/organisations/${id}/clock-defaults`,
        body: { defaults: [{ ruleId, amount: 20 }] },
      };
    },
  },
  { route: 'GET /api/reminders', allowed: ALL_ROLES, expect: 200 },
  { route: 'GET /api/reminders/failures', allowed: ['system-admin'], expect: 200 },
  {
    route: 'POST /api/reminders/:id/read',
    allowed: ALL_ROLES,
    // Let through, then not found: the reminder is not in the caller's inbox.
    expect: 404,
    request: () => ({ path: `/api/reminders/${randomUUID()}/read` }),
  },
  ...SERIOUS_INCIDENT_ROWS,
  {
    // Identifiable mode is the default and only a CDOP's administrator may take it (spec/ncmd-export.md).
    route: 'GET /api/exports/ncmd',
    allowed: ['cdop-admin'],
    expect: 200,
    request: (m) => ({ query: { cdopId: m.areaA.cdopId, format: 'json' } }),
  },
  ...REPORT_ROWS,
  ...CHILD_DEATH_ROWS,
];

/** Routes that exist but whose owners have not yet added their rows. */
const AWAITING_ROWS: string[] = [];

/** Which of an area's organisations a user with this role belongs to. */
function homeOrganisations(role: Role, area: Area): string[] {
  switch (role) {
    case 'system-admin':
    case 'reviewer':
      return [];
    case 'la-notifier':
    case 'dcs':
    case 'safeguarding-partner':
      return [area.localAuthorityId];
    case 'partnership-manager':
      return [area.partnershipId];
    default:
      return [area.cdopId];
  }
}

async function createArea(app: NestExpressApplication): Promise<Area> {
  const la = await createOrganisation(app, { type: 'local-authority' });
  const icb = await createOrganisation(app, { type: 'icb' });
  const police = await createOrganisation(app, { type: 'police' });
  const cdop = await createOrganisation(app, { type: 'cdop', coversLocalAuthorityIds: [la.id] });
  const partnership = await createOrganisation(app, {
    type: 'safeguarding-partnership',
    coversLocalAuthorityIds: [la.id],
    partnerOrganisationIds: [la.id, icb.id, police.id],
  });
  const agency = await createOrganisation(app, { type: 'agency' });
  return {
    localAuthorityId: la.id,
    cdopId: cdop.id,
    icbId: icb.id,
    policeId: police.id,
    partnershipId: partnership.id,
    agencyId: agency.id,
  };
}

describe('access matrix', () => {
  let app: NestExpressApplication;
  let areaA: Area;
  let areaB: Area;
  const home = new Map<Role, MatrixContext['caller']>();
  const away = new Map<Role, MatrixContext['caller']>();

  beforeAll(async () => {
    app = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '100000' });
    areaA = await createArea(app);
    areaB = await createArea(app);
    for (const role of ALL_ROLES) {
      home.set(
        role,
        (await signIn(app, { roles: [role], organisationIds: homeOrganisations(role, areaA) })).user,
      );
      away.set(
        role,
        (await signIn(app, { roles: [role], organisationIds: homeOrganisations(role, areaB) })).user,
      );
    }
  });
  afterAll(() => app.close());

  async function call(row: MatrixRow, caller: MatrixContext['caller']): Promise<number> {
    const [method, pattern] = row.route.split(' ');
    const spec = (await row.request?.({ app, areaA, areaB, caller })) ?? {};
    const req = request(app.getHttpServer())[method.toLowerCase() as 'get'](spec.path ?? pattern);
    if (caller) req.set('Authorization', `Bearer ${(await app.get(TokenService).issue(caller.id)).token}`);
    if (spec.query) req.query(spec.query);
    return (await (spec.body ? req.send(spec.body) : req)).status;
  }

  it.each(ROWS.map((row) => [row.route, row] as const))('%s', async (_route, row) => {
    const expected: Record<string, number> = {};
    const actual: Record<string, number> = {};
    expected['not signed in'] = row.allowed === 'public' ? row.expect : 401;
    actual['not signed in'] = await call(row, null);
    for (const role of ALL_ROLES) {
      const allowed = row.allowed === 'public' || row.allowed.includes(role);
      expected[role] = allowed ? row.expect : 403;
      actual[role] = await call(row, home.get(role)!);
      if (row.scope && allowed) {
        expected[`${role} of another area`] = row.scope === 'read' ? 404 : 403;
        actual[`${role} of another area`] = await call(row, away.get(role)!);
      }
    }
    expect(actual).toEqual(expected);
  });

  it('has a row for every API route', () => {
    const router = (app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } }).router;
    const routes = router.stack
      .filter((layer) => layer.route && /^\/(api\/(?!docs)|health)/.test(layer.route.path))
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`),
      );
    const covered = new Set([...ROWS.map((row) => row.route), ...AWAITING_ROWS]);
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
  });
});

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}
